// SPEC §6, §9 — the web upload at its edges: the shared course catalog refused to an
// organization's users (403, who maintains it), no transaction open while a body is still
// arriving, a stalled body timed out, concurrent uploads capped with a 429.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db, rowsOf } from "@/db/client";
import { users } from "@/db/schema";
import type { UserCaller } from "@/lib/auth/caller";
import { env } from "@/lib/env";
import { CATALOG_REFUSAL } from "@/lib/imports/columns";
import { requestBody } from "@/lib/imports/http";
import { COURSES_CSV, count, createOrg, importCourses, query, runImport } from "./fixtures/csv/helpers";
import { useTestDatabase } from "./test-db";

const session = vi.hoisted(() => ({ ctx: null as UserCaller | null }));
vi.mock("@/lib/auth/guard", () => ({
  AccessError: class extends Error {},
  requireAccess: async () => session.ctx,
  // The route's caller as the guard resolves a session (tokens: tests/api-tokens.int.test.ts).
  requireApiCaller: async () => {
    return session.ctx!;
  },
  authenticatesByHeader: (headers: Headers) => headers.has("authorization"),
}));
const { POST } = await import("@/app/api/v1/imports/route");

useTestDatabase();
const ORIGIN = "http://app.example";
const HEADER = "achievement_code,course_code,redeemed_on\n";

/** A body that sends `first`, then waits for `release()` before sending `rest` (or never). */
function pausedBody(first: string, rest: string) {
  let release = () => {};
  const gate = new Promise<void>((r) => (release = r));
  const enc = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(c) {
      c.enqueue(enc.encode(first));
      await gate;
      c.enqueue(enc.encode(rest));
      c.close();
    },
  });
  return { body, release };
}

function post(query: string, body: ReadableStream<Uint8Array> | string) {
  const request = new Request(`${ORIGIN}/api/v1/imports?${query}`, {
    method: "POST",
    body,
    duplex: "half",
    headers: { host: "app.example", origin: ORIGIN, "content-type": "text/csv" },
  } as RequestInit);
  return POST(request, { params: Promise.resolve({}) });
}

async function userOf(partnerId: string, role: UserCaller["role"]): Promise<UserCaller> {
  const orgId = await createOrg(partnerId);
  const email = `${role}@${partnerId}.example`;
  const [user] = await db().insert(users).values({ orgId, email, name: role, role, passwordHash: "-" }).returning();
  return {
    kind: "user",
    sessionId: "s",
    userId: user!.id,
    email,
    name: role,
    role,
    orgId,
    orgName: partnerId,
    partnerId,
    country: "US",
    verified: true,
  };
}

beforeAll(async () => {
  await importCourses();
});

describe("the shared course catalog", () => {
  it("is refused to every organization role with 403 naming the operator; nothing changes", async () => {
    const before = await query("select * from courses order by course_code");
    for (const role of ["partner_admin", "account_admin", "global_admin"] as const) {
      session.ctx = await userOf(`cat-${role}`, role);
      const res = await post("kind=courses", COURSES_CSV.replace("fundamentals,1", "three-days-or-more,1"));
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: CATALOG_REFUSAL });
    }
    expect(CATALOG_REFUSAL).toContain("maintained by the operator of this instance");
    expect(await query("select * from courses order by course_code")).toEqual(before);
  });

  it("is still imported by the CLI", async () => {
    const r = await runImport("courses", null, COURSES_CSV.replace("Azure Fundamentals", "Azure Fundamentals (2026)"));
    expect(r.ok).toBe(true);
    expect(await count("courses", "title = 'Azure Fundamentals (2026)'")).toBe(1);
  });
});

describe("an upload whose body is still arriving", () => {
  it("holds no transaction: the database answers others while it waits, and the import then completes", async () => {
    session.ctx = await userOf("slow-1", "partner_admin");
    const { body, release } = pausedBody(`${HEADER}S-1,AZ-900T00,2026-10-01\n`, "S-2,AZ-104T00,2026-10-02\n");
    const upload = post("kind=courseware-completions&dataThrough=2026-10-31", body);
    await new Promise((r) => setTimeout(r, 200)); // let the route read the first chunk
    // On the embedded database (one connection) this query would wait for the upload's transaction.
    expect(rowsOf(await db().execute(sql`select 1 as one`))).toEqual([{ one: 1 }]);
    if (env().DATABASE_URL) {
      const open = await query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity " +
          "where datname = current_database() and xact_start is not null and pid <> pg_backend_pid()",
      );
      expect(open[0]!.n).toBe(0);
    }
    release();
    const res = await upload;
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, rows: 2 });
  });

  it("is refused for a bad header before the rest of it arrives", async () => {
    session.ctx = await userOf("slow-3", "partner_admin");
    const { body, release } = pausedBody("achievement_code,course,redeemed_on\nH-1,AZ-900T00,2026-10-01\n", "H-2\n");
    const upload = post("kind=courseware-completions", body);
    const early = await Promise.race([upload, new Promise<null>((r) => setTimeout(() => r(null), 5_000))]);
    release();
    expect(early).not.toBeNull();
    expect(early!.status).toBe(400);
    expect(JSON.stringify(await early!.json())).toContain("course_code");
  });

  it("is refused with a clear message when it stalls beyond the limit", async () => {
    const { body } = pausedBody(`${HEADER}T-1,AZ-900T00,2026-10-01\n`, "");
    const chunks: number[] = [];
    const read = (async () => {
      for await (const c of requestBody(body, 1024, 50)) chunks.push(c.byteLength);
    })();
    await expect(read).rejects.toThrow("The upload stalled: no data arrived for 1 second. Nothing was imported");
    expect(chunks).toHaveLength(1);
  });

  it("takes a slot: beyond the uploads allowed per organization, the next one is answered 429 at once", async () => {
    session.ctx = await userOf("slow-2", "partner_admin");
    const limit = env().IMPORTS_PER_ORGANIZATION;
    const paused = Array.from({ length: limit }, (_, i) => pausedBody(`${HEADER}P-${i},AZ-900T00,2026-10-01\n`, ""));
    const uploads = paused.map((p) => post("kind=courseware-completions", p.body));
    await new Promise((r) => setTimeout(r, 200));
    const refused = await post("kind=courseware-completions", `${HEADER}P-9,AZ-900T00,2026-10-01\n`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("30");
    expect((await refused.json()).error).toContain(`already has ${limit} imports in progress`);
    for (const p of paused) p.release();
    for (const u of uploads) expect((await u).status).toBe(200);
    const after = await post("kind=courseware-completions", `${HEADER}P-9,AZ-900T00,2026-10-01\n`);
    expect(after.status).toBe(200); // the slots were given back
  });
});
