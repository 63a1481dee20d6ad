// What db/postgres-internals.ts assumes of postgres.js 3.4.9 and drizzle-orm 0.45.4. An upgrade
// that changes any of it fails here, naming what changed (README, "Upgrades that need a check").
import { sql } from "drizzle-orm";
import { integer, pgTable } from "drizzle-orm/pg-core";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { cancelCopy, carryTypeHandlers, DRIZZLE_CLIENT_MEMBERS, DRIZZLE_QUERY_MEMBERS } from "@/db/postgres-internals";
import { env } from "@/lib/env";

// Nothing listens on port 1: every query fails at once with ECONNREFUSED, after drizzle has used the client.
const NOWHERE = "postgres://nobody@127.0.0.1:1/none";
const t = pgTable("t", { n: integer("n") });

/** A real postgres.js client that records which of its members (and of its queries') are used. */
function recorded() {
  const client = postgres(NOWHERE, { max: 1, connect_timeout: 2, onnotice: () => {} });
  const used = { client: new Set<string>(), query: new Set<string>() };
  const watchQuery = (q: object) =>
    new Proxy(q, {
      get(target, key) {
        if (typeof key === "string") used.query.add(key);
        const v = Reflect.get(target, key);
        return typeof v === "function" ? (...a: unknown[]) => watchQuery0(v.apply(target, a)) : v;
      },
    });
  const watchQuery0 = (v: unknown) => (v && typeof v === "object" && "values" in v ? watchQuery(v) : v);
  const proxy = new Proxy(client, {
    get(target, key) {
      if (typeof key === "string") used.client.add(key);
      const v = Reflect.get(target, key);
      if (key === "unsafe") return (...a: unknown[]) => watchQuery((v as (...x: unknown[]) => object).apply(target, a));
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
  return { client, proxy, used };
}

describe("drizzle-orm's use of the postgres.js client (db/pool.ts proxies it)", () => {
  it("is only the members the pool intercepts or passes through safely", async () => {
    const { client, proxy, used } = recorded();
    const db = drizzle(proxy);
    const fails = async (p: PromiseLike<unknown>) => {
      const error = await Promise.resolve(p).then(
        () => null,
        (e: { code?: string; cause?: { code?: string } }) => e.cause?.code ?? e.code,
      );
      expect(error).toBe("ECONNREFUSED");
    };
    await fails(db.select().from(t)); // mapped rows: unsafe(…).values()
    await fails(db.execute(sql`select 1`)); // raw rows: unsafe(…)
    await fails(db.select().from(t).prepare("p").execute());
    await fails(db.transaction(async (tx) => tx.execute(sql`select 1`))); // begin(…)
    await client.end({ timeout: 1 });
    expect([...used.client].sort(), "drizzle now calls other client members: db/pool.ts must proxy them").toEqual(
      [...DRIZZLE_CLIENT_MEMBERS].sort(),
    );
    expect(
      [...used.query].filter((k) => !(DRIZZLE_QUERY_MEMBERS as readonly string[]).includes(k)),
      "drizzle now uses other members of a query: db/pool.ts's stand-in query must have them",
    ).toEqual([]);
    expect(used.query.has("values")).toBe(true);
  });

  it("writes its type handlers into options.parsers/serializers, which carryTypeHandlers copies", async () => {
    const first = postgres(NOWHERE, { max: 1, onnotice: () => {} });
    const defaultDate = first.options.parsers[1184];
    drizzle(first);
    const drizzles = first.options.parsers[1184];
    expect(typeof drizzles, "options.parsers is no longer a table of functions by type id").toBe("function");
    expect(drizzles, "drizzle no longer edits options.parsers: carryTypeHandlers may be moot").not.toBe(defaultDate);
    const fresh = postgres(NOWHERE, { max: 1, onnotice: () => {} });
    expect(fresh.options.parsers[1184]).not.toBe(drizzles);
    carryTypeHandlers(first, fresh);
    expect(fresh.options.parsers[1184]).toBe(drizzles);
    expect(fresh.options.serializers[3802]).toBe(first.options.serializers[3802]); // jsonb, as drizzle sends it
    await Promise.all([first.end(), fresh.end()]);
  });
});

describe.runIf(!!env().DATABASE_URL)("a COPY's query object (PostgreSQL)", () => {
  it("has the canceller cancelCopy calls, and the cancel ends the COPY", async () => {
    const one = postgres(env().DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      const conn = await one.reserve();
      const query = conn.unsafe("copy (select generate_series(1, 50000000)) to stdout");
      const stream = await query.readable();
      const ended = new Promise<string>((resolve) => {
        stream.on("error", (e: { code?: string }) => resolve(e.code ?? "error"));
        stream.on("end", () => resolve("end"));
        stream.resume();
      });
      await cancelCopy(query); // rejects with "postgres.js internals changed" if the canceller is gone
      expect(await ended).toBe("57014"); // query_canceled, long before 50 million rows
      conn.release();
    } finally {
      await one.end({ timeout: 5 });
    }
  });
});
