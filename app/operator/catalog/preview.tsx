import { Card, CardTitle } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import type { CatalogPreview } from "@/lib/operator/catalog";
import type { TsSummary } from "@/lib/operator/status";
import { DecideForms } from "./catalog-forms";

const status = (s: TsSummary | null) =>
  s
    ? `${s.qualified ? "Qualified" : "Not qualified"}; badges: ${s.badges.length ? s.badges.join(", ") : "none"}`
    : "No data";

/** SPEC §10: what a pending version would change, before it is applied. */
export function PreviewCard({
  id,
  fileName,
  preview,
  pending,
}: {
  id: number;
  fileName: string;
  preview: CatalogPreview;
  pending: boolean;
}) {
  return (
    <Card className="mb-6" aria-labelledby="preview-title">
      <CardTitle id="preview-title">Preview of {fileName}</CardTitle>
      <p className="mt-1 text-sm" data-testid="catalog-preview-summary">
        {preview.rows} rows: {preview.added.length} courses added, {preview.changed.length} changed, {preview.unchanged}{" "}
        unchanged. {preview.orgs.length} organization{preview.orgs.length === 1 ? "" : "s"} would change Training
        Services status or badges.
      </p>
      {preview.added.length + preview.changed.length > 0 ? (
        <div className="mt-3">
          <Table head={["Course", "Change", "Title", "Area", "Category"]}>
            {[...preview.added, ...preview.changed].map((c) => (
              <tr key={c.code}>
                <Td>{c.code}</Td>
                <Td>{c.before ? "Changed" : "Added"}</Td>
                <Td>
                  {c.before && c.before.title !== c.after.title
                    ? `${c.before.title} → ${c.after.title}`
                    : c.after.title}
                </Td>
                <Td>
                  {c.before && c.before.solutionArea !== c.after.solutionArea
                    ? `${c.before.solutionArea || "none"} → ${c.after.solutionArea || "none"}`
                    : c.after.solutionArea || "none"}
                </Td>
                <Td>
                  {c.before && c.before.category !== c.after.category
                    ? `${c.before.category} → ${c.after.category}`
                    : c.after.category}
                </Td>
              </tr>
            ))}
          </Table>
        </div>
      ) : null}
      {preview.orgs.length ? (
        <div className="mt-3">
          <Table head={["Organization", "Now", "After this version"]}>
            {preview.orgs.map((o) => (
              <tr key={o.orgId}>
                <Td>
                  {o.name} ({o.partnerId})
                </Td>
                <Td>{status(o.before)}</Td>
                <Td>{status(o.after)}</Td>
              </tr>
            ))}
          </Table>
        </div>
      ) : null}
      {pending ? (
        <div className="mt-4">
          <DecideForms uploadId={id} />
        </div>
      ) : null}
    </Card>
  );
}
