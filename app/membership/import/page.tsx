import type { Metadata } from "next";
import { Card, CardTitle, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { db } from "@/db/client";
import { requirePage } from "@/lib/auth/guard";
import { today } from "@/lib/clock";
import { formatCount, isImportKind, KIND_INFO } from "@/lib/imports/columns";
import { listRecentImports } from "@/lib/imports/history";
import { defaultDataThrough } from "@/lib/rules/time";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import data" };

// SPEC §6: upload CSV files (all or nothing) and see the organization's recent imports.
export default async function ImportPage() {
  const ctx = await requirePage("data:import");
  const recent = await listRecentImports(db(), ctx.orgId);
  return (
    <>
      <PageHeader
        title="Import data"
        description="Upload a CSV file (UTF-8, comma-separated, with a header row). Every row is checked first: one bad row rejects the whole file and nothing is imported. Importing the same rows again changes nothing."
      />
      <Card className="mb-6">
        <ImportForm defaultDataThrough={defaultDataThrough(today())} />
      </Card>
      <section aria-labelledby="recent-imports">
        <div className="mb-2">
          <CardTitle id="recent-imports">Recent imports</CardTitle>
        </div>
        {recent.length === 0 ? (
          <p className="text-sm text-neutral-600">No imports yet.</p>
        ) : (
          <Table head={["Kind", "File", "Rows", "Data through", "Imported by", "When (UTC)"]}>
            {recent.map((r) => (
              <tr key={r.id}>
                <Td>{isImportKind(r.kind) ? KIND_INFO[r.kind].label : r.kind}</Td>
                <Td className="break-all">{r.fileName}</Td>
                <Td className="tabular-nums">{formatCount(r.rowCount)}</Td>
                <Td>{r.dataThrough ?? "—"}</Td>
                <Td>{r.importedBy === "cli" ? "Operator (CLI)" : r.importedBy}</Td>
                <Td>
                  <time dateTime={r.at.toISOString()}>{r.at.toISOString().slice(0, 16).replace("T", " ")}</time>
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </>
  );
}
