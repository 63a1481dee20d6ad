import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, openDatabase, rowsOf } from "@/db/client";
import { env } from "@/lib/env";
import { runNotify } from "@/lib/notifications/notify";
import { makeOrg } from "../offers/helpers";
import { useTestDatabase } from "../test-db";
import { holdDesignation, options, smtp, wireOrder } from "./helpers";
import { startSmtp } from "./smtp";

// SPEC §12: two workers on one database never send the same mail twice. On PostgreSQL they are
// two connection pools (as two app instances or a cron run beside a server would be); on the
// embedded database, two runs interleaved on its one connection.
const test = useTestDatabase();
let server: Awaited<ReturnType<typeof startSmtp>>;
let second: DbHandle | null = null;
beforeAll(async () => {
  server = await startSmtp();
  const base = env().DATABASE_URL;
  if (base) {
    const [row] = rowsOf<{ name: string }>(await test.handle().db.execute(sql`select current_database() as name`));
    const url = new URL(base);
    url.pathname = `/${row!.name}`;
    second = openDatabase({ url: url.toString() });
  }
});
afterAll(async () => {
  await second?.close();
  await server.close();
});

describe("two workers", () => {
  it("send every digest exactly once between them", async () => {
    const orgs = [];
    for (let i = 0; i < 6; i++) {
      const org = await makeOrg(`n-two-${i}`);
      await holdDesignation(org.id, "2027-06-30"); // window opens 2027-05-31
      await wireOrder(org.id, `92000${i}`, "2027-05-05"); // pay by 2027-06-04: 4 days left
      orgs.push(org);
    }
    const a = test.handle().db;
    const b = second?.db ?? a;
    for (let round = 0; round < 3; round++) {
      const [x, y] = await Promise.all([
        runNotify(a, options("2027-05-31", smtp(server.url))),
        runNotify(b, options("2027-05-31", smtp(server.url))),
      ]);
      expect(x.errors + y.errors + x.failed + y.failed).toBe(0);
    }
    const recipients = server.received.map((m) => m.to.join(",")).sort();
    expect(recipients).toEqual(
      orgs.flatMap((o) => [`account_admin@${o.partnerId}.example`, `global_admin@${o.partnerId}.example`]).sort(),
    );
    for (const m of server.received) expect(m.subject).toMatch(/Order 92000\d expires in 4 days .*\(and 1 more\)$/);
  });
});
