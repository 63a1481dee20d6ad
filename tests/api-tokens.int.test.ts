// SPEC §7 automation: organization API tokens on the real database, through the real route
// handlers and guard: scopes, isolation between organizations, revocation and expiry at once,
// the rate limit, accountability, 20 concurrent imports with one token, and no secret anywhere.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { resetEnvCache } from "@/lib/env";
import { rateDecision, resolveToken } from "@/lib/tokens/resolve";
import { hashSecret } from "@/lib/tokens/secret";
import { createToken, listTokens, revokeToken } from "@/lib/tokens/verbs";
import { CLI, count, createOrg, importCourses, query } from "./fixtures/csv/helpers";
import { useTestDatabase } from "./test-db";

const env = process.env as Record<string, string | undefined>;
env.API_TOKEN_RATE_LIMIT = "1000"; // the rate limit has its own test below
// 20 uploads at once for one organization: above the per-organization cap of web uploads
// (its own test: tests/imports.edges.test.ts), so that all 20 reach the database together.
env.IMPORTS_PER_ORGANIZATION = "20";
env.IMPORTS_PER_INSTANCE = "20";
resetEnvCache();
const { POST } = await import("@/app/api/v1/imports/route");
const { GET: readTs } = await import("@/app/api/v1/membership/training-services/route");
const { GET: readSp } = await import("@/app/api/v1/membership/solutions-partner/route");

useTestDatabase();
const BASE = "http://app.example";
const NOW = new Date("2026-11-15T10:00:00Z");
const params = { params: Promise.resolve({}) };
const secrets: string[] = [];

const auth = (secret: string | null): Record<string, string> => (secret ? { authorization: `Bearer ${secret}` } : {});
function upload(secret: string | null, kind: string, csv: string, headers: Record<string, string> = {}) {
  return POST(
    new Request(`${BASE}/api/v1/imports?kind=${kind}&dataThrough=2026-10-31`, {
      method: "POST",
      body: csv,
      headers: {
        host: "app.example",
        "content-type": "text/csv",
        "x-file-name": `${kind}.csv`,
        ...auth(secret),
        ...headers,
      },
    }),
    params,
  );
}
const read = (secret: string | null, route = readTs) =>
  route(new Request(`${BASE}/api/v1/membership/training-services`, { headers: auth(secret) }), params);

const completions = (prefix: string, n: number, bad = false) =>
  `achievement_code,course_code,redeemed_on\n${Array.from(
    { length: n },
    (_, i) => `${prefix}-${i},AZ-104T00,${bad && i === n - 1 ? "2026-13-01" : "2026-10-01"}`,
  ).join("\n")}\n`;

async function token(orgId: string, name: string, scopes: ("import" | "read")[], expiresOn?: string) {
  const created = await createToken(db(), CLI, orgId, { name, scopes, expiresOn }, NOW);
  secrets.push(created.secret);
  return created;
}

let orgA = "";
let orgB = "";
const captured: string[] = [];
const writes = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };

beforeAll(async () => {
  orgA = await createOrg("tok-a");
  orgB = await createOrg("tok-b");
  await importCourses();
  // Everything the process logs while tokens are in use, to check that no secret is in it.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    captured.push(String(chunk));
    return writes.out(chunk, ...rest);
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    captured.push(String(chunk));
    return writes.err(chunk, ...rest);
  }) as typeof process.stderr.write;
});
afterAll(() => {
  process.stdout.write = writes.out;
  process.stderr.write = writes.err;
});

describe("API tokens on the import and JSON routes", () => {
  it("stores only a hash and a short prefix; the secret is long and random", async () => {
    const t = await token(orgA, "stored", ["read"]);
    expect(t.secret).toMatch(/^pmc_[A-Za-z0-9_-]{43}$/);
    const [row] = await query<{ token_hash: string; prefix: string }>(
      `select token_hash, prefix from api_tokens where id = '${t.id}'`,
    );
    expect(row).toEqual({ token_hash: hashSecret(t.secret), prefix: t.secret.slice(0, 10) });
  });

  it("imports with an import token, for the token's organization, recorded and audited under its name", async () => {
    const t = await token(orgA, "nightly-lms", ["import"]);
    const res = await upload(t.secret, "courseware-completions", completions("A", 3));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, rows: 3, inserted: 3 });
    expect(await count("courseware_completions", `org_id = '${orgA}'`)).toBe(3);
    expect(await count("courseware_completions", `org_id = '${orgB}'`)).toBe(0);
    const [imp] = await query(`select org_id, imported_by from imports where org_id = '${orgA}'`);
    expect(imp).toEqual({ org_id: orgA, imported_by: "token:nightly-lms" });
    const audit = await query<{ actor: string; action: string; detail: Record<string, unknown> }>(
      `select actor, action, detail from audit_log where org_id = '${orgA}' and detail->>'tokenId' = '${t.id}' order by id`,
    );
    expect(audit.map((a) => [a.actor, a.action])).toEqual([
      ["cli", "token.create"],
      ["token:nightly-lms", "import"],
    ]);
    const [used] = await listTokens(db(), orgA, NOW).then((l) => l.filter((x) => x.id === t.id));
    expect(used!.lastUsedAt).not.toBeNull();
  });

  it("a token without the scope gets 403 and changes nothing: a read token cannot import, an import token cannot read", async () => {
    const reader = await token(orgA, "reader", ["read"]);
    const before = await count("imports");
    const res = await upload(reader.secret, "courseware-completions", completions("R", 2));
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatch(/“import” scope/);
    expect(await count("imports")).toBe(before);
    const importer = await token(orgA, "importer", ["import"]);
    expect((await read(importer.secret)).status).toBe(403);
    expect((await read(reader.secret)).status).toBe(200);
  });

  it("organization A's token reads A's evaluation and never B's, whatever the request names", async () => {
    const b = await token(orgB, "b-reader", ["import", "read"]);
    expect((await upload(b.secret, "courseware-completions", completions("B", 5))).status).toBe(200);
    const a = await token(orgA, "a-reader", ["read"]);
    const seenByA = await (await read(a.secret)).json();
    const seenByB = await (await read(b.secret)).json();
    expect(seenByA).not.toEqual(seenByB);
    // The organization comes from the token only: a query string naming B changes nothing.
    const forged = await readTs(
      new Request(`${BASE}/api/v1/membership/training-services?org=${orgB}&orgId=tok-b`, { headers: auth(a.secret) }),
      params,
    );
    expect(await forged.json()).toEqual(seenByA);
    expect(await count("courseware_completions", `org_id = '${orgA}'`)).toBe(3);
    expect((await read(a.secret, readSp)).status).toBe(200);
  });

  it("a missing, malformed, unknown, revoked or expired token gets the same 401", async () => {
    const revoked = await token(orgA, "to-revoke", ["read"]);
    const expired = await token(orgA, "to-expire", ["read"], "2099-12-31");
    expect((await read(revoked.secret)).status).toBe(200);
    expect((await read(expired.secret)).status).toBe(200);
    await revokeToken(db(), CLI, orgA, { name: "to-revoke" }, NOW);
    // Time passes for the other one: its expiry instant is now behind us.
    await query(`update api_tokens set expires_at = now() - interval '1 second' where id = '${expired.id}'`);
    const answers = [];
    for (const header of [
      `Bearer ${revoked.secret}`,
      `Bearer ${expired.secret}`,
      `Bearer pmc_${"x".repeat(43)}`,
      "Bearer nonsense",
      "Bearer",
      `Basic ${revoked.secret}`,
      `Bearer ${revoked.secret} extra`,
    ]) {
      const res = await readTs(
        new Request(`${BASE}/api/v1/membership/training-services`, { headers: { authorization: header } }),
        params,
      );
      answers.push({ status: res.status, body: await res.json(), www: res.headers.get("www-authenticate") });
    }
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0]!.status).toBe(401);
    const res = await upload(revoked.secret, "courseware-completions", completions("X", 1));
    expect(res.status).toBe(401);
  });

  it("expiry: valid through its date, refused from the next day; a date in the past is refused at creation", async () => {
    const t = await token(orgA, "dated", ["read"], "2026-11-30");
    expect(await resolveToken(db(), t.secret, new Date("2026-11-30T23:59:59Z"), 1000)).not.toBeNull();
    expect(await resolveToken(db(), t.secret, new Date("2026-12-01T00:00:00Z"), 1000)).toBeNull();
    await expect(
      createToken(db(), CLI, orgA, { name: "old", scopes: ["read"], expiresOn: "2026-11-14" }, NOW),
    ).rejects.toThrow(/today \(2026-11-15\) or later/);
  });

  it("a token cannot import the shared course catalog", async () => {
    const t = await token(orgA, "catalog", ["import"]);
    const before = await query(`select * from courses order by course_code`);
    const res = await upload(
      t.secret,
      "courses",
      "course_code,title,solution_area,category\nAZ-104T00,X,,fundamentals\n",
    );
    expect(res.status).toBe(403);
    expect(await query(`select * from courses order by course_code`)).toEqual(before);
  });

  it("bearer requests need no Origin (CSRF does not apply); cookie requests still do", async () => {
    const t = await token(orgA, "no-origin", ["import"]);
    expect((await upload(t.secret, "courseware-completions", completions("O", 1))).status).toBe(200);
    const anonymous = await upload(null, "courseware-completions", completions("P", 1));
    expect(anonymous.status).toBe(403);
    expect((await anonymous.json()).error).toMatch(/Cross-site/);
  });

  it("rate limit per token: beyond the limit a 429 with Retry-After, other tokens unaffected", async () => {
    env.API_TOKEN_RATE_LIMIT = "3";
    resetEnvCache();
    try {
      const t = await token(orgA, "busy", ["read"]);
      const other = await token(orgA, "calm", ["read"]);
      for (let i = 0; i < 3; i++) expect((await read(t.secret)).status).toBe(200);
      const limited = await read(t.secret);
      expect(limited.status).toBe(429);
      const wait = Number(limited.headers.get("retry-after"));
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBeLessThanOrEqual(60);
      expect((await read(other.secret)).status).toBe(200);
    } finally {
      env.API_TOKEN_RATE_LIMIT = "1000";
      resetEnvCache();
    }
    expect(rateDecision(3, 12.2, 3)).toBeNull();
    expect(rateDecision(4, 12.2, 3)).toBe(13);
    expect(rateDecision(4, 0.01, 3)).toBe(1);
  });

  it("20 concurrent imports with one token are each all or nothing", async () => {
    const t = await token(orgB, "parallel", ["import"]);
    const before = await count("courseware_completions", `org_id = '${orgB}'`);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        upload(t.secret, "courseware-completions", completions(`P${i}`, 50, i % 2 === 1)).then(async (r) => ({
          i,
          status: r.status,
          body: await r.json(),
        })),
      ),
    );
    for (const r of results) {
      expect(r.status, JSON.stringify(r.body).slice(0, 200)).toBe(r.i % 2 === 1 ? 400 : 200);
      expect(await count("courseware_completions", `org_id = '${orgB}' and achievement_code like 'P${r.i}-%'`)).toBe(
        r.i % 2 === 1 ? 0 : 50,
      );
    }
    expect(await count("courseware_completions", `org_id = '${orgB}'`)).toBe(before + 10 * 50);
    expect(await count("imports", `imported_by = 'token:parallel'`)).toBe(10);
    expect(await count("audit_log", `action = 'import' and actor = 'token:parallel'`)).toBe(10);
  });

  it("no secret appears in the audit log, the tables or the logs", async () => {
    expect(secrets.length).toBeGreaterThan(10);
    const audit = JSON.stringify(await query(`select * from audit_log`));
    const tokens = JSON.stringify(await query(`select * from api_tokens`));
    const imports = JSON.stringify(await query(`select * from imports`));
    const logs = captured.join("");
    for (const secret of secrets) {
      for (const text of [audit, tokens, imports, logs]) expect(text).not.toContain(secret.slice(10));
    }
    expect(audit).toContain("token.revoke");
  });
});
