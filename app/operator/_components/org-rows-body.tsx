"use client";
import { TBODY_CLASS } from "@/components/ui/table";
import { type JsonProp, readJsonProp } from "@/lib/json-prop";
import { type PackedOrgRow, unpackOrgRow } from "@/lib/operator/org-row-fields";
import { orgRowsHtml } from "./org-rows";

/**
 * The list's `<tbody>`, built from the rows' data where it renders (on the server for the HTML, in the browser
 * when a client navigation brings new rows): the same escaped string both times (./org-rows.ts). The rows travel as
 * one JSON text (lib/json-prop.ts), as PostgreSQL built it (lib/operator/org-row-fields.ts).
 */
export function OrgRowsBody({ rows }: { rows: JsonProp<PackedOrgRow[]> }) {
  const markup = orgRowsHtml(readJsonProp(rows).map(unpackOrgRow));
  // biome-ignore lint/security/noDangerouslySetInnerHtml: orgRowsHtml escapes every value (lib/html.ts)
  return <tbody className={TBODY_CLASS} dangerouslySetInnerHTML={{ __html: markup.__html }} />;
}
