// The app's pages and route handlers, read from the source tree at test time (SPEC §9), so that
// a new one without an entry in a spec's table fails that spec.
import fs from "node:fs";
import path from "node:path";
import { E2E_ORGS } from "../fixtures";
import { MATRIX } from "../seed-security";

/** "page /membership/orders/[number]", "route /api/health"… (route groups and private folders left out). */
export function routesInSource(): string[] {
  const found: string[] = [];
  for (const rel of fs.readdirSync("app", { recursive: true }) as string[]) {
    const file = rel.split(path.sep).join("/");
    const m = /^(?:(.*)\/)?(page\.tsx|route\.ts)$/.exec(file);
    if (!m) continue;
    const segments = (m[1] ?? "").split("/").filter((s) => s && !/^\(.*\)$/.test(s));
    if (segments.some((s) => s.startsWith("_"))) continue;
    found.push(`${m[2] === "page.tsx" ? "page" : "route"} /${segments.join("/")}`);
  }
  return found.sort();
}

/** A real address for every page, with organization A's ids in its dynamic segments. */
export const PAGE_URLS: Record<string, string> = {
  "page /": "/",
  "page /sign-in": "/sign-in",
  "page /membership": "/membership",
  "page /membership/alerts": "/membership/alerts",
  "page /membership/api-tokens": "/membership/api-tokens",
  "page /membership/audit": "/membership/audit",
  "page /membership/badges": "/membership/badges",
  "page /membership/benefits": "/membership/benefits",
  "page /membership/billing-profile": "/membership/billing-profile",
  "page /membership/import": "/membership/import",
  "page /membership/notifications": "/membership/notifications",
  "page /membership/notifications/mail": "/membership/notifications/mail",
  "page /membership/offers": "/membership/offers",
  "page /membership/orders": "/membership/orders",
  "page /membership/orders/[number]": `/membership/orders/${MATRIX.awaitingOrder}`,
  "page /membership/orders/[number]/invoice": `/membership/orders/${MATRIX.activeOrder}/invoice`,
  "page /membership/solutions-partner": "/membership/solutions-partner",
  "page /membership/solutions-partner/[area]": "/membership/solutions-partner/security?track=enterprise",
  "page /membership/training-services": "/membership/training-services",
  "page /membership/training-services/[criterion]": "/membership/training-services/courseware",
  "page /membership/training-services/forecast": "/membership/training-services/forecast",
  "page /membership/training-services/areas/[area]/[criterion]":
    "/membership/training-services/areas/security/survey-completions",
  "page /membership/users": "/membership/users",
  "page /unsubscribe": "/unsubscribe?token=not-a-token",
  "page /membership/sign-in-settings": "/membership/sign-in-settings",
  "page /sign-in/refused": "/sign-in/refused?reason=unknown",
  "page /operator": "/operator",
  "page /operator/audit": "/operator/audit",
  "page /operator/catalog": "/operator/catalog",
  // B: the operator's view is audited in B's log, which the matrix's snapshot of A never reads.
  "page /operator/organizations/[partnerId]": `/operator/organizations/${E2E_ORGS.matrixB}`,
  "page /operator/payments": "/operator/payments",
  "page /operator/outbox": "/operator/outbox",
};
