import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { orgTracks } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { bumpDataVersion } from "@/db/writes/data-version";
import { writeAudit } from "@/lib/audit";
import type { Caller } from "@/lib/auth/caller";
import { refreshOrgStatus } from "@/lib/operator/status";
import { orgIdByPartnerId } from "@/lib/users/verbs";

// SPEC §4.2: Microsoft's Business Applications track assignment, recorded by an operator, wins
// over the computed one. Only assigned-track areas take a recorded track.
export const setTrackInput = z.object({
  partnerId: z.string().min(1, "--org is required"),
  area: z.enum(["business-applications"], { message: "--area must be business-applications" }),
  track: z.enum(["enterprise", "smb"], { message: "--track must be enterprise or smb" }),
});

export async function setTrack(db: Db, actor: Caller, input: z.infer<typeof setTrackInput>, at: Date): Promise<void> {
  const orgId = await orgIdByPartnerId(db, input.partnerId);
  const changed = await inTransaction(db, async (tx) => {
    // Idempotent: recording the track already recorded changes nothing (no second audit row).
    const [changed] = await tx
      .insert(orgTracks)
      .values({ orgId, solutionArea: input.area, track: input.track, setAt: at })
      .onConflictDoUpdate({
        target: [orgTracks.orgId, orgTracks.solutionArea],
        set: { track: input.track, setAt: at },
        setWhere: sql`${orgTracks.track} <> excluded.track`,
      })
      .returning({ orgId: orgTracks.orgId });
    if (!changed) return false;
    await writeAudit(tx, { orgId, actor, action: "org.set_track", detail: { area: input.area, track: input.track } });
    await bumpDataVersion(tx, orgId);
    return true;
  });
  // The operator list's summary is derived data: refreshed after the commit, from the same evaluation.
  if (changed) await refreshOrgStatus(db, orgId, at.toISOString().slice(0, 10));
}
