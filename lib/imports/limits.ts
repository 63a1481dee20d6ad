// Concurrent web uploads, counted per organization and per server process (SPEC §9: one
// organization's uploads must not take the server from the others). A refused upload is
// answered 429 before its body is read; the slot is released when the import has finished.
import { env } from "@/lib/env";

export type ImportLimits = { perOrganization: number; perInstance: number };

export type ImportSlot = { ok: true; release: () => void } | { ok: false; message: string };

export class ImportGate {
  private readonly active = new Map<string, number>();
  private total = 0;

  constructor(private readonly limits: ImportLimits) {}

  tryEnter(orgId: string): ImportSlot {
    const mine = this.active.get(orgId) ?? 0;
    if (mine >= this.limits.perOrganization)
      return {
        ok: false,
        message: `Your organization already has ${mine} ${mine === 1 ? "import" : "imports"} in progress. Wait for ${mine === 1 ? "it" : "them"} to finish, then upload again. Nothing was imported.`,
      };
    if (this.total >= this.limits.perInstance)
      return {
        ok: false,
        message: "The server is busy with other imports. Try again in a minute. Nothing was imported.",
      };
    this.active.set(orgId, mine + 1);
    this.total++;
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.total--;
        const left = (this.active.get(orgId) ?? 1) - 1;
        if (left > 0) this.active.set(orgId, left);
        else this.active.delete(orgId);
      },
    };
  }
}

let gate: ImportGate | undefined;

/** The process's gate, sized from the environment (lib/env.ts). */
export function importGate(): ImportGate {
  const e = env();
  gate ??= new ImportGate({ perOrganization: e.IMPORTS_PER_ORGANIZATION, perInstance: e.IMPORTS_PER_INSTANCE });
  return gate;
}
