// SPEC §7: GET /api/v1/openapi.json describes the API (OpenAPI 3.1, from the routes' zod schemas);
// real answers of the routes, on a real database with data, conform to it.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { createToken } from "@/lib/tokens/verbs";
import { CLI, createOrg, importCourses } from "./fixtures/csv/helpers";
import { openApiChecker } from "./support/openapi-check";
import { useTestDatabase } from "./test-db";

const { GET: openapi } = await import("@/app/api/v1/openapi.json/route");
const { POST } = await import("@/app/api/v1/imports/route");
const { GET: readTs } = await import("@/app/api/v1/membership/training-services/route");
const { GET: readSp } = await import("@/app/api/v1/membership/solutions-partner/route");

useTestDatabase();
const BASE = "http://app.example";
const params = { params: Promise.resolve({}) };
let check: ReturnType<typeof openApiChecker>;
let doc: Record<string, unknown>;
let full = "";
let readOnly = "";

const upload = (secret: string, query: string, csv: string) =>
  POST(
    new Request(`${BASE}/api/v1/imports?${query}`, {
      method: "POST",
      body: csv,
      headers: { authorization: `Bearer ${secret}`, "content-type": "text/csv" },
    }),
    params,
  );
const get = (route: typeof readTs, path: string, secret: string) =>
  route(new Request(`${BASE}${path}`, { headers: { authorization: `Bearer ${secret}` } }), params);

async function conforms(method: string, path: string, res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(check(method, path, res.status, await res.json())).toEqual([]);
}

beforeAll(async () => {
  const orgId = await createOrg("openapi-1");
  await importCourses();
  const now = new Date();
  full = (await createToken(db(), CLI, orgId, { name: "full", scopes: ["import", "read"] }, now)).secret;
  readOnly = (await createToken(db(), CLI, orgId, { name: "ro", scopes: ["read"] }, now)).secret;
  doc = await (await openapi()).json();
  check = openApiChecker(doc);
});

describe("GET /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document with bearer and cookie security schemes and the three operations", () => {
    expect(doc.openapi).toBe("3.1.0");
    const components = doc.components as { securitySchemes: Record<string, { type: string; scheme?: string }> };
    expect(components.securitySchemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(components.securitySchemes.sessionCookie).toMatchObject({ type: "apiKey", in: "cookie" });
    expect(Object.keys(doc.paths as object).sort()).toEqual([
      "/api/v1/imports",
      "/api/v1/membership/solutions-partner",
      "/api/v1/membership/training-services",
    ]);
  });

  it("catches an answer that breaks the contract (the check can fail)", () => {
    expect(check("GET", "/api/v1/membership/training-services", 200, { dataThrough: 5 })).not.toEqual([]);
    expect(check("POST", "/api/v1/imports", 200, { ok: true, rows: "3" })).not.toEqual([]);
  });

  it("real answers conform: imports (200, 400, 403), both evaluations before and after data (200), refusals (401)", async () => {
    const csv = "achievement_code,course_code,redeemed_on\nO-1,AZ-104T00,2026-10-01\n";
    await conforms(
      "GET",
      "/api/v1/membership/training-services",
      await get(readTs, "/api/v1/membership/training-services", full),
      200,
    );
    await conforms(
      "GET",
      "/api/v1/membership/solutions-partner",
      await get(readSp, "/api/v1/membership/solutions-partner", full),
      200,
    );
    await conforms(
      "POST",
      "/api/v1/imports",
      await upload(full, "kind=courseware-completions&dataThrough=2026-10-31", csv),
      200,
    );
    await conforms(
      "POST",
      "/api/v1/imports",
      await upload(full, "kind=courseware-completions", "achievement_code\nx\n"),
      400,
    );
    await conforms("POST", "/api/v1/imports", await upload(full, "kind=nope", csv), 400);
    await conforms("POST", "/api/v1/imports", await upload(readOnly, "kind=courseware-completions", csv), 403);
    await conforms("POST", "/api/v1/imports", await upload("pmc_unknown", "kind=courseware-completions", csv), 401);
    const ts = await get(readTs, "/api/v1/membership/training-services", readOnly);
    await conforms("GET", "/api/v1/membership/training-services", ts, 200);
    const sp = await get(readSp, "/api/v1/membership/solutions-partner", readOnly);
    await conforms("GET", "/api/v1/membership/solutions-partner", sp, 200);
  });
});
