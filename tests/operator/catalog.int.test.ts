// SPEC §10 Course catalog: the preview names exactly the organizations whose Training Services
// status or badges change (checked against a full re-evaluation), and applying changes nothing else.

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { catalogUploads, courses, organizations, users } from "@/db/schema";
import { importDemoCsv, importTrainingServicesDemo } from "@/db/seed";
import { coursesCsv, DEMO_COURSES } from "@/db/seed/training-services";
import type { OperatorCaller } from "@/lib/auth/caller";
import { applyCatalog, discardCatalog, previewCatalog } from "@/lib/operator/catalog";
import { orgsWithTrainingData, tsSummary } from "@/lib/operator/status";
import { signedInOperator } from "../support/callers";
import { useTestDatabase } from "../test-db";

useTestDatabase();
const TODAY = "2026-11-15";
let op: OperatorCaller;
let orgIds: Record<"qualified" | "close" | "none", string>;

async function allStatuses() {
  const ids = await orgsWithTrainingData(db());
  return new Map(await Promise.all(ids.map(async (id) => [id, await tsSummary(db(), id, TODAY)] as const)));
}

/** The demo catalog with Security Operations Analyst moved to Modern Work, a new course and a retitled one. */
function nextCatalog(): string {
  const rows = DEMO_COURSES.map((c) => {
    if (c[0] === "SC-200T00") return [c[0], c[1], "modern-work", c[3], c[4]];
    if (c[0] === "AZ-900T00") return [c[0], "Azure Fundamentals (renamed)", c[2], c[3], c[4]];
    return [...c];
  });
  rows.push(["NEW-100", "A new course", "security", "two-days-or-less", "2"]);
  return `course_code,title,solution_area,category,duration_days\n${rows.map((r) => r.map((v) => `"${v}"`).join(",")).join("\n")}\n`;
}

beforeAll(async () => {
  await importDemoCsv("courses", null, coursesCsv(), TODAY);
  const made = await db()
    .insert(organizations)
    .values([
      { partnerId: "cat-q", name: "Qualified Co", country: "US" },
      { partnerId: "cat-c", name: "Close Co", country: "US" },
      { partnerId: "cat-n", name: "No Data Co", country: "US" },
    ])
    .returning();
  orgIds = { qualified: made[0]!.id, close: made[1]!.id, none: made[2]!.id };
  await importTrainingServicesDemo(orgIds.qualified, "qualified", TODAY, "Q");
  await importTrainingServicesDemo(orgIds.close, "close", TODAY, "C");
  const [u] = await db()
    .insert(users)
    .values({ orgId: null, role: "operator", email: "cat-op@pmc.example", name: "Op", passwordHash: "x" })
    .returning();
  op = await signedInOperator(db(), u!.id);
}, 240_000);

describe("catalog preview and apply", () => {
  it("a file with a bad row is refused, names the row, and stores nothing", async () => {
    const result = await previewCatalog(
      db(),
      op,
      { name: "bad.csv", text: "course_code,title,solution_area,category\nX-1,T,nowhere,fundamentals\n" },
      TODAY,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ row: 2 });
    expect(await db().select().from(catalogUploads)).toHaveLength(0);
  });

  it("names exactly the organizations a full re-evaluation moves, and applying changes nothing else", async () => {
    const coursesBefore = await db().select().from(courses);
    const before = await allStatuses();
    const preview = await previewCatalog(db(), op, { name: "catalog-v2.csv", text: nextCatalog() }, TODAY);
    if (!preview.ok) throw new Error(preview.message);
    // The preview itself wrote nothing but its pending row.
    expect(await db().select().from(courses)).toEqual(coursesBefore);
    expect(await allStatuses()).toEqual(before);

    expect(preview.preview.added.map((c) => c.code)).toEqual(["NEW-100"]);
    expect(preview.preview.changed.map((c) => c.code)).toEqual(["AZ-900T00", "SC-200T00"]);
    expect(preview.preview.unchanged).toBe(DEMO_COURSES.length - 2);

    await applyCatalog(db(), op, preview.id, TODAY);
    const after = await allStatuses();
    const moved = [...before.keys()].filter((id) => JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id)));
    expect(moved.length).toBeGreaterThan(0);
    expect(preview.preview.orgs.map((o) => o.orgId).sort()).toEqual(moved.sort());
    expect(preview.preview.orgs.map((o) => o.partnerId)).toEqual(["cat-q"]);
    for (const o of preview.preview.orgs) expect(o.after).toEqual(after.get(o.orgId));

    // Nothing else: every course not named by the preview is as it was.
    const named = new Set(["NEW-100", "AZ-900T00", "SC-200T00"]);
    const coursesAfter = await db().select().from(courses);
    expect(coursesAfter.filter((c) => !named.has(c.courseCode))).toEqual(
      coursesBefore.filter((c) => !named.has(c.courseCode)),
    );
    const [row] = await db().select().from(catalogUploads).where(eq(catalogUploads.id, preview.id));
    expect(row!.status).toBe("applied");
  }, 240_000);

  it("applies once: a second apply or a discard of an applied version is refused", async () => {
    const preview = await previewCatalog(db(), op, { name: "again.csv", text: nextCatalog() }, TODAY);
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.preview.orgs).toEqual([]);
    expect(preview.preview.added).toEqual([]);
    await applyCatalog(db(), op, preview.id, TODAY);
    await expect(applyCatalog(db(), op, preview.id, TODAY)).rejects.toThrow(/already applied/);
    await expect(discardCatalog(db(), op, preview.id)).rejects.toThrow(/no longer pending/);
  }, 240_000);
});
