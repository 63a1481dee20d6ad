import { AccessError, requireAccess, requireOperator } from "@/lib/auth/guard";
import type { Permission } from "@/lib/auth/roles";
import type { AuthContext, OperatorContext } from "@/lib/auth/sessions";
import { DomainError } from "@/lib/errors";
import { logUnexpected } from "@/lib/log";

const NO_STORE = { "cache-control": "no-store" };

export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...extra }, { status, headers: NO_STORE });
}

/** The one wrapper for route handlers: guard → handler; errors become JSON without internals. */
export function guardedRoute<P = unknown>(
  permission: Permission,
  handler: (ctx: AuthContext, request: Request, params: P) => Promise<Response>,
) {
  return guarded(() => requireAccess(permission), handler);
}

/** The same wrapper for the operator workspace's routes and downloads (SPEC §10). */
export function operatorRoute<P = unknown>(
  handler: (op: OperatorContext, request: Request, params: P) => Promise<Response>,
) {
  return guarded(requireOperator, handler);
}

function guarded<C, P>(guard: () => Promise<C>, handler: (ctx: C, request: Request, params: P) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const ctx = await guard();
      return await handler(ctx, request, await context.params);
    } catch (error) {
      if (error instanceof AccessError) return jsonError(error.status, error.message);
      if (error instanceof DomainError) return jsonError(error.code === "not_found" ? 404 : 400, error.message);
      const ref = logUnexpected(error, { route: new URL(request.url).pathname });
      return jsonError(500, `Internal error (reference ${ref}).`, { reference: ref });
    }
  };
}

export function json(body: unknown): Response {
  return Response.json(body, { headers: NO_STORE });
}
