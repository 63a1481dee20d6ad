// Who may import what (SPEC §6): the shared course catalog belongs to the operator of the
// instance. An organization's user is refused whatever their role; the CLI (and, later, the
// operator's own web path) may import it. Checked by the import verb itself, so that the web
// upload, the CLI and any future caller share the one rule.
import type { Caller } from "@/lib/auth/caller";
import { ForbiddenError } from "@/lib/errors";
import { CATALOG_REFUSAL, type ImportKind, KIND_INFO } from "./columns";

export function assertMayImport(actor: Caller, kind: ImportKind): void {
  if (KIND_INFO[kind].shared && actor.kind === "user") throw new ForbiddenError(CATALOG_REFUSAL);
}
