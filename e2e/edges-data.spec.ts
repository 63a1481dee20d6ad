// SPEC §6, §9 at the edges, over HTTP against the production build: the shared course catalog
// belongs to the operator; a stalled upload holds no database connection; a global admin learns
// nothing of other organizations' accounts; a malformed order number is a 404; a refused
// action never reports success.
import http from "node:http";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { E2E_ORGS, e2eEmail } from "./fixtures";
import { actionId, BASE_URL, callAction, signedInClient } from "./support/http";

const JSON_TS = "/api/v1/membership/training-services";
const COMPLETIONS = "achievement_code,course_code,redeemed_on\n";

async function upload(client: APIRequestContext, kind: string, csv: string) {
  return client.post(`/api/v1/imports?kind=${kind}&dataThrough=2026-10-31`, {
    data: csv,
    headers: { origin: BASE_URL, "content-type": "text/csv" },
  });
}

async function cookieOf(client: APIRequestContext): Promise<string> {
  const { cookies } = await client.storageState();
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

/** An upload that sends its first rows, then nothing until `finish()` — as a slow sender would. */
function stalledUpload(cookie: string, firstRows: string, lastRows: string) {
  let settled = false;
  const req = http.request(`${BASE_URL}/api/v1/imports?kind=courseware-completions&dataThrough=2026-10-31`, {
    method: "POST",
    headers: { cookie, origin: BASE_URL, "content-type": "text/csv", "transfer-encoding": "chunked" },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on("response", (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => {
        settled = true;
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on("error", reject);
  });
  req.write(COMPLETIONS + firstRows);
  return { answer, isSettled: () => settled, finish: () => req.end(lastRows) };
}

test("the shared course catalog: an organization's admin cannot change a course another organization's evaluation uses", async () => {
  const b = await signedInClient(e2eEmail(E2E_ORGS.edgeCatalogB, "partner_admin"));
  expect((await upload(b, "courseware-completions", `${COMPLETIONS}EDGE-B-1,AZ-900T00,2026-10-01\n`)).status()).toBe(
    200,
  );
  const before = await (await b.get(JSON_TS)).text();
  expect(before).toContain('"dataThrough":"2026-10-31"');

  const page = await b.get("/membership/import");
  expect(await page.text()).not.toContain('value="courses"'); // the import page does not offer the kind

  for (const role of ["partner_admin", "account_admin", "global_admin"] as const) {
    const a = await signedInClient(e2eEmail(E2E_ORGS.edgeCatalogA, role));
    const res = await upload(
      a,
      "courses",
      "course_code,title,solution_area,category,duration_days\nAZ-900T00,Relabelled,infrastructure,three-days-or-more,3\n",
    );
    expect(res.status(), role).toBe(403);
    expect((await res.json()).error).toContain("maintained by the operator of this instance");
    await a.dispose();
  }
  expect(await (await b.get(JSON_TS)).text()).toBe(before);
  await b.dispose();
});

test("while uploads stall, another organization's dashboard and /api/health answer; a third upload gets a 429", async () => {
  const slow = await signedInClient(e2eEmail(E2E_ORGS.edgeStall, "partner_admin"));
  const other = await signedInClient(e2eEmail(E2E_ORGS.edgeStallOther, "partner_admin"));
  const cookie = await cookieOf(slow);
  const stalls = [1, 2].map((n) =>
    stalledUpload(cookie, `EDGE-S-${n}a,AZ-900T00,2026-10-01\n`, `EDGE-S-${n}b,AZ-104T00,2026-10-02\n`),
  );
  await new Promise((r) => setTimeout(r, 1_000)); // both uploads are in the server, waiting for more rows

  const third = await upload(slow, "courseware-completions", `${COMPLETIONS}EDGE-S-3,AZ-900T00,2026-10-01\n`);
  expect(third.status()).toBe(429);
  expect((await third.json()).error).toContain("already has 2 imports in progress");

  const dashboard = await other.get("/membership");
  expect(dashboard.status()).toBe(200);
  expect((await other.get(JSON_TS)).status()).toBe(200);
  expect((await other.get("/api/health")).status()).toBe(200);
  expect(stalls.some((s) => s.isSettled())).toBe(false); // all answered while the uploads were still stalled

  await new Promise((r) => setTimeout(r, 9_000)); // a ten-second pause in all
  for (const s of stalls) s.finish();
  for (const s of stalls) {
    const { status, body } = await s.answer;
    expect(status, body).toBe(200);
    expect(JSON.parse(body)).toMatchObject({ ok: true, rows: 2 });
  }
  await slow.dispose();
  await other.dispose();
});

test("a global admin adding a user whose email is another organization's is not told it exists; the attempt is audited", async () => {
  const a = await signedInClient(e2eEmail(E2E_ORGS.edgeHintsA, "global_admin"));
  const b = await signedInClient(e2eEmail(E2E_ORGS.edgeHintsB, "global_admin"));
  const bUsers = async () =>
    (await (await b.get("/membership/users")).text()).match(/@e2e-edge-hints-b\.example/g)?.length;
  const bBefore = await bUsers();
  const r = await callAction(a, {
    id: actionId("app/membership/users/actions.ts", "addUserAction"),
    path: "/membership/users",
    fields: { name: "Probe", email: e2eEmail(E2E_ORGS.edgeHintsB, "member"), role: "member", password: "probe-pass-1" },
  });
  expect(r.body).toContain("This email address cannot be used for a new user. Nothing was changed.");
  expect(r.body).not.toMatch(/already exists|"ok":true/);
  expect(await bUsers()).toBe(bBefore);
  expect(await (await a.get("/membership/users")).text()).not.toContain(e2eEmail(E2E_ORGS.edgeHintsB, "member"));
  expect(await (await a.get("/membership/audit")).text()).toContain("User not added (email address unavailable)");
  await a.dispose();
  await b.dispose();
});

test("a double-encoded order number is a 404 on the proof download and the order pages, never a 500", async () => {
  const admin = await signedInClient(e2eEmail(E2E_ORGS.edgeRefusals, "global_admin"));
  const proof = await admin.get("/membership/orders/%25zz/proofs/00000000-0000-4000-8000-00000000a0f1");
  expect(proof.status()).toBe(404);
  expect(await proof.json()).toEqual({ error: "No such payment proof." });
  expect((await admin.get("/membership/orders/%25zz")).status()).toBe(404);
  expect((await admin.get("/membership/orders/%25zz/invoice")).status()).toBe(404);
  await admin.dispose();
});

test("refusals: disabling yourself never answers ok, and a refused role is a 403 from a route", async () => {
  const admin = await signedInClient(e2eEmail(E2E_ORGS.edgeRefusals, "global_admin"));
  const html = await (await admin.get("/membership/users")).text();
  const row = html.split("<tr").find((r) => r.includes(e2eEmail(E2E_ORGS.edgeRefusals, "global_admin")))!;
  const userId = /name="userId" value="([0-9a-f-]{36})"/.exec(row)![1]!;
  const r = await callAction(admin, {
    id: actionId("app/membership/users/actions.ts", "disableUserAction"),
    path: "/membership/users",
    fields: { userId },
  });
  expect(r.body).toContain("You cannot disable yourself");
  expect(r.body).not.toContain('"ok":true');
  expect((await admin.get("/membership")).status()).toBe(200); // still signed in, still enabled

  const partner = await signedInClient(e2eEmail(E2E_ORGS.edgeRefusals, "partner_admin"));
  const refused = await upload(partner, "courses", "course_code,title,solution_area,category\nX-1,X,,fundamentals\n");
  expect(refused.status()).toBe(403);
  await admin.dispose();
  await partner.dispose();
});
