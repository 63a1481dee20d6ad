// SPEC §10 Course catalog: an uploaded version is previewed (the same all-or-nothing import, run
// and rolled back) before it is applied: the courses added and changed, and the organizations
// whose Training Services status or badges would change, from a full re-evaluation of every
// organization with training data before and after. Apply runs the real import exactly once.
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { catalogUploads, courses, imports, organizations } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { writeAudit } from "@/lib/audit";
import type { OperatorCaller } from "@/lib/auth/caller";
import { DomainError, NotFoundError } from "@/lib/errors";
import { afterImport } from "@/lib/imports/after-import";
import { type ImportFailure, importCsv } from "@/lib/imports/pipeline";
import { orgsWithTrainingData, type TsSummary, tsSummary } from "./status";

type Course = typeof courses.$inferSelect;
export type CourseChange = { code: string; before: Course | null; after: Course };
export type OrgChange = {
  orgId: string;
  partnerId: string;
  name: string;
  before: TsSummary | null;
  after: TsSummary | null;
};
export type CatalogPreview = {
  rows: number;
  added: CourseChange[];
  changed: CourseChange[];
  unchanged: number;
  orgs: OrgChange[];
};

const same = (a: TsSummary | null, b: TsSummary | null) =>
  a?.qualified === b?.qualified && (a?.badges ?? []).join(",") === (b?.badges ?? []).join(",");
const sameCourse = (a: Course, b: Course) =>
  a.title === b.title &&
  a.solutionArea === b.solutionArea &&
  a.category === b.category &&
  a.durationDays === b.durationDays;

async function latestCatalogImport(db: Db): Promise<number | null> {
  const [row] = await db
    .select({ id: sql<number | null>`max(${imports.id})` })
    .from(imports)
    .where(and(isNull(imports.orgId), eq(imports.kind, "courses")));
  return row?.id == null ? null : Number(row.id);
}

async function evaluateAll(db: Db, orgIds: string[], today: string): Promise<Map<string, TsSummary | null>> {
  const out = new Map<string, TsSummary | null>();
  for (const id of orgIds) out.set(id, await tsSummary(db, id, today));
  return out;
}

const textInput = (text: string) =>
  (async function* () {
    yield text;
  })();

/** Runs the import and rolls it back; stores the version as pending with what it would change. */
export async function previewCatalog(
  db: Db,
  op: OperatorCaller,
  file: { name: string; text: string },
  today: string,
): Promise<{ ok: true; id: number; preview: CatalogPreview } | ImportFailure> {
  const baseImportId = await latestCatalogImport(db);
  const beforeCourses = new Map((await db.select().from(courses)).map((c) => [c.courseCode, c]));
  const orgIds = await orgsWithTrainingData(db);
  const before = await evaluateAll(db, orgIds, today);
  let after = new Map<string, TsSummary | null>();
  let afterCourses: Course[] = [];
  const result = await importCsv({
    kind: "courses",
    orgId: null,
    actor: op,
    fileName: file.name,
    input: textInput(file.text),
    today,
    dryRun: true,
    afterImport: async (ctx) => {
      afterCourses = await ctx.db.select().from(courses);
      after = await evaluateAll(ctx.db, orgIds, today);
    },
  });
  if (!result.ok) return result;
  const added: CourseChange[] = [];
  const changed: CourseChange[] = [];
  for (const c of afterCourses) {
    const old = beforeCourses.get(c.courseCode);
    if (!old) added.push({ code: c.courseCode, before: null, after: c });
    else if (!sameCourse(old, c)) changed.push({ code: c.courseCode, before: old, after: c });
  }
  const moved = orgIds.filter((id) => !same(before.get(id) ?? null, after.get(id) ?? null));
  const names = moved.length
    ? await db
        .select({ id: organizations.id, partnerId: organizations.partnerId, name: organizations.name })
        .from(organizations)
        .where(inArray(organizations.id, moved))
    : [];
  const preview: CatalogPreview = {
    rows: result.rows,
    added: added.sort((a, b) => a.code.localeCompare(b.code)),
    changed: changed.sort((a, b) => a.code.localeCompare(b.code)),
    unchanged: result.rows - added.length - changed.length,
    orgs: names
      .map((n) => ({
        orgId: n.id,
        partnerId: n.partnerId,
        name: n.name,
        before: before.get(n.id) ?? null,
        after: after.get(n.id) ?? null,
      }))
      .sort((a, b) => a.partnerId.localeCompare(b.partnerId)),
  };
  const id = await inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(catalogUploads)
      .values({
        fileName: file.name,
        csv: file.text,
        status: "pending",
        preview,
        baseImportId,
        uploadedBy: op.userId,
        uploadedByEmail: op.email,
      })
      .returning({ id: catalogUploads.id });
    await writeAudit(tx, {
      orgId: null,
      actor: op,
      action: "catalog.preview",
      detail: {
        uploadId: row!.id,
        fileName: file.name,
        rows: result.rows,
        added: added.length,
        changed: changed.length,
      },
    });
    return row!.id;
  });
  return { ok: true, id, preview };
}

async function pendingUpload(db: Db, id: number) {
  const [u] = await db.select().from(catalogUploads).where(eq(catalogUploads.id, id));
  if (!u) throw new NotFoundError("No such catalog upload.");
  if (u.status !== "pending") throw new DomainError(`This catalog version was already ${u.status}.`);
  return u;
}

/** Applies a previewed version through the real import; exactly once (the status moves inside the import). */
export async function applyCatalog(db: Db, op: OperatorCaller, id: number, today: string) {
  const upload = await pendingUpload(db, id);
  if ((await latestCatalogImport(db)) !== upload.baseImportId)
    throw new DomainError("The catalog changed since this preview: discard it and upload the file again.");
  const result = await importCsv({
    kind: "courses",
    orgId: null,
    actor: op,
    fileName: upload.fileName,
    input: textInput(upload.csv),
    today,
    afterImport: async (ctx) => {
      const [claimed] = await ctx.db
        .update(catalogUploads)
        .set({ status: "applied", appliedImportId: ctx.importId, closedAt: sql`now()` })
        .where(and(eq(catalogUploads.id, id), eq(catalogUploads.status, "pending")))
        .returning({ id: catalogUploads.id });
      if (!claimed) throw new DomainError("This catalog version was already applied or discarded.");
      await writeAudit(ctx.db, {
        orgId: null,
        actor: op,
        action: "catalog.apply",
        detail: { uploadId: id, importId: ctx.importId, fileName: upload.fileName },
      });
      await afterImport(ctx);
    },
  });
  if (!result.ok) throw new DomainError(result.errors[0]?.message ?? result.message);
  return result;
}

export async function discardCatalog(db: Db, op: OperatorCaller, id: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [row] = await tx
      .update(catalogUploads)
      .set({ status: "discarded", closedAt: sql`now()` })
      .where(and(eq(catalogUploads.id, id), eq(catalogUploads.status, "pending")))
      .returning({ id: catalogUploads.id, fileName: catalogUploads.fileName });
    if (!row) throw new DomainError("This catalog version is no longer pending.");
    await writeAudit(tx, { orgId: null, actor: op, action: "catalog.discard", detail: { uploadId: id } });
  });
}

export async function loadUpload(db: Db, id: number) {
  const [u] = await db.select().from(catalogUploads).where(eq(catalogUploads.id, id));
  return u ? { ...u, preview: u.preview as unknown as CatalogPreview } : null;
}

/** History: every catalog import (CLI or web), newest first, and the uploads awaiting a decision. */
export async function catalogHistory(db: Db) {
  const [versions, pending] = await Promise.all([
    db
      .select({
        id: imports.id,
        fileName: imports.fileName,
        rows: imports.rowCount,
        by: imports.importedBy,
        at: imports.at,
      })
      .from(imports)
      .where(and(isNull(imports.orgId), eq(imports.kind, "courses")))
      .orderBy(desc(imports.id))
      .limit(50),
    db
      .select({
        id: catalogUploads.id,
        fileName: catalogUploads.fileName,
        by: catalogUploads.uploadedByEmail,
        at: catalogUploads.uploadedAt,
      })
      .from(catalogUploads)
      .where(eq(catalogUploads.status, "pending"))
      .orderBy(desc(catalogUploads.id)),
  ]);
  return { versions, pending };
}
