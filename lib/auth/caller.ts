import { DomainError, ForbiddenError } from "@/lib/errors";
import { can, type Permission, ROLE_LABELS, type Role, rolesGranting } from "./roles";

// The one identity every page, route, action, verb and audit row reads: whoever acts, however
// they authenticated (SPEC §9 sessions, §10 operator, §11 single sign-on, §7 API tokens).

/** An organization's user, re-read from the database with their session on every request (SPEC §9). */
export type UserCaller = {
  kind: "user";
  sessionId: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  orgId: string;
  orgName: string;
  partnerId: string;
  country: string;
  verified: boolean;
};

/** An operator (SPEC §10): a signed-in user of no organization. */
export type OperatorCaller = { kind: "operator"; sessionId: string; userId: string; email: string; name: string };

/** An organization's API token (SPEC §7 automation), named by its name; it acts for its organization only. */
export type TokenCaller = { kind: "token"; tokenId: string; name: string; orgId: string };

export type Caller =
  | UserCaller
  | OperatorCaller
  | TokenCaller
  | { kind: "cli" }
  /** Automatic changes (expiries, lapses, enrollments at no charge). */
  | { kind: "system" }
  /** Someone signing in: a refused identity (SPEC §11) by its label, or the user whose identity is linked. */
  | { kind: "sign-in"; label: string; userId?: string };

/** Whoever a live session belongs to: an organization's user or an operator, never both. */
export type SessionCaller = UserCaller | OperatorCaller;

/** How a caller is named in the audit log and in "imported by": email, "cli", "system" or "token:<name>". */
export function actorName(caller: Caller): string {
  if (caller.kind === "user" || caller.kind === "operator") return caller.email;
  if (caller.kind === "token") return `token:${caller.name}`;
  if (caller.kind === "sign-in") return caller.label;
  return caller.kind;
}

/** The organization a caller belongs to (none for the operator, the CLI and the system). */
export function callerOrgId(caller: Caller): string | null {
  return caller.kind === "user" || caller.kind === "token" ? caller.orgId : null;
}

/** The user behind a caller, when there is one (an audit row's actor_user_id). */
export function callerUserId(caller: Caller): string | null {
  if (caller.kind === "user" || caller.kind === "operator") return caller.userId;
  return caller.kind === "sign-in" ? (caller.userId ?? null) : null;
}

function roleRefusal(permission: Permission): ForbiddenError {
  const roles = rolesGranting(permission)
    .map((r) => ROLE_LABELS[r].toLowerCase())
    .join(" or ");
  return new ForbiddenError(`Your role does not allow this: it needs the ${roles} role.`);
}

/** Verbs only an organization's user runs (ordering, billing): a user whose role grants `permission`. */
export function requireRole(caller: Caller, permission: Permission): UserCaller {
  if (caller.kind !== "user" || !can(caller.role, permission)) throw roleRefusal(permission);
  return caller;
}

/**
 * Verbs on one organization that its users, the operator (SPEC §10) and the CLI all run: a user
 * needs the role for `permission` and acts on their own organization only; a token never runs them.
 */
export function authorize(caller: Caller, permission: Permission, orgId: string): void {
  if (caller.kind === "operator" || caller.kind === "cli" || caller.kind === "system") return;
  if (caller.kind !== "user" || !can(caller.role, permission)) throw roleRefusal(permission);
  if (caller.orgId !== orgId) throw new DomainError("Not in your organization.", undefined, "not_found");
}

/** Operator-only verbs (confirming a received wire transfer): an operator or the CLI, never a partner user. */
export function requireOperatorOrCli(caller: Caller): void {
  if (caller.kind !== "operator" && caller.kind !== "cli")
    throw new ForbiddenError("Only an operator confirms payments (the operator workspace, or the CLI).");
}
