import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { runMaintenance } from "@/lib/offers/maintenance";
import { makeOrg } from "../offers/helpers";
import { useTestDatabase } from "../test-db";
import { days, holdDesignation, notify, smtp, wireOrder } from "./helpers";
import { plainText, startSmtp } from "./smtp";

// SPEC §12: moving "today" day by day through a renewal cycle and a wire order's 30 days gives
// exactly the expected mails, once each, to exactly the roles that receive them.
useTestDatabase();
let server: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  server = await startSmtp();
});
afterAll(() => server.close());

describe("a renewal cycle and a wire order, day by day", () => {
  it("sends each reminder once, on its day, to account and global admins only", async () => {
    const org = await makeOrg("n-cycle");
    await holdDesignation(org.id, "2027-01-10");
    await wireOrder(org.id, "900001", "2026-12-01"); // pay by 2026-12-31
    const mailer = smtp(server.url);
    const byDay = new Map<string, string[]>();
    for (const day of days("2026-12-05", "2027-01-20")) {
      const before = server.received.length;
      await runMaintenance(db(), day); // what pages and cron do: expire the unpaid order, lapse the designation
      const r = await notify(day, mailer);
      await notify(day, mailer); // a re-run the same day sends nothing more
      expect(r.failed + r.retrying + r.errors).toBe(0);
      const got = server.received.slice(before);
      if (got.length) byDay.set(day, got.map((m) => `${m.to.join(",")}: ${m.subject}`).sort());
    }
    const admins = (subject: string) =>
      ["account_admin@n-cycle.example", "global_admin@n-cycle.example"].map((to) => `${to}: Org n-cycle: ${subject}`);
    expect(Object.fromEntries(byDay)).toEqual({
      "2026-12-11": admins(
        "Solutions Partner designation: the renewal window is open until 2027-01-10 — deadline 2027-01-10",
      ),
      "2026-12-24": admins("Order 900001 expires in 7 days unless paid by 2026-12-31 — deadline 2026-12-31"),
      "2027-01-01": admins("Order 900001 expired unpaid on 2027-01-01"),
      "2027-01-03": admins(
        "Solutions Partner designation: 7 days left to renew (anniversary 2027-01-10) — deadline 2027-01-10",
      ),
      "2027-01-11": admins("Solutions Partner designation: the designation lapsed on 2027-01-11"),
    });
    const mail = server.received.find((m) => m.subject.includes("expires in 7 days"))!;
    const text = plainText(mail.raw);
    expect(text).toContain("Details: https://pmc.example/membership/orders/900001");
    expect(text).toContain("Choose which notifications you get: https://pmc.example/membership/notifications");
    expect(mail.raw).toContain("Content-Type: text/html");
    expect(mail.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(mail.headers.get("list-unsubscribe")).toMatch(
      /^<https:\/\/pmc\.example\/api\/notifications\/unsubscribe\?token=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}>$/,
    );
  });

  it("gathers one day's events into one digest per recipient", async () => {
    const org = await makeOrg("n-digest");
    await holdDesignation(org.id, "2027-03-31", "solutions-partner");
    await holdDesignation(org.id, "2027-03-31", "training-services");
    await wireOrder(org.id, "900002", "2027-02-25"); // pay by 2027-03-27: 7 days left on 2027-03-20
    const mailer = smtp(server.url);
    const before = server.received.length;
    await notify("2027-03-20", mailer);
    const got = server.received.slice(before).filter((m) => m.to[0]!.endsWith("@n-digest.example"));
    expect(got.map((m) => m.to[0]).sort()).toEqual(["account_admin@n-digest.example", "global_admin@n-digest.example"]);
    expect(got[0]!.subject).toBe(
      "Org n-digest: Order 900002 expires in 7 days unless paid by 2027-03-27 — deadline 2027-03-27 (and 2 more)",
    );
    const text = plainText(got[0]!.raw);
    expect(text).toContain("3 things need attention for Org n-digest");
    expect(text).toContain("Solutions Partner for Training Services: the renewal window is open until 2027-03-31");
  });
});
