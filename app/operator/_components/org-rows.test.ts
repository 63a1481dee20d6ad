import { expect, it } from "vitest";
import type { OrgListRow } from "@/db/queries/operator-orgs";
import { jsonProp, readJsonProp } from "@/lib/json-prop";
import { packOrgRow, unpackOrgRow } from "@/lib/operator/org-row-fields";
import { orgRowsHtml } from "./org-rows";

const row: OrgListRow = {
  id: "1",
  partnerId: "1234567",
  name: `<img src=x onerror="alert(1)">`,
  country: "US",
  verified: false,
  tsQualified: true,
  tsBadges: [],
  tsDataThrough: "2026-11-30",
  spAreasQualified: null,
  spDataThrough: null,
  dataThrough: "2026-11-30",
  lastImportAt: null,
  held: [],
  renewalDue: null,
  awaiting: 2,
};

it("renders one row of ten cells per organization, every value escaped", () => {
  const markup = orgRowsHtml([row, { ...row, id: "2", partnerId: "7654321" }]).__html;
  expect(markup.match(/<tr>/g)).toHaveLength(2);
  expect(markup.match(/<td[ >]/g)).toHaveLength(20);
  expect(markup).not.toContain("<img");
  expect(markup).toContain('href="/operator/organizations/1234567">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</a>');
  expect(markup).toContain('<span class="badge badge-warning">Unverified</span>');
  expect(markup).toContain('<span class="badge badge-warning">2 awaiting</span>');
  expect(markup).toContain("Qualified<span");
});

it("a row packed for the page and unpacked where it renders builds the same markup, and carries only shown fields", () => {
  const packed = readJsonProp(jsonProp([packOrgRow(row)]))[0]!; // as the page sends the rows
  expect(orgRowsHtml([unpackOrgRow(packed)]).__html).toBe(orgRowsHtml([row]).__html);
  expect(JSON.stringify(packed)).not.toContain("tsBadges");
  expect(Object.keys(unpackOrgRow(packed))).not.toContain("id");
});
