"use client";
import { TBODY_CLASS } from "@/components/ui/table";
import { type OrgRowView, orgRowsHtml } from "./org-rows";

/**
 * The list's `<tbody>`, built from the rows' data where it renders (on the server for the HTML, in the browser
 * when a client navigation brings new rows): the same escaped string both times (./org-rows.ts).
 */
export function OrgRowsBody({ rows }: { rows: OrgRowView[] }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: orgRowsHtml escapes every value (lib/html.ts)
  return <tbody className={TBODY_CLASS} dangerouslySetInnerHTML={{ __html: orgRowsHtml(rows).__html }} />;
}
