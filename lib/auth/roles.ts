// SPEC §1: what each role may do. The single source of truth for every guard.
export const ROLES = ["member", "partner_admin", "account_admin", "global_admin"] as const;
export type Role = (typeof ROLES)[number];

/** SPEC §10: whoever runs the instance; a user of no organization, never one of ROLES. */
export const OPERATOR_ROLE = "operator";
export type StoredRole = Role | typeof OPERATOR_ROLE;

export const ROLE_LABELS: Record<StoredRole, string> = {
  member: "Member (no membership role)",
  partner_admin: "Partner admin",
  account_admin: "Account admin",
  global_admin: "Global admin",
  operator: "Operator",
};

export type Permission =
  | "membership:view" // the Membership workspace, every detail page and download
  | "data:import"
  | "offers:purchase" // buy and renew designations
  | "billing:manage"
  | "users:manage"
  | "audit:view"
  | "tokens:manage"; // the organization's API tokens (SPEC §7 automation)

const GRANTS: Record<Permission, readonly Role[]> = {
  "membership:view": ["partner_admin", "account_admin", "global_admin"],
  "data:import": ["partner_admin", "account_admin", "global_admin"],
  "offers:purchase": ["account_admin", "global_admin"],
  "billing:manage": ["global_admin"],
  "users:manage": ["global_admin"],
  "audit:view": ["global_admin"],
  "tokens:manage": ["global_admin"],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[permission].includes(role);
}

/** The roles that would grant a permission, for "you need …" pages. */
export function rolesGranting(permission: Permission): Role[] {
  return [...GRANTS[permission]];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
