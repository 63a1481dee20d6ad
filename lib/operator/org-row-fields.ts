// The Organizations list's rows as the page sends them (SPEC §10): the fields a row shows, in a fixed order, each
// row one JSON array. PostgreSQL builds the arrays (db/queries/operator-orgs.ts) and the list's body reads them
// (app/operator/_components/org-rows-body.tsx), so the page's rows are one JSON text from the database to the
// browser: no driver parses fifteen columns per row, no page packs them, and React's payload walks one string.
// Pure and client-safe.
import type { OrgListRow } from "@/db/queries/operator-orgs";

/** What a row shows: the fields of `OrgListRow` the list displays, and nothing else, in the order they travel. */
export const SHOWN_ORG_FIELDS = [
  "partnerId",
  "name",
  "country",
  "verified",
  "tsQualified",
  "tsDataThrough",
  "spAreasQualified",
  "held",
  "renewalDue",
  "awaiting",
  "lastImportAt",
] as const satisfies readonly (keyof OrgListRow)[];
type Field = (typeof SHOWN_ORG_FIELDS)[number];
export type OrgRowView = Pick<OrgListRow, Field>;

/** A row as its values in `SHOWN_ORG_FIELDS` order: the payload names each field once in this file, not per row. */
export type PackedOrgRow = {
  -readonly [I in keyof typeof SHOWN_ORG_FIELDS]: (typeof SHOWN_ORG_FIELDS)[I] extends Field
    ? OrgListRow[(typeof SHOWN_ORG_FIELDS)[I]]
    : never;
};

/** A row packed in TypeScript: the reference the SQL packing is tested against (tests/operator/verbs.int.test.ts). */
export function packOrgRow(o: OrgListRow): PackedOrgRow {
  return SHOWN_ORG_FIELDS.map((f) => o[f]) as unknown as PackedOrgRow;
}

export function unpackOrgRow(values: PackedOrgRow): OrgRowView {
  return Object.fromEntries(SHOWN_ORG_FIELDS.map((f, i) => [f, values[i]])) as OrgRowView;
}
