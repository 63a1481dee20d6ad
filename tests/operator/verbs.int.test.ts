// SPEC §10: the operator role and the verbs the operator workspace and the CLI share.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { adminCommands } from "@/cli/commands-admin";
import { runCli } from "@/cli/run";
import { db } from "@/db/client";
import {
  listOrganizations,
  listOrganizationsForExport,
  type OrgListPage,
  orgListQuery,
} from "@/db/queries/operator-orgs";
import { listAwaitingPayments } from "@/db/queries/operator-payments";
import { auditLog, orders, organizations, users } from "@/db/schema";
import { createSession, loadCaller, loadContext } from "@/lib/auth/sessions";
import { readJsonProp } from "@/lib/json-prop";
import { cancelOrder, confirmPayment } from "@/lib/offers/payments";
import { purchaseDesignation } from "@/lib/offers/place-order";
import { packOrgRow, unpackOrgRow } from "@/lib/operator/org-row-fields";
import { setTrack } from "@/lib/orgs/tracks";
import { verifyOrganization } from "@/lib/orgs/verbs";
import { addDays } from "@/lib/rules/time";
import { createOperator } from "@/lib/users/verbs";
import { form, makeOrg, recordSp, TODAY } from "../offers/helpers";
import { signedInOperator } from "../support/callers";
import { useTestDatabase } from "../test-db";

useTestDatabase();
const CLI = { kind: "cli" } as const;

async function operator(email: string) {
  const user = await createOperator(db(), CLI, { email, name: "Op", password: "operator-password" });
  return signedInOperator(db(), user.id);
}

async function auditCount(orgId: string, action: string) {
  const rows = await db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, action)));
  return rows.length;
}

async function wireOrder(partnerId: string) {
  const org = await makeOrg(partnerId);
  await recordSp(org.id, "security", true, `${addDays(TODAY, -5)}T10:00:00Z`);
  const { order } = await purchaseDesignation(
    db(),
    org.as.account_admin,
    form(org, "solutions-partner", "purchase", "wire_transfer"),
    TODAY,
  );
  return { org, order };
}

describe("the operator role", () => {
  it("is a user of no organization: its session is an operator caller, never an organization context", async () => {
    const op = await operator("op1@pmc.example");
    const sessionId = await createSession(db(), op.userId, new Date());
    expect(await loadCaller(db(), sessionId, new Date())).toMatchObject({ kind: "operator", email: op.email });
    expect(await loadContext(db(), sessionId, new Date())).toBeNull();
  });

  it("the CLI creates an operator from `user create --operator` (password on stdin), and refuses --role with it", async () => {
    const out: string[] = [];
    const io = {
      out: (t: string) => out.push(t),
      err: (t: string) => out.push(t),
      stdin: async () => "op-cli-password\n",
    };
    const args = ["user", "create", "--operator", "--email", "cli-op@pmc.example", "--name", "CLI Op"];
    expect(await runCli(adminCommands, args, io)).toBe(0);
    expect(out.join("\n")).toContain("Created operator cli-op@pmc.example");
    const [row] = await db().select().from(users).where(eq(users.email, "cli-op@pmc.example"));
    expect(row).toMatchObject({ role: "operator", orgId: null });
    expect(
      await runCli(adminCommands, [...args.slice(0, 4), "x@pmc.example", "--name", "X", "--role", "member"], io),
    ).not.toBe(0);
    expect(await db().select().from(users).where(eq(users.email, "x@pmc.example"))).toHaveLength(0);
  });

  it("the database refuses an operator with an organization and an organization role without one", async () => {
    const org = await makeOrg("op-check");
    await expect(
      db()
        .insert(users)
        .values({ orgId: org.id, email: "x@op.example", name: "x", role: "operator", passwordHash: "x" }),
    ).rejects.toThrow();
    await expect(
      db().insert(users).values({ orgId: null, email: "y@op.example", name: "y", role: "member", passwordHash: "x" }),
    ).rejects.toThrow();
  });

  it("never buys for an organization", async () => {
    const op = await operator("op2@pmc.example");
    const org = await makeOrg("op-nobuy");
    await recordSp(org.id, "security", true, `${addDays(TODAY, -5)}T10:00:00Z`);
    await expect(
      purchaseDesignation(db(), op as never, form(org, "solutions-partner", "purchase", "wire_transfer"), TODAY),
    ).rejects.toThrow(/role does not allow/);
    expect(await db().select().from(orders).where(eq(orders.orgId, org.id))).toHaveLength(0);
  });
});

describe("operator verbs are idempotent and audited", () => {
  it("verifying twice verifies once, with one audit row", async () => {
    const op = await operator("op3@pmc.example");
    const org = await makeOrg("op-verify", { verified: false });
    await verifyOrganization(db(), op, org.partnerId);
    await verifyOrganization(db(), op, org.partnerId);
    const [row] = await db().select().from(organizations).where(eq(organizations.id, org.id));
    expect(row!.verified).toBe(true);
    expect(await auditCount(org.id, "org.verify")).toBe(1);
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, "org.verify"));
    expect(audit).toMatchObject({ actor: op.email, actorUserId: op.userId });
  });

  it("recording the same track twice writes one audit row; a different track writes another", async () => {
    const org = await makeOrg("op-track");
    const input = { partnerId: org.partnerId, area: "business-applications", track: "smb" } as const;
    await setTrack(db(), CLI, input, new Date("2026-11-15T10:00:00Z"));
    await setTrack(db(), CLI, input, new Date("2026-11-15T11:00:00Z"));
    expect(await auditCount(org.id, "org.set_track")).toBe(1);
    await setTrack(db(), CLI, { ...input, track: "enterprise" }, new Date("2026-11-15T12:00:00Z"));
    expect(await auditCount(org.id, "org.set_track")).toBe(2);
  });

  it("two operators confirming one payment at once activate it exactly once", async () => {
    const [a, b] = [await operator("op4@pmc.example"), await operator("op5@pmc.example")];
    const { org, order } = await wireOrder("op-confirm");
    const results = await Promise.all([
      confirmPayment(db(), a, { orderNumber: order.number }, TODAY),
      confirmPayment(db(), b, { orderNumber: order.number }, TODAY),
    ]);
    expect(results.map((r) => r.already).sort()).toEqual([false, true]);
    expect(await auditCount(org.id, "order.payment_confirm")).toBe(1);
    const [row] = await db().select().from(orders).where(eq(orders.number, order.number));
    expect(row).toMatchObject({ status: "active", paidOn: TODAY });
  });

  it("an operator cancels an order awaiting payment of any organization", async () => {
    const op = await operator("op6@pmc.example");
    const { org, order } = await wireOrder("op-cancel");
    expect((await cancelOrder(db(), op, { orderNumber: order.number }, TODAY)).status).toBe("cancelled");
    expect(await auditCount(org.id, "order.cancel")).toBe(1);
    await expect(cancelOrder(db(), op, { orderNumber: order.number }, TODAY)).rejects.toThrow(/no longer awaiting/);
  });

  it("lists the orders awaiting payment a page at a time, each once, with the total", async () => {
    const placed = [];
    for (const id of ["pay-page-1", "pay-page-2", "pay-page-3"]) placed.push((await wireOrder(id)).order.number);
    const first = await listAwaitingPayments(db(), 1, 2);
    expect(first.rows).toHaveLength(2);
    expect(first.pages).toBe(Math.ceil(first.total / 2));
    const seen: string[] = [];
    for (let page = 1; page <= first.pages; page++)
      seen.push(...(await listAwaitingPayments(db(), page, 2)).rows.map((r) => r.number));
    expect(seen).toHaveLength(first.total);
    expect(new Set(seen).size).toBe(first.total);
    expect(seen).toEqual(expect.arrayContaining(placed));
    const past = await listAwaitingPayments(db(), first.pages + 3, 2);
    expect(past.page).toBe(first.pages);
    expect(past.rows.map((r) => r.number)).toEqual(seen.slice((first.pages - 1) * 2));
  });
});

/** A page's rows as the list's body reads them. */
const shown = (page: OrgListPage) => readJsonProp(page.rows).map(unpackOrgRow);

describe("the Organizations list", () => {
  it("searches by name or partner ID prefix and filters unverified and awaiting payment", async () => {
    await makeOrg("list-unv", { verified: false });
    const { org: awaiting } = await wireOrder("list-wire");
    const q = (input: Record<string, unknown>) => orgListQuery.parse(input);
    const byId = await listOrganizations(db(), q({ q: "list-" }), TODAY);
    expect(shown(byId).map((r) => r.partnerId)).toEqual(["list-unv", "list-wire"]);
    const byName = await listOrganizations(db(), q({ q: "org list-w" }), TODAY);
    expect(shown(byName).map((r) => r.partnerId)).toEqual(["list-wire"]);
    const unverified = await listOrganizations(db(), q({ q: "list-", filter: "unverified" }), TODAY);
    expect(shown(unverified).map((r) => r.partnerId)).toEqual(["list-unv"]);
    const wire = await listOrganizations(db(), q({ filter: ["awaiting-payment"] }), TODAY);
    expect(shown(wire).map((r) => r.partnerId)).toContain(awaiting.partnerId);
    expect(shown(wire).every((r) => r.awaiting > 0)).toBe(true);
    expect(wire.total).toBe(wire.shown);
    // The total travels with the page's rows; a page past the end has none and still knows it.
    expect(byId.total).toBe(2);
    const past = await listOrganizations(db(), q({ q: "list-", page: 3 }), TODAY);
    expect(past).toEqual({ rows: "[]", shown: 0, total: 2, pages: 1 });
  });

  it("packs each page row in SQL exactly as the export's row would be packed, for every sort", async () => {
    const op = await operator("op-list@pmc.example");
    const { order } = await wireOrder("pack-held"); // paid: a designation held, with its anniversary
    await confirmPayment(db(), op, { orderNumber: order.number }, TODAY);
    await wireOrder("pack-wire"); // awaiting payment
    await makeOrg("pack-unv", { verified: false });
    for (const sort of ["name", "partner-id", "renewal-due", "awaiting", "last-import"])
      for (const dir of ["asc", "desc"]) {
        const q = orgListQuery.parse({ q: "pack-", sort, dir });
        const page = await listOrganizations(db(), q, TODAY);
        const all = await listOrganizationsForExport(db(), q, TODAY);
        expect(readJsonProp(page.rows), `${sort} ${dir}`).toEqual(all.map(packOrgRow));
        expect(page.shown).toBe(3);
      }
    const held = shown(await listOrganizations(db(), orgListQuery.parse({ q: "pack-held" }), TODAY))[0]!;
    expect(held.held).toEqual([
      { offer: "solutions-partner", anniversary: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) },
    ]);
    expect(held.verified).toBe(true);
  });
});
