import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/notifications/unsubscribe/route";
import { notifyCommands } from "@/cli/commands-notify";
import type { Io } from "@/cli/framework";
import { runCli } from "@/cli/run";
import { db } from "@/db/client";
import { listAllOutboxMails, listMailsForUser } from "@/db/queries/notifications";
import { notificationDigests, notificationPreferences, users } from "@/db/schema";
import { loadPreferences, savePreferences } from "@/lib/notifications/preferences";
import { signUnsubscribe } from "@/lib/notifications/token";
import { makeOrg } from "../offers/helpers";
import { useTestDatabase } from "../test-db";
import { holdDesignation, notify, SECRET, smtp, wireOrder } from "./helpers";
import { startSmtp } from "./smtp";

// SPEC §12: preferences and unsubscribe are respected, unsubscribe links cannot be forged, a dead
// SMTP server delays mail without losing it, and without SMTP the mail lands in the in-app outbox.
useTestDatabase();
let server: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  server = await startSmtp();
});
afterAll(() => server.close());

const to = (partnerId: string) => server.received.filter((m) => m.to[0]!.endsWith(`@${partnerId}.example`));
const unsubscribeRequest = (token: string) =>
  new Request(`https://pmc.example/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
  });

describe("preferences and unsubscribe", () => {
  it("sends nothing of a kind a user turned off, and the one-click link turns a kind off", async () => {
    const org = await makeOrg("n-prefs");
    await holdDesignation(org.id, "2027-01-31"); // renewal window opens 2027-01-01
    await wireOrder(org.id, "910001", "2026-12-05"); // pay by 2027-01-04: expiring from 2026-12-28
    await savePreferences(db(), org.as.account_admin, { renewals: "on" });
    expect(await loadPreferences(db(), org.as.account_admin.userId, "account_admin")).toEqual([
      { category: "renewals", enabled: true },
      { category: "payments", enabled: false },
    ]);
    await notify("2026-12-28", smtp(server.url));
    expect(to("n-prefs").map((m) => m.to[0])).toEqual(["global_admin@n-prefs.example"]);

    // The global admin uses the mail's List-Unsubscribe address (payments), as a mail provider would.
    const header = to("n-prefs")[0]!.headers.get("list-unsubscribe")!;
    const token = new URL(header.slice(1, -1)).searchParams.get("token")!;
    const res = await POST(unsubscribeRequest(token));
    expect(res.status).toBe(200);
    expect(await loadPreferences(db(), org.as.global_admin.userId, "global_admin")).toContainEqual({
      category: "payments",
      enabled: false,
    });

    await notify("2027-01-01", smtp(server.url)); // renewal window opens: renewals are still on for both
    expect(
      to("n-prefs")
        .map((m) => m.subject)
        .slice(1),
    ).toEqual([
      "Org n-prefs: Solutions Partner designation: the renewal window is open until 2027-01-31 — deadline 2027-01-31",
      "Org n-prefs: Solutions Partner designation: the renewal window is open until 2027-01-31 — deadline 2027-01-31",
    ]);
    await notify("2027-01-05", smtp(server.url)); // the order expired: payments are off for both
    expect(to("n-prefs")).toHaveLength(3);
  });

  it("refuses a forged, altered or widened token and changes nothing", async () => {
    const org = await makeOrg("n-forge");
    const victim = org.as.global_admin.userId;
    const genuine = signUnsubscribe(SECRET, { userId: victim, categories: ["payments"] });
    const [payload, mac] = genuine.split(".") as [string, string];
    const widened = Buffer.from(JSON.stringify({ u: victim, c: ["certifications", "payments", "renewals"] })).toString(
      "base64url",
    );
    for (const token of [
      signUnsubscribe("another-secret-another-secret-0123", { userId: victim, categories: ["payments"] }),
      `${widened}.${mac}`,
      `${payload}.${mac.slice(0, -2)}AA`,
      payload,
      "",
      "x".repeat(5000),
    ]) {
      const res = await POST(unsubscribeRequest(token));
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/not valid.*Nothing was changed/);
    }
    expect(await db().select().from(notificationPreferences).where(eq(notificationPreferences.userId, victim))).toEqual(
      [],
    );
    expect((await POST(unsubscribeRequest(genuine))).status).toBe(200);
    expect(await loadPreferences(db(), victim, "global_admin")).toContainEqual({
      category: "payments",
      enabled: false,
    });
  });

  it("skips a disabled user's digest", async () => {
    const org = await makeOrg("n-disabled");
    await holdDesignation(org.id, "2027-02-28");
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, org.as.account_admin.userId));
    await notify("2027-02-10", smtp(server.url));
    expect(to("n-disabled").map((m) => m.to[0])).toEqual(["global_admin@n-disabled.example"]);
  });
});

describe("delivery", () => {
  it("retries with backoff while SMTP is down and delivers once when it is back", async () => {
    const org = await makeOrg("n-retry");
    await holdDesignation(org.id, "2027-04-30"); // window opens 2027-03-31
    const port = server.port;
    await server.close(); // SMTP down
    const t0 = new Date("2027-03-31T06:00:00Z");
    const first = await notify("2027-03-31", smtp(`smtp://127.0.0.1:${port}`), t0);
    expect(first).toMatchObject({ sent: 0, retrying: 2 });
    const [digest] = await db()
      .select()
      .from(notificationDigests)
      .where(and(eq(notificationDigests.orgId, org.id), eq(notificationDigests.userId, org.as.global_admin.userId)));
    expect(digest).toMatchObject({ status: "pending", attempts: 1 });
    expect(digest!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(digest!.nextAttemptAt.getTime()).toBe(t0.getTime() + 60_000); // first backoff: one minute
    // The recipient can read it in the app meanwhile, marked as retrying.
    const [mine] = await listMailsForUser(db(), org.id, org.as.global_admin.userId);
    expect(mine).toMatchObject({ status: "pending", attempts: 1 });
    expect(mine!.text).toContain("the renewal window is open until 2027-04-30");

    // Before the backoff has passed nothing is attempted.
    expect(await notify("2027-03-31", smtp(`smtp://127.0.0.1:${port}`), new Date(t0.getTime() + 30_000))).toMatchObject(
      { retrying: 0, sent: 0 },
    );
    server = await startSmtp(port); // back
    const later = await notify("2027-03-31", smtp(server.url), new Date(t0.getTime() + 61_000));
    expect(later).toMatchObject({ sent: 2, retrying: 0 });
    expect(await notify("2027-03-31", smtp(server.url), new Date(t0.getTime() + 3_600_000))).toMatchObject({ sent: 0 });
    expect(
      to("n-retry")
        .map((m) => m.to[0])
        .sort(),
    ).toEqual(["account_admin@n-retry.example", "global_admin@n-retry.example"]);
    const [after] = await db().select().from(notificationDigests).where(eq(notificationDigests.id, digest!.id));
    expect(after).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("keeps the mail in the in-app outbox without SMTP, readable by the recipient and the operator", async () => {
    const org = await makeOrg("n-outbox");
    await holdDesignation(org.id, "2027-05-31");
    const r = await notify("2027-05-24", null); // 7 days before the anniversary
    expect(r.sent).toBe(0);
    expect(r.outbox).toBeGreaterThanOrEqual(2); // this organization's two admins (others' lapses too)
    const mine = await listMailsForUser(db(), org.id, org.as.account_admin.userId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      status: "outbox",
      to: "account_admin@n-outbox.example",
      subject:
        "Org n-outbox: Solutions Partner designation: 7 days left to renew (anniversary 2027-05-31) — deadline 2027-05-31",
    });
    expect(mine[0]!.text).toContain("Details: https://pmc.example/membership/offers");
    // Another user of the same organization does not see it; the operator's query sees both.
    expect(await listMailsForUser(db(), org.id, org.as.partner_admin.userId)).toEqual([]);
    const all = await listAllOutboxMails(db());
    expect(
      all
        .filter((m) => m.partnerId === "n-outbox")
        .map((m) => m.userEmail)
        .sort(),
    ).toEqual(["account_admin@n-outbox.example", "global_admin@n-outbox.example"]);
  });
});

describe("npm run cli -- notify", () => {
  it("says it is for cron, refuses a bad date, and sends what is due on the given day once", async () => {
    const out: string[] = [];
    const io: Io = { out: (s) => out.push(s), err: (s) => out.push(s), stdin: async () => "" };
    expect(await runCli(notifyCommands, ["notify", "--help"], io)).toBe(0);
    expect(out.join("\n")).toMatch(/For cron/);
    expect(await runCli(notifyCommands, ["notify", "--today", "2027-13-01"], io)).toBe(2);
    expect(out.at(-1)).toMatch(/--today must be YYYY-MM-DD/);

    const org = await makeOrg("n-cli");
    await holdDesignation(org.id, "2027-08-31"); // window opens 2027-08-01
    expect(await runCli(notifyCommands, ["notify", "--today", "2027-08-01"], io)).toBe(0);
    expect(out.at(-1)).toMatch(/new event\(s\);.* kept in the in-app outbox/);
    expect(await runCli(notifyCommands, ["notify", "--today", "2027-08-01"], io)).toBe(0);
    expect(out.at(-1)).toMatch(/: 0 new event\(s\); 0 mail\(s\) sent, 0 kept/);
    expect(await listMailsForUser(db(), org.id, org.as.account_admin.userId)).toHaveLength(1);
  });
});
