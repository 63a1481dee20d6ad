import type { Actor } from "@/lib/audit";
import { can, type Permission, ROLE_LABELS, type Role, rolesGranting } from "@/lib/auth/roles";
import type { AuthContext } from "@/lib/auth/sessions";
import { DomainError, ForbiddenError } from "@/lib/errors";

// Who calls an offers verb. The verbs check the role themselves (not only the disabled button):
// a signed-in user of one organization, or the operator CLI.
export type Caller =
  | { kind: "user"; userId: string; email: string; orgId: string; role: Role }
  | { kind: "operator"; userId: string; email: string } // SPEC §10: signed in on /operator
  | { kind: "cli" };
export type UserCaller = Extract<Caller, { kind: "user" }>;

export function callerOf(ctx: AuthContext): UserCaller {
  return { kind: "user", userId: ctx.userId, email: ctx.email, orgId: ctx.orgId, role: ctx.role };
}

export function actorOfCaller(caller: Caller): Actor {
  if (caller.kind === "user") return { kind: "user", userId: caller.userId, email: caller.email, orgId: caller.orgId };
  if (caller.kind === "operator") return { kind: "operator", userId: caller.userId, email: caller.email };
  return { kind: "cli" };
}

export { ForbiddenError };

/** Refused verbs name the roles that would allow them. */
export function requireUser(caller: Caller, permission: Permission): UserCaller {
  if (caller.kind !== "user" || !can(caller.role, permission)) {
    const roles = rolesGranting(permission)
      .map((r) => ROLE_LABELS[r].toLowerCase())
      .join(" or ");
    throw new ForbiddenError(`Your role does not allow this: it needs the ${roles} role.`);
  }
  return caller;
}

/** Operator-only verbs (confirming a received wire transfer): an operator or the CLI, never a partner user. */
export function requireOperator(caller: Caller): void {
  if (caller.kind === "user")
    throw new ForbiddenError("Only an operator confirms payments (the operator workspace, or the CLI).");
}

/** "Already ordered": a second order for the same offer and term is refused with this error. */
export class AlreadyOrderedError extends DomainError {
  constructor(message: string) {
    super(message, undefined, "already_ordered");
    this.name = "AlreadyOrderedError";
  }
}
