// SPEC §6 web upload: POST /api/v1/imports — CSRF origin check, guard, org from the session
// only, streamed body, JSON answers (never 5xx for bad input).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import type { UserCaller } from "@/lib/auth/caller";
import { InputError } from "@/lib/imports/errors";
import { requestBody, sameOrigin } from "@/lib/imports/http";
import { count, createOrg, importCourses, query } from "./fixtures/csv/helpers";
import { useTestDatabase } from "./test-db";

const session = vi.hoisted(() => ({ ctx: null as UserCaller | null, forbidden: false }));
vi.mock("@/lib/auth/guard", () => {
  class AccessError extends Error {
    constructor(readonly status: 401 | 403) {
      super(status === 401 ? "Sign in to continue." : "Your role does not allow this.");
    }
  }
  const requireAccess = async () => {
    if (!session.ctx) throw new AccessError(401);
    if (session.forbidden) throw new AccessError(403);
    return session.ctx;
  };
  return {
    AccessError,
    requireAccess,
    // The route's caller as the guard resolves a session (tokens: tests/api-tokens.int.test.ts).
    requireApiCaller: async () => {
      return requireAccess();
    },
    authenticatesByHeader: (headers: Headers) => headers.has("authorization"),
  };
});
const { POST } = await import("@/app/api/v1/imports/route");

useTestDatabase();
const ORIGIN = "http://app.example";
const CSV = "achievement_code,course_code,redeemed_on\nR-1,AZ-104T00,2026-10-01\nR-2,AZ-900T00,2026-10-02\n";

function stream(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(c) {
      for (let i = 0; i < bytes.length; i += 16) c.enqueue(bytes.slice(i, i + 16));
      c.close();
    },
  });
}

function post(query: string, body: string, headers: Record<string, string> = {}) {
  const request = new Request(`${ORIGIN}/api/v1/imports?${query}`, {
    method: "POST",
    body: stream(body),
    duplex: "half",
    headers: {
      host: "app.example",
      origin: ORIGIN,
      "content-type": "text/csv",
      "x-file-name": encodeURIComponent("réalisations 10.csv"),
      ...headers,
    },
  } as RequestInit);
  return POST(request, { params: Promise.resolve({}) });
}

let orgId = "";
beforeAll(async () => {
  orgId = await createOrg("route-1");
  await importCourses();
  const [user] = await db()
    .insert(users)
    .values({ orgId, email: "ada@route.example", name: "Ada", role: "partner_admin", passwordHash: "-" })
    .returning();
  session.ctx = {
    kind: "user",
    sessionId: "s",
    userId: user!.id,
    email: "ada@route.example",
    name: "Ada",
    role: "partner_admin",
    orgId,
    orgName: "Org",
    partnerId: "route-1",
    country: "US",
    verified: true,
  };
});

describe("POST /api/v1/imports", () => {
  it("imports into the session's organization and answers the counts", async () => {
    const other = await createOrg("route-2");
    const res = await post(`kind=courseware-completions&dataThrough=2026-10-31&orgId=${other}`, CSV);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      ok: true,
      rows: 2,
      inserted: 2,
      dataThrough: "2026-10-31",
      message: "2 rows imported, data through 2026-10-31.",
    });
    expect(await count("courseware_completions", `org_id = '${orgId}'`)).toBe(2);
    expect(await count("courseware_completions", `org_id = '${other}'`)).toBe(0);
    expect(await query(`select file_name, imported_by from imports where org_id = '${orgId}'`)).toEqual([
      { file_name: "réalisations 10.csv", imported_by: "ada@route.example" },
    ]);
  });

  it("answers 400 with row-numbered errors for a bad file", async () => {
    const res = await post("kind=courseware-completions", CSV.replace("2026-10-02", "2026-02-30"));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      ok: false,
      errorCount: 1,
      message: "Nothing was imported.",
      errors: [{ row: 3, column: "redeemed_on" }],
    });
    const header = await post("kind=courseware-completions", "nope\n1\n");
    expect(header.status).toBe(400);
  });

  it("refuses a foreign or missing Origin (CSRF) before anything else", async () => {
    expect((await post("kind=courses", CSV, { origin: "https://evil.example" })).status).toBe(403);
    const noOrigin = new Request(`${ORIGIN}/api/v1/imports?kind=courses`, {
      method: "POST",
      body: "x",
      headers: { host: "app.example" },
    });
    expect((await POST(noOrigin, { params: Promise.resolve({}) })).status).toBe(403);
  });

  it("answers 401 signed out, 403 without the role, 400/415 for a bad request", async () => {
    const ctx = session.ctx;
    session.ctx = null;
    expect((await post("kind=courses", CSV)).status).toBe(401);
    session.ctx = ctx;
    session.forbidden = true;
    expect((await post("kind=courses", CSV)).status).toBe(403);
    session.forbidden = false;
    expect((await post("kind=widgets", CSV)).status).toBe(400);
    expect((await post("kind=usage&dataThrough=2026-02-30", CSV)).status).toBe(400);
    expect((await post("kind=usage", CSV, { "content-type": "multipart/form-data; boundary=x" })).status).toBe(415);
    expect((await post("kind=usage", CSV, { "content-length": String(2 * 1024 ** 3) })).status).toBe(413);
  });
});

describe("upload helpers", () => {
  it("accepts only this host as Origin", () => {
    const h = (o: Record<string, string>) => new Headers(o);
    expect(sameOrigin(h({ host: "a.example", origin: "https://a.example" }))).toBe(true);
    expect(sameOrigin(h({ host: "internal:3000", "x-forwarded-host": "a.example", origin: "https://a.example" }))).toBe(
      true,
    );
    expect(sameOrigin(h({ host: "a.example", origin: "https://a.example.evil" }))).toBe(false);
    expect(sameOrigin(h({ host: "a.example", origin: "null" }))).toBe(false);
    expect(sameOrigin(h({ host: "a.example" }))).toBe(false);
  });

  it("stops a body beyond the size limit", async () => {
    const chunks: number[] = [];
    await expect(
      (async () => {
        for await (const c of requestBody(stream("x".repeat(100)), 50)) chunks.push(c.byteLength);
      })(),
    ).rejects.toBeInstanceOf(InputError);
    expect(chunks.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(50);
  });
});
