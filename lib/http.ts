import type { OperatorCaller, TokenCaller, UserCaller } from "@/lib/auth/caller";
import { AccessError, requireAccess, requireApiCaller, requireOperator } from "@/lib/auth/guard";
import type { Permission } from "@/lib/auth/roles";
import type { ApiPermission } from "@/lib/auth/scopes";
import { DomainError } from "@/lib/errors";
import { logUnexpected } from "@/lib/log";

const NO_STORE = { "cache-control": "no-store" };
/** A refusal of the caller's role is a 403, never a 400 (SPEC §9: role checked on the server). */
const STATUS_OF_CODE: Record<string, number> = { not_found: 404, forbidden: 403 };

export function jsonError(
  status: number,
  error: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return Response.json({ error, ...extra }, { status, headers: { ...NO_STORE, ...headers } });
}

/** The one wrapper for route handlers: guard → handler; errors become JSON without internals. */
export function guardedRoute<P = unknown>(
  permission: Permission,
  handler: (ctx: UserCaller, request: Request, params: P) => Promise<Response>,
) {
  return guarded(() => requireAccess(permission), handler);
}

/** The same wrapper for the operator workspace's routes and downloads (SPEC §10). */
export function operatorRoute<P = unknown>(
  handler: (op: OperatorCaller, request: Request, params: P) => Promise<Response>,
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
      if (error instanceof DomainError) return jsonError(STATUS_OF_CODE[error.code] ?? 400, error.message);
      const ref = logUnexpected(error, { route: new URL(request.url).pathname });
      return jsonError(500, `Internal error (reference ${ref}).`, { reference: ref });
    }
  };
}

/**
 * The wrapper for the API routes that organization API tokens may call (SPEC §7): the same as
 * guardedRoute, but the caller may also be a bearer token with the scope for `permission`.
 * The handler gets the caller (a user or a token, both of one organization) and need not ask which.
 */
export function apiRoute<P = unknown>(
  permission: ApiPermission,
  handler: (caller: UserCaller | TokenCaller, request: Request, params: P) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const caller = await requireApiCaller(permission, request.headers);
      return await handler(caller, request, await context.params);
    } catch (error) {
      if (error instanceof AccessError) return accessErrorResponse(error);
      if (error instanceof DomainError)
        return jsonError(error.code === "not_found" ? 404 : error.code === "forbidden" ? 403 : 400, error.message);
      const ref = logUnexpected(error, { route: new URL(request.url).pathname });
      return jsonError(500, `Internal error (reference ${ref}).`, { reference: ref });
    }
  };
}

function accessErrorResponse(error: AccessError): Response {
  const response = jsonError(error.status, error.message);
  if (error.status === 401) response.headers.set("www-authenticate", 'Bearer realm="api"');
  if (error.retryAfterSeconds !== undefined) response.headers.set("retry-after", String(error.retryAfterSeconds));
  return response;
}

export function json(body: unknown): Response {
  return Response.json(body, { headers: NO_STORE });
}
