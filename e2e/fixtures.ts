// Organizations created for the end-to-end run, one per test (so tests never share state).
// The server script seeds them before the app starts; tests sign in as their users.
export const E2E_PASSWORD = "e2e-password-1";
export const E2E_TODAY = "2026-11-15";

export const E2E_ORGS = {
  signin: "e2e-signin",
  member: "e2e-member",
  wrong: "e2e-wrong",
  rate: "e2e-rate",
  users: "e2e-users",
  redirect: "e2e-redirect",
  isolationA: "e2e-iso-a",
  isolationB: "e2e-iso-b",
  tsView: "e2e-ts",
  spView: "e2e-sp",
  import: "e2e-import",
  beyondWhatIf: "e2e-beyond-whatif",
  beyondAlerts: "e2e-beyond-alerts",
  beyondForecast: "e2e-beyond-forecast",
  offersBuy: "e2e-offers-buy",
  offersWire: "e2e-offers-wire",
  offersRenew: "e2e-offers-renew",
  offersBadges: "e2e-offers-badges",
  offersRoles: "e2e-offers-roles",
  // issue #8 (e2e/seed-security.ts): two organizations for the access matrix, and one per security test
  matrixA: "e2e-matrix-a",
  matrixB: "e2e-matrix-b",
  sessions: "e2e-sessions",
  forgery: "e2e-forgery",
  kbdImport: "e2e-kbd-import",
  kbdRenew: "e2e-kbd-renew",
  // SPEC §10 (e2e/seed-operator.ts): unverified, qualified for Solutions Partner, wire transfer only
  operatorJourney: "e2e-operator-journey",
} as const;

/** The operator of the end-to-end run (no organization, SPEC §10). */
export const E2E_OPERATOR = "operator@e2e.example";

export type E2eRole = "member" | "partner_admin" | "account_admin" | "global_admin";
export const E2E_ROLES: E2eRole[] = ["member", "partner_admin", "account_admin", "global_admin"];

export function e2eEmail(org: string, role: E2eRole): string {
  return `${role.replace("_", "-")}@${org}.example`;
}
