// SPEC §7: `import KIND FILE --org ID [--data-through YYYY-MM-DD]` — the same all-or-nothing
// import as the web upload, streamed from the file. Exit 0 with the counts; 1 with the errors.
import fs from "node:fs";
import { db } from "@/db/client";
import { today } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { afterImport } from "@/lib/imports/after-import";
import { formatCount, IMPORT_KINDS, isImportKind } from "@/lib/imports/columns";
import { ROW_NUMBERING } from "@/lib/imports/errors";
import { importCsv } from "@/lib/imports/pipeline";
import { isValidIsoDate } from "@/lib/rules/time";
import { orgIdByPartnerId } from "@/lib/users/verbs";
import { type Command, str, UsageError } from "./framework";

export const importCommands: Command[] = [
  {
    name: "import",
    summary: `Import a CSV file (all or nothing). KIND: ${IMPORT_KINDS.join(", ")}. The shared course catalog (courses) takes no --org; every other kind needs it`,
    usage: "import KIND FILE [--org ID] [--data-through YYYY-MM-DD]",
    positionals: 2,
    options: { org: { type: "string" }, "data-through": { type: "string" } },
    async run({ values, positionals }, io) {
      const [kind, file] = positionals as [string, string];
      if (!isImportKind(kind))
        throw new UsageError(`unknown KIND "${kind}" (expected one of ${IMPORT_KINDS.join(", ")})`);
      const partnerId = str(values, "org");
      if (kind === "courses" && partnerId)
        throw new UsageError("the course catalog is shared by all organizations: import courses without --org");
      if (kind !== "courses" && !partnerId) throw new UsageError(`--org is required for ${kind}`);
      const dataThrough = str(values, "data-through") || undefined;
      if (dataThrough !== undefined && !isValidIsoDate(dataThrough))
        throw new UsageError(`--data-through must be a date YYYY-MM-DD, got "${dataThrough}"`);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (!stat?.isFile()) throw new DomainError(`Cannot read ${file}: no such file`);
      const orgId = kind === "courses" ? null : await orgIdByPartnerId(db(), partnerId);

      const result = await importCsv({
        kind,
        orgId,
        actor: { kind: "cli" },
        fileName: file,
        input: fs.createReadStream(file, { highWaterMark: 256 * 1024 }),
        dataThrough,
        today: today(),
        afterImport,
      });
      if (result.ok) {
        const where = kind === "courses" ? "the shared course catalog" : `organization ${partnerId}`;
        io.out(`${kind} for ${where}: ${result.message}`);
        io.out(
          `${formatCount(result.inserted)} new, ${formatCount(result.updated)} changed, ${formatCount(result.unchanged)} unchanged.`,
        );
        return 0;
      }
      for (const e of result.errors)
        io.err(`${e.row > 0 ? `Row ${e.row}` : "File"}${e.column ? `, column ${e.column}` : ""}: ${e.message}`);
      const more = result.errorCount - result.errors.length;
      if (more > 0) io.err(`… and ${formatCount(more)} more.`);
      io.err(
        `${formatCount(result.errorCount)} ${result.errorCount === 1 ? "error" : "errors"}. ${result.message} ${ROW_NUMBERING}`,
      );
      return 1;
    },
  },
];
