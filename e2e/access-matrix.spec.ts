// SPEC §9 — the access matrix. Every page (app/**/page.tsx) and route handler (app/**/route.ts,
// downloads included) found in the source tree at test time is called as: signed out, each role
// of organization A, and each role of organization B with A's ids in the path and query. The
// expected outcome of each call is the table below; a page or route without an entry fails the
// test. No response to B (or to a signed-out visitor) may contain A's data (sentinel strings
// seeded by e2e/seed-security.ts), and A's data reads the same after B's attempts. Then every
// mutating server action is called directly over HTTP (bypassing the UI) as members and as B's
// roles with A's ids: each refuses and changes nothing.
import { type APIRequestContext, expect, test } from "@playwright/test";
import { E2E_OPERATOR, E2E_ORGS, E2E_ROLES, type E2eRole, e2eEmail } from "./fixtures";
import { MATRIX, PNG_BYTES, SENTINEL } from "./seed-security";
import { SSO_MATRIX } from "./seed-sso";
import { E2E_TOKENS } from "./seed-tokens";
import { actionId, builtActions, callAction, mainText, newClient, signedInClient } from "./support/http";
import { PAGE_URLS, routesInSource } from "./support/routes";

test.describe.configure({ mode: "serial" });

/** Outcome of one call: a status, or a redirect to sign-in / to the workspace / to the operator workspace. */
type Outcome = 200 | 400 | 401 | 403 | 404 | 405 | "sign-in" | "workspace" | "operator";
/** "op": the operator (SPEC §10), a user of no organization. */
type Who = "anon" | `A.${E2eRole}` | `B.${E2eRole}` | "op";
const WHO: Who[] = ["anon", ...E2E_ROLES.map((r) => `A.${r}` as Who), ...E2E_ROLES.map((r) => `B.${r}` as Who), "op"];

type Call = { method?: "GET" | "POST"; url: string; body?: string; headers?: Record<string, string> };
/** [anon, member, partner_admin, account_admin, global_admin] for A; the same four roles for B. */
type Row = {
  calls: Call[];
  a: [Outcome, Outcome, Outcome, Outcome, Outcome];
  b: [Outcome, Outcome, Outcome, Outcome];
  /** The operator's outcome; organization routes give an operator nothing (403) unless said here. */
  op?: Outcome;
  aSees?: string[];
};

const VIEW: Pick<Row, "a" | "b"> = { a: ["sign-in", 403, 200, 200, 200], b: [403, 200, 200, 200] };
const GLOBAL_ONLY: Pick<Row, "a" | "b"> = { a: ["sign-in", 403, 403, 403, 200], b: [403, 403, 403, 200] };
/** A's own ids: A's admins see it, B's admins get a 404 (never a hint that it exists elsewhere). */
const A_OWNED: Pick<Row, "a" | "b"> = { a: ["sign-in", 403, 200, 200, 200], b: [403, 404, 404, 404] };
const API_VIEW: Pick<Row, "a" | "b"> = { a: [401, 403, 200, 200, 200], b: [403, 200, 200, 200] };
/** SPEC §10: operator pages and routes refuse every organization role. */
const OPERATOR_ONLY: Pick<Row, "a" | "b" | "op"> = {
  a: ["sign-in", 403, 403, 403, 403],
  b: [403, 403, 403, 403],
  op: 200,
};
const page = (key: string, rule: Pick<Row, "a" | "b" | "op">, aSees?: string[]): Row => ({
  calls: [{ url: PAGE_URLS[key]! }],
  ...rule,
  aSees,
});

// The expected-outcome table: one entry per page and route file of app/.
const TABLE: Record<string, Row> = {
  "page /": {
    calls: [{ url: "/" }],
    a: ["workspace", "workspace", "workspace", "workspace", "workspace"],
    b: ["workspace", "workspace", "workspace", "workspace"],
    op: "operator",
  },
  "page /sign-in": {
    calls: [{ url: "/sign-in" }],
    a: [200, "workspace", "workspace", "workspace", "workspace"],
    b: ["workspace", "workspace", "workspace", "workspace"],
    op: "operator",
  },
  "page /operator": page("page /operator", OPERATOR_ONLY, []),
  "page /operator/audit": page("page /operator/audit", OPERATOR_ONLY),
  "page /operator/catalog": page("page /operator/catalog", OPERATOR_ONLY),
  "page /operator/organizations/[partnerId]": page("page /operator/organizations/[partnerId]", OPERATOR_ONLY),
  "page /operator/payments": page("page /operator/payments", OPERATOR_ONLY),
  "page /operator/outbox": page("page /operator/outbox", OPERATOR_ONLY),
  "route /operator/organizations/export": { calls: [{ url: "/operator/organizations/export" }], ...OPERATOR_ONLY },
  "route /operator/payments/[number]/proofs/[id]": {
    calls: [{ url: `/operator/payments/${MATRIX.awaitingOrder}/proofs/${MATRIX.proofId}` }],
    ...OPERATOR_ONLY,
  },
  "page /membership": page("page /membership", VIEW, [SENTINEL.orgName]),
  "page /membership/alerts": page("page /membership/alerts", VIEW),
  "page /membership/api-tokens": page("page /membership/api-tokens", GLOBAL_ONLY, [E2E_TOKENS.matrixTokenName]),
  "page /membership/audit": page("page /membership/audit", GLOBAL_ONLY, [MATRIX.activeOrder]),
  "page /membership/badges": page("page /membership/badges", VIEW),
  "page /membership/benefits": page("page /membership/benefits", VIEW),
  "page /membership/billing-profile": page("page /membership/billing-profile", GLOBAL_ONLY, [SENTINEL.billing]),
  "page /membership/import": page("page /membership/import", VIEW, [SENTINEL.importFile]),
  "page /membership/notifications": page("page /membership/notifications", VIEW),
  "page /membership/notifications/mail": page("page /membership/notifications/mail", VIEW),
  "page /membership/offers": page("page /membership/offers", VIEW),
  "page /membership/orders": page("page /membership/orders", VIEW, [MATRIX.activeOrder, MATRIX.awaitingOrder]),
  "page /membership/orders/[number]": page("page /membership/orders/[number]", A_OWNED, [SENTINEL.proofFile]),
  "page /membership/orders/[number]/invoice": page("page /membership/orders/[number]/invoice", A_OWNED, [
    SENTINEL.billing,
  ]),
  "page /membership/solutions-partner": page("page /membership/solutions-partner", VIEW),
  "page /membership/solutions-partner/[area]": page("page /membership/solutions-partner/[area]", VIEW),
  "page /membership/training-services": page("page /membership/training-services", VIEW),
  "page /membership/training-services/[criterion]": page("page /membership/training-services/[criterion]", VIEW),
  "page /membership/training-services/forecast": page("page /membership/training-services/forecast", VIEW),
  "page /membership/training-services/areas/[area]/[criterion]": page(
    "page /membership/training-services/areas/[area]/[criterion]",
    VIEW,
  ),
  "page /membership/users": page("page /membership/users", GLOBAL_ONLY, [SENTINEL.user]),
  // SPEC §12: reached from a mail without a session; only a signed token does anything.
  "page /unsubscribe": {
    calls: [{ url: PAGE_URLS["page /unsubscribe"]! }],
    a: [200, 200, 200, 200, 200],
    b: [200, 200, 200, 200],
    op: 200,
  },
  "page /membership/sign-in-settings": page("page /membership/sign-in-settings", GLOBAL_ONLY, [
    SSO_MATRIX.identityEmailA,
  ]),
  "page /sign-in/refused": {
    calls: [{ url: "/sign-in/refused?reason=unknown" }, { url: "/sign-in/refused?error=Configuration" }],
    a: [200, 200, 200, 200, 200],
    b: [200, 200, 200, 200],
    op: 200,
  },

  "route /api/auth/[...nextauth]": {
    calls: [{ url: "/api/auth/session" }, { url: "/api/auth/providers" }],
    a: [200, 200, 200, 200, 200],
    b: [200, 200, 200, 200],
    op: 200,
  },
  "route /api/health": {
    calls: [{ url: "/api/health" }],
    a: [200, 200, 200, 200, 200],
    b: [200, 200, 200, 200],
    op: 200,
  },
  "route /api/notifications/unsubscribe": {
    calls: [
      {
        method: "POST",
        url: "/api/notifications/unsubscribe?token=forged.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      },
    ],
    a: [400, 400, 400, 400, 400],
    b: [400, 400, 400, 400],
    op: 400,
  },
  // The upload answers 400 for an unknown kind once the caller may import: nothing is written.
  "route /api/v1/imports": {
    calls: [
      {
        method: "POST",
        url: "/api/v1/imports?kind=not-a-kind",
        body: "a,b\n1,2\n",
        headers: { "content-type": "text/csv" },
      },
    ],
    a: [401, 403, 400, 400, 400],
    b: [403, 400, 400, 400],
  },
  // The API's description is public, like any API reference: it holds no data.
  "route /api/v1/openapi.json": {
    calls: [{ url: "/api/v1/openapi.json" }],
    a: [200, 200, 200, 200, 200],
    b: [200, 200, 200, 200],
    op: 200,
  },
  "route /api/v1/membership/solutions-partner": {
    calls: [{ url: "/api/v1/membership/solutions-partner" }],
    ...API_VIEW,
  },
  "route /api/v1/membership/training-services": {
    calls: [{ url: "/api/v1/membership/training-services" }],
    ...API_VIEW,
  },
  // B holds no badge: 404 (the badge ids are the same for everyone; the holding is A's).
  "route /membership/badges/download": {
    calls: [
      { url: "/membership/badges/download?offer=solutions-partner&badge=security&format=svg" },
      { url: "/membership/badges/download?offer=solutions-partner&badge=security&format=png" },
    ],
    ...A_OWNED,
  },
  "route /membership/orders/[number]/proofs/[id]": {
    calls: [{ url: `/membership/orders/${MATRIX.awaitingOrder}/proofs/${MATRIX.proofId}` }],
    ...A_OWNED,
  },
  "route /membership/solutions-partner/download": {
    calls: [
      { url: "/membership/solutions-partner/download?area=security&track=enterprise&metric=net-customer-adds" },
      {
        url: "/membership/solutions-partner/download?area=security&track=enterprise&metric=intermediate-certifications",
      },
    ],
    ...VIEW,
    aSees: [SENTINEL.customer, SENTINEL.person],
  },
  "route /membership/training-services/download": {
    calls: [
      { url: "/membership/training-services/download?criterion=courseware" },
      { url: "/membership/training-services/download?criterion=survey-completions&area=security" },
    ],
    ...VIEW,
  },
};

const SENTINELS = [
  E2E_ORGS.matrixA,
  ...Object.values(SENTINEL),
  MATRIX.activeOrder,
  MATRIX.awaitingOrder,
  MATRIX.proofId,
  MATRIX.targetUserA,
  E2E_TOKENS.matrixTokenName,
  SSO_MATRIX.identityA,
  SSO_MATRIX.identityEmailA,
];

const clients = new Map<Who, APIRequestContext>();
const stats = { requests: 0 };

test.beforeAll(async () => {
  clients.set("anon", await newClient());
  for (const role of E2E_ROLES) {
    clients.set(`A.${role}`, await signedInClient(e2eEmail(E2E_ORGS.matrixA, role)));
    clients.set(`B.${role}`, await signedInClient(e2eEmail(E2E_ORGS.matrixB, role)));
  }
  clients.set("op", await signedInClient(E2E_OPERATOR));
});
test.afterAll(async () => {
  for (const c of clients.values()) await c.dispose();
  console.log(`access matrix: ${stats.requests} requests`);
});

function expected(row: Row, who: Who): Outcome {
  if (who === "anon") return row.a[0];
  if (who === "op") return row.op ?? 403;
  const [org, role] = who.split(".") as ["A" | "B", E2eRole];
  const i = E2E_ROLES.indexOf(role);
  return org === "A" ? row.a[i + 1]! : row.b[i]!;
}

async function send(client: APIRequestContext, call: Call) {
  stats.requests++;
  const headers = { origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`, ...call.headers };
  const res =
    call.method === "POST" ? await client.post(call.url, { data: call.body, headers }) : await client.get(call.url);
  return {
    status: res.status(),
    location: res.headers().location ?? "",
    body: (await res.body()).toString("latin1"),
  };
}

function matches(outcome: Outcome, r: { status: number; location: string }): boolean {
  if (outcome === "sign-in") return r.status === 307 && /^(https?:\/\/[^/]+)?\/sign-in(\?|$)/.test(r.location);
  if (outcome === "workspace")
    return r.status >= 300 && r.status < 400 && /^(https?:\/\/[^/]+)?\/membership\/?$/.test(r.location);
  if (outcome === "operator")
    return r.status >= 300 && r.status < 400 && /^(https?:\/\/[^/]+)?\/operator\/?$/.test(r.location);
  return r.status === outcome;
}

/** What A's global admin reads of A's data: the same before and after B's attempts. */
async function snapshotOfA(): Promise<Record<string, string>> {
  const admin = clients.get("A.global_admin")!;
  const out: Record<string, string> = {};
  for (const url of [
    "/membership/orders",
    `/membership/orders/${MATRIX.awaitingOrder}`,
    `/membership/orders/${MATRIX.activeOrder}`,
    "/membership/users",
    "/membership/sign-in-settings",
    "/membership/billing-profile",
    "/membership/audit",
    "/membership/import",
    "/membership/badges",
    "/membership/api-tokens",
  ]) {
    const res = await admin.get(url);
    expect(res.status(), url).toBe(200);
    out[url] = mainText(await res.text());
  }
  for (const url of ["/api/v1/membership/solutions-partner", "/api/v1/membership/training-services"])
    out[url] = await (await admin.get(url)).text();
  const proof = await admin.get(`/membership/orders/${MATRIX.awaitingOrder}/proofs/${MATRIX.proofId}`);
  out.proof = (await proof.body()).toString("hex");
  return out;
}

test("every page and route handler of the source tree has an entry in the table", () => {
  expect(routesInSource()).toEqual(Object.keys(TABLE).sort());
});

test("each page, route and download answers each caller as the table says, and B never sees A's data", async () => {
  test.setTimeout(600_000); // every page and route × 10 callers, on a shared machine
  const before = await snapshotOfA();
  const failures: string[] = [];
  for (const [key, row] of Object.entries(TABLE)) {
    const seenByA = new Set<string>();
    for (const call of row.calls) {
      for (const who of WHO) {
        const r = await send(clients.get(who)!, call);
        const want = expected(row, who);
        if (!matches(want, r))
          failures.push(
            `${key} ${call.method ?? "GET"} ${call.url} as ${who}: expected ${want}, got ${r.status}${r.location ? ` → ${r.location}` : ""}`,
          );
        if (r.status >= 500) failures.push(`${key} ${call.url} as ${who}: server error ${r.status}`);
        if (who.startsWith("B.") || who === "anon" || (who.startsWith("A.") && key.includes("/operator"))) {
          // An id the request itself carries may be echoed (a redirect's callbackUrl); A's data may not.
          const leaked = SENTINELS.filter((s) => !call.url.includes(s) && r.body.includes(s));
          if (leaked.length)
            failures.push(`${key} ${call.url} as ${who}: response contains A's data ${leaked.join(", ")}`);
        }
        if (who === "A.global_admin") for (const s of row.aSees ?? []) if (r.body.includes(s)) seenByA.add(s);
      }
    }
    const missing = (row.aSees ?? []).filter((s) => !seenByA.has(s));
    if (missing.length)
      failures.push(
        `${key}: A's global admin does not see the sentinel ${missing.join(", ")} (the leak check would prove nothing)`,
      );
  }
  expect(failures).toEqual([]);
  expect(await snapshotOfA()).toEqual(before);
});

// ---- server actions, called directly over HTTP ----

type ActionRow = {
  /** "mutating": called below as refused callers. "session": signs in or out the caller only. */
  kind: "mutating" | "session";
  path?: string;
  fields?: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;
  /** Callers that must be refused, with the refusal they get. */
  refused?: Partial<Record<Who, RegExp>>;
};
const ROLE_REFUSED = /Your role does not allow this/;
const NOT_FOUND = /No order|not found|Unknown user|No such user|not in your organization/i;
const MEMBERS_AND_B: Partial<Record<Who, RegExp>> = { "A.member": ROLE_REFUSED, "B.member": ROLE_REFUSED };

/** SPEC §10: every operator action refuses every organization role, of A and of B. */
const ORG_ROLES_REFUSED = Object.fromEntries(
  E2E_ROLES.flatMap((r) => [`A.${r}`, `B.${r}`]).map((who) => [who, ROLE_REFUSED]),
) as Partial<Record<Who, RegExp>>;
const operatorAction = (path: string, fields: ActionRow["fields"]): ActionRow => ({
  kind: "mutating",
  path,
  fields,
  refused: ORG_ROLES_REFUSED,
});
const CATALOG_CSV = Buffer.from("course_code,title,solution_area,category\nINTRUDER-1,Intruder,,fundamentals\n");

const ACTIONS: Record<string, ActionRow> = {
  "app/operator/actions.ts#createOrgAction": operatorAction("/operator", {
    partnerId: "intruder-org",
    name: "Intruder",
    country: "US",
  }),
  "app/operator/actions.ts#verifyOrgAction": operatorAction("/operator", { partnerId: E2E_ORGS.operatorJourney }),
  "app/operator/actions.ts#setTrackAction": operatorAction("/operator", {
    partnerId: E2E_ORGS.matrixA,
    area: "business-applications",
    track: "smb",
  }),
  "app/operator/actions.ts#confirmPaymentAction": operatorAction("/operator/payments", {
    orderNumber: MATRIX.awaitingOrder,
  }),
  "app/operator/actions.ts#cancelOrderAction": operatorAction("/operator/payments", {
    orderNumber: MATRIX.awaitingOrder,
  }),
  "app/operator/user-actions.ts#operatorAddUserAction": operatorAction("/operator", {
    partnerId: E2E_ORGS.matrixA,
    name: "Intruder",
    email: "intruder-op@e2e-matrix-a.example",
    role: "global_admin",
    password: "intruder-password-1",
  }),
  "app/operator/user-actions.ts#operatorChangeRoleAction": operatorAction("/operator", {
    partnerId: E2E_ORGS.matrixA,
    userId: MATRIX.targetUserA,
    role: "global_admin",
  }),
  "app/operator/user-actions.ts#operatorDisableUserAction": operatorAction("/operator", {
    partnerId: E2E_ORGS.matrixA,
    userId: MATRIX.targetUserA,
  }),
  "app/operator/catalog/actions.ts#previewCatalogAction": operatorAction("/operator/catalog", {
    file: { name: "intruder.csv", mimeType: "text/csv", buffer: CATALOG_CSV },
  }),
  "app/operator/access-actions.ts#operatorRevokeTokenAction": operatorAction("/operator", {
    partnerId: E2E_ORGS.matrixA,
    tokenId: E2E_TOKENS.matrixTokenId,
  }),
  "app/operator/access-actions.ts#operatorSaveSignInSettingsAction": operatorAction("/operator", {
    partnerId: E2E_ORGS.matrixA,
    tenantIds: "00000000-0000-0000-0000-00000000dead",
  }),
  "app/operator/catalog/actions.ts#applyCatalogAction": operatorAction("/operator/catalog", { uploadId: "1" }),
  "app/operator/catalog/actions.ts#discardCatalogAction": operatorAction("/operator/catalog", { uploadId: "1" }),
  "app/_components/sign-out.ts#signOutAction": { kind: "session" },
  "app/sign-in/actions.ts#signInAction": { kind: "session" },
  "app/sign-in/sso-actions.ts#ssoSignInAction": { kind: "session" },
  "app/membership/sign-in-settings/actions.ts#saveSignInSettingsAction": {
    kind: "mutating",
    path: "/membership/sign-in-settings",
    fields: { tenantIds: "bbbbbbbb-0000-4000-8000-00000000000b", ssoRequired: "on" },
    refused: {
      ...MEMBERS_AND_B,
      "A.partner_admin": ROLE_REFUSED,
      "A.account_admin": ROLE_REFUSED,
      "B.account_admin": ROLE_REFUSED,
      // B's own organization, never A's: and B's admin has no identity to keep access with
      "B.global_admin": /Sign in once with single sign-on yourself/,
    },
  },
  "app/membership/sign-in-settings/actions.ts#unlinkIdentityAction": {
    kind: "mutating",
    path: "/membership/sign-in-settings",
    fields: { identityId: SSO_MATRIX.identityA },
    refused: {
      ...MEMBERS_AND_B,
      "A.partner_admin": ROLE_REFUSED,
      "B.partner_admin": ROLE_REFUSED,
      "B.global_admin": NOT_FOUND,
    },
  },
  "app/membership/users/actions.ts#addUserAction": {
    kind: "mutating",
    path: "/membership/users",
    fields: {
      name: "Intruder",
      email: "intruder@e2e-matrix-a.example",
      role: "global_admin",
      password: "intruder-password-1",
    },
    refused: {
      ...MEMBERS_AND_B,
      "A.partner_admin": ROLE_REFUSED,
      "A.account_admin": ROLE_REFUSED,
      "B.partner_admin": ROLE_REFUSED,
      "B.account_admin": ROLE_REFUSED,
    },
  },
  "app/membership/users/actions.ts#changeRoleAction": {
    kind: "mutating",
    path: "/membership/users",
    fields: { userId: MATRIX.targetUserA, role: "global_admin" },
    refused: {
      ...MEMBERS_AND_B,
      "A.partner_admin": ROLE_REFUSED,
      "B.account_admin": ROLE_REFUSED,
      "B.global_admin": NOT_FOUND,
    },
  },
  "app/membership/users/actions.ts#disableUserAction": {
    kind: "mutating",
    path: "/membership/users",
    fields: { userId: MATRIX.targetUserA },
    refused: { ...MEMBERS_AND_B, "A.account_admin": ROLE_REFUSED, "B.global_admin": NOT_FOUND },
  },
  "app/membership/api-tokens/actions.ts#createTokenAction": {
    kind: "mutating",
    path: "/membership/api-tokens",
    fields: { name: "intruder", "scope-import": "on", "scope-read": "on" },
    refused: {
      ...MEMBERS_AND_B,
      "A.partner_admin": ROLE_REFUSED,
      "A.account_admin": ROLE_REFUSED,
      "B.partner_admin": ROLE_REFUSED,
      "B.account_admin": ROLE_REFUSED,
    },
  },
  "app/membership/api-tokens/actions.ts#revokeTokenAction": {
    kind: "mutating",
    path: "/membership/api-tokens",
    fields: { tokenId: E2E_TOKENS.matrixTokenId },
    refused: {
      ...MEMBERS_AND_B,
      "A.partner_admin": ROLE_REFUSED,
      "A.account_admin": ROLE_REFUSED,
      "B.account_admin": ROLE_REFUSED,
      "B.global_admin": NOT_FOUND,
    },
  },
  // Saves the caller's own mail choices (user from the session, no ids to aim elsewhere): members are refused.
  "app/membership/notifications/actions.ts#savePreferencesAction": {
    kind: "mutating",
    path: "/membership/notifications",
    fields: { payments: "on" },
    refused: MEMBERS_AND_B,
  },
  "app/membership/billing-profile/actions.ts#saveBillingProfileAction": {
    kind: "mutating",
    path: "/membership/billing-profile",
    fields: {
      billingName: "Intruder Billing",
      addressLine1: "1 Evil Way",
      addressLine2: "",
      city: "X",
      postalCode: "1",
      country: "US",
      taxId: "",
      paymentInstrument: "Visa ending 0000",
    },
    refused: {
      ...MEMBERS_AND_B,
      "A.partner_admin": ROLE_REFUSED,
      "A.account_admin": ROLE_REFUSED,
      "B.account_admin": ROLE_REFUSED,
    },
  },
  "app/membership/offers/actions.ts#placeOrderAction": {
    kind: "mutating",
    path: "/membership/offers",
    fields: {
      kind: "purchase",
      offer: "training-services",
      paymentMethod: "billing_profile",
      acceptAgreement: "on",
      idempotencyKey: "training-services.purchase.forged0000000000.0.forged-signature-000000000000000000000000",
    },
    refused: {
      ...MEMBERS_AND_B,
      "A.partner_admin": ROLE_REFUSED,
      "B.partner_admin": ROLE_REFUSED,
      "B.account_admin": /not valid|expired/,
      "B.global_admin": /not valid|expired/,
    },
  },
  "app/membership/orders/[number]/actions.ts#cancelOrderAction": {
    kind: "mutating",
    path: `/membership/orders/${MATRIX.awaitingOrder}`,
    fields: { orderNumber: MATRIX.awaitingOrder },
    refused: {
      ...MEMBERS_AND_B,
      "A.partner_admin": ROLE_REFUSED,
      "B.partner_admin": ROLE_REFUSED,
      "B.account_admin": NOT_FOUND,
      "B.global_admin": NOT_FOUND,
    },
  },
  "app/membership/orders/[number]/actions.ts#uploadProofAction": {
    kind: "mutating",
    path: `/membership/orders/${MATRIX.awaitingOrder}`,
    fields: {
      orderNumber: MATRIX.awaitingOrder,
      file: { name: "intruder.png", mimeType: "image/png", buffer: PNG_BYTES },
    },
    refused: {
      ...MEMBERS_AND_B,
      "A.partner_admin": ROLE_REFUSED,
      "B.partner_admin": ROLE_REFUSED,
      "B.account_admin": NOT_FOUND,
      "B.global_admin": NOT_FOUND,
    },
  },
};

test("every server action of the build has an entry in the action table", () => {
  const built = builtActions()
    .map((a) => `${a.filename}#${a.exportedName}`)
    .sort();
  expect(built).toEqual(Object.keys(ACTIONS).sort());
});

test("the direct call works (positive control): B's global admin changes a role in B", async () => {
  const id = actionId("app/membership/users/actions.ts", "changeRoleAction");
  const r = await callAction(clients.get("B.global_admin")!, {
    id,
    path: "/membership/users",
    fields: { userId: MATRIX.targetUserB, role: "account_admin" },
  });
  expect(r.status).toBe(200);
  expect(r.body).toContain("Role changed to Account admin.");
});

test("mutating server actions called over HTTP refuse members, other roles and B with A's ids, and change nothing", async () => {
  test.setTimeout(600_000); // every action × its refused callers (the operator's: 8 each)
  const before = await snapshotOfA();
  const failures: string[] = [];
  let calls = 0;
  for (const [key, row] of Object.entries(ACTIONS)) {
    if (row.kind !== "mutating") continue;
    const [filename, exportedName] = key.split("#") as [string, string];
    const id = actionId(filename, exportedName);
    for (const [who, refusal] of Object.entries(row.refused ?? {}) as [Who, RegExp][]) {
      const r = await callAction(clients.get(who)!, { id, path: row.path!, fields: row.fields! });
      calls++;
      if (r.status >= 500) failures.push(`${key} as ${who}: server error ${r.status}`);
      if (!refusal.test(r.body))
        failures.push(
          `${key} as ${who}: expected a refusal matching ${refusal}, got ${r.status} ${r.body.slice(0, 300)}`,
        );
      if (/"ok":true/.test(r.body)) failures.push(`${key} as ${who}: the action answered ok`);
    }
  }
  console.log(`server actions: ${calls} direct calls`);
  expect(failures).toEqual([]);
  expect(await snapshotOfA()).toEqual(before);
});
