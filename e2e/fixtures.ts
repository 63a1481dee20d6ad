// Organizations created for the end-to-end run, one per test (so tests never share state).
// The server script seeds them before the app starts; tests sign in as their users.
export const E2E_PASSWORD = "e2e-password-1";
export const E2E_TODAY = "2026-11-15";
/** Requests per minute per API token on the e2e server (e2e/api-tokens.spec.ts reaches it). */
export const E2E_TOKEN_RATE_LIMIT = 30;

/** Where e2e/server.ts copies the app server's output (stdout and stderr). */
export function e2eServerLogPath(port: string | number): string {
  return `${process.env.TMPDIR ?? "/tmp"}/pmc-e2e-server-${port}.log`;
}

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
  spRules: "e2e-sp-rules",
  import: "e2e-import",
  beyondWhatIf: "e2e-beyond-whatif",
  beyondAlerts: "e2e-beyond-alerts",
  beyondForecast: "e2e-beyond-forecast",
  offersBuy: "e2e-offers-buy",
  offersWire: "e2e-offers-wire",
  offersRenew: "e2e-offers-renew",
  offersBadges: "e2e-offers-badges",
  offersRoles: "e2e-offers-roles",
  // SPEC §9 (e2e/seed-security.ts): two organizations for the access matrix, and one per security test
  matrixA: "e2e-matrix-a",
  matrixB: "e2e-matrix-b",
  sessions: "e2e-sessions",
  forgery: "e2e-forgery",
  kbdImport: "e2e-kbd-import",
  kbdRenew: "e2e-kbd-renew",
  // SPEC §6 / §4.1: an organization with no data at all, and one whose Modern Work total is exactly 70.05
  noData: "e2e-no-data",
  rounding: "e2e-rounding",
  // e2e/edges-*.spec.ts: the shared catalog, slow uploads, redirects, sign-out, throttling, hints
  edgeCatalogA: "e2e-edge-cat-a",
  edgeCatalogB: "e2e-edge-cat-b",
  edgeStall: "e2e-edge-stall",
  edgeStallOther: "e2e-edge-stall-other",
  edgeRedirect: "e2e-edge-redirect",
  edgeSignout: "e2e-edge-signout",
  edgeThrottle: "e2e-edge-throttle",
  edgeHintsA: "e2e-edge-hints-a",
  edgeHintsB: "e2e-edge-hints-b",
  edgeRefusals: "e2e-edge-refusals",
  pageError: "e2e-page-error", // stored Solutions Partner inputs made unreadable: its dashboard fails
  // API tokens (e2e/api-tokens.spec.ts, e2e/seed-tokens.ts)
  tokensUi: "e2e-tokens-ui",
  tokensA: "e2e-tokens-a",
  tokensB: "e2e-tokens-b",
  tokensPages: "e2e-tokens-pages",
  tokensExpired: "e2e-tokens-expired",
  tokensParallel: "e2e-tokens-parallel",
  tokensRate: "e2e-tokens-rate",
  // SPEC §12 (e2e/seed-notifications.ts)
  notifications: "e2e-notifications",
  // single sign-on (e2e/seed-sso.ts, e2e/sso.spec.ts): one organization per test
  ssoLinked: "e2e-sso-linked",
  ssoTenant: "e2e-sso-tenant",
  ssoOnly: "e2e-sso-only",
  ssoDisabled: "e2e-sso-disabled",
  ssoState: "e2e-sso-state",
  ssoSettings: "e2e-sso-settings",
  // SPEC §10 (e2e/seed-operator.ts): unverified, qualified for Solutions Partner, wire transfer only
  operatorJourney: "e2e-operator-journey",
} as const;

/** The app server's signing secret (e2e/server.ts); the seed signs unsubscribe links with it. */
export const E2E_AUTH_SECRET = "e2e-secret-e2e-secret-e2e-secret-0123";

/** The operator of the end-to-end run (no organization, SPEC §10). */
export const E2E_OPERATOR = "operator@e2e.example";

export type E2eRole = "member" | "partner_admin" | "account_admin" | "global_admin";
export const E2E_ROLES: E2eRole[] = ["member", "partner_admin", "account_admin", "global_admin"];

export function e2eEmail(org: string, role: E2eRole): string {
  return `${role.replace("_", "-")}@${org}.example`;
}
