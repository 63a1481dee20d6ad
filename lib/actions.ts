import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { z } from "zod";
import type { OperatorCaller, UserCaller } from "@/lib/auth/caller";
import { AccessError, requireOperator, requireOrgUser } from "@/lib/auth/guard";
import { DomainError, zodMessages } from "@/lib/errors";
import { sameOrigin } from "@/lib/imports/http";
import { logUnexpected } from "@/lib/log";

export type FormState = { ok?: boolean; message?: string; errors?: Record<string, string[]> };

export const CROSS_SITE_MESSAGE =
  "Cross-site request refused: this form works from this site's pages only. Nothing was changed.";

/**
 * The one wrapper for server actions: origin → session → zod parse → verb. The verb checks the
 * role (lib/auth/caller.ts), as it does for the CLI and the API, so it is checked in one place.
 * Next.js refuses a foreign Origin on server actions but lets a request without one through;
 * every action here changes state, so a missing Origin is refused too (SPEC §9, request forgery). Domain errors map to
 * `{ errors, message }`; anything unexpected is logged and answered with a reference only.
 */
export async function runFormAction<S extends z.ZodType>(
  schema: S,
  input: unknown,
  verb: (caller: UserCaller, data: z.infer<S>) => Promise<string>,
  revalidate?: string,
): Promise<FormState> {
  return runGuarded(requireOrgUser, schema, input, verb, revalidate, { action: "organization" });
}

/** The same wrapper for the operator workspace (SPEC §10): only an operator passes the guard. */
export async function runOperatorAction<S extends z.ZodType>(
  schema: S,
  input: unknown,
  verb: (op: OperatorCaller, data: z.infer<S>) => Promise<string>,
  revalidate?: string,
): Promise<FormState> {
  return runGuarded(requireOperator, schema, input, verb, revalidate, { permission: "operator" });
}

async function runGuarded<C, S extends z.ZodType>(
  guard: () => Promise<C>,
  schema: S,
  input: unknown,
  verb: (ctx: C, data: z.infer<S>) => Promise<string>,
  revalidate: string | undefined,
  logContext: Record<string, unknown>,
): Promise<FormState> {
  try {
    if (!sameOrigin(await headers())) return { ok: false, message: CROSS_SITE_MESSAGE };
    const ctx = await guard();
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, message: "Please correct the highlighted fields.", errors: zodMessages(parsed.error.issues) };
    }
    const message = await verb(ctx, parsed.data);
    if (revalidate) revalidatePath(revalidate);
    return { ok: true, message };
  } catch (error) {
    if (error instanceof AccessError) return { ok: false, message: error.message };
    if (error instanceof DomainError) {
      return {
        ok: false,
        message: error.message,
        errors: error.field ? { [error.field]: [error.message] } : undefined,
      };
    }
    const ref = logUnexpected(error, logContext);
    return { ok: false, message: `Something went wrong (reference ${ref}). Nothing was changed.` };
  }
}

/** The string fields of a form; nothing when the caller sent no FormData (a hand-made action call). */
export function formObject(form: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(form instanceof FormData)) return out;
  for (const [k, v] of form) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}
