import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { notificationState, spSnapshots } from "@/db/schema";
import { importSolutionsPartnerDemo } from "@/db/seed";
import { bumpDataVersion } from "@/db/writes/data-version";
import { runNotify } from "@/lib/notifications/notify";
import { makeOrg } from "../offers/helpers";
import { useTestDatabase } from "../test-db";
import { options } from "./helpers";

// SPEC §12 with §4.4: what a notify run does with an organization whose stored Solutions Partner
// inputs (sp_snapshots) are not usable. The e2e server seeds one on purpose (e2e/seed-programs.ts,
// e2e-page-error: every stored value replaced by a string) and its in-process notifier logged
// `"segment-mix:data-ai" is missing` for it — a key that was there. A stored row that lacks a key
// is recomputed from the line items; one whose values are unreadable fails that organization only,
// and the log names the fault as it is.
useTestDatabase();
const TODAY = "2026-11-15";

async function notifyLogged() {
  const errors: Record<string, unknown>[] = [];
  const result = await runNotify(db(), {
    ...options(TODAY, null),
    log: (level, _message, fields) => {
      if (level === "error") errors.push(fields ?? {});
    },
  });
  return { result, errors };
}

const qualificationKeys = async (orgId: string) =>
  (
    await db()
      .select({ key: notificationState.key })
      .from(notificationState)
      .where(and(eq(notificationState.orgId, orgId), sql`${notificationState.key} like 'qualification:%'`))
  ).length;

describe("notify and the stored Solutions Partner inputs", () => {
  it("recomputes a row without a key; reports unreadable values as unreadable, not missing", async () => {
    const lacking = await makeOrg("n-sp-lacking");
    const broken = await makeOrg("n-sp-broken");
    await importSolutionsPartnerDemo(lacking.id, "mw-smb", TODAY, "NSPL");
    await importSolutionsPartnerDemo(broken.id, "mw-smb", TODAY, "NSPB");
    // The first input the engine reads (Data & AI's track: SPEC §4.2) taken out of one row...
    await db()
      .update(spSnapshots)
      .set({ inputs: sql`${spSnapshots.inputs} - 'segment-mix:data-ai'` })
      .where(eq(spSnapshots.orgId, lacking.id));
    await bumpDataVersion(db(), lacking.id);
    // ...and the e2e seed's fault in the other: every value a string, every key kept.
    await db()
      .update(spSnapshots)
      .set({
        inputs: sql`(select jsonb_object_agg(k, '"unreadable"'::jsonb) from jsonb_object_keys(${spSnapshots.inputs}) k)`,
      })
      .where(eq(spSnapshots.orgId, broken.id));
    await bumpDataVersion(db(), broken.id);

    const { result, errors } = await notifyLogged();
    expect(result.errors).toBe(1);
    expect(errors).toEqual([
      {
        orgId: broken.id,
        error: 'Solutions Partner input "segment-mix:data-ai" is not a segment-mix value (found a string)',
      },
    ]);
    expect(await qualificationKeys(lacking.id)).toBe(6); // every area evaluated: the row was refilled
    expect(await qualificationKeys(broken.id)).toBe(0);
    const [row] = await db().select().from(spSnapshots).where(eq(spSnapshots.orgId, lacking.id));
    expect(row!.inputs).toHaveProperty(["segment-mix:data-ai"]);
  });
});
