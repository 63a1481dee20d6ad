import type { Metadata } from "next";
import { Card, CardTitle, PageHeader } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { Pager } from "@/components/ui/pager";
import { Table } from "@/components/ui/table";
import { db } from "@/db/client";
import {
  DEFAULT_ORG_PAGE_SIZE,
  listOrganizations,
  ORG_FILTERS,
  ORG_PAGE_SIZES,
  ORG_SORTS,
  type OrgListQuery,
  type OrgSort,
  orgListQuery,
} from "@/db/queries/operator-orgs";
import { requireOperatorPage } from "@/lib/auth/guard";
import { today } from "@/lib/clock";
import { CreateOrgForm } from "./_components/org-forms";
import { OrgRowsBody } from "./_components/org-rows-body";

export const metadata: Metadata = { title: "Organizations · Operator" };

type Search = Record<string, string | string[] | undefined>;

/** The list's address with some of its parameters changed (search, filters and sort are kept). */
function href(q: OrgListQuery, change: Partial<OrgListQuery>, base = "/operator"): string {
  const next = { ...q, ...change };
  const p = new URLSearchParams();
  if (next.q) p.set("q", next.q);
  for (const f of next.filter) p.append("filter", f);
  if (next.sort !== "name") p.set("sort", next.sort);
  if (next.dir !== "asc") p.set("dir", next.dir);
  if (next.size !== DEFAULT_ORG_PAGE_SIZE) p.set("size", String(next.size));
  if (next.page > 1) p.set("page", String(next.page));
  const s = p.toString();
  return s ? `${base}?${s}` : base;
}

function SortHeader({ q, sort }: { q: OrgListQuery; sort: OrgSort }) {
  const active = q.sort === sort;
  const dir = active && q.dir === "asc" ? "desc" : "asc";
  return (
    <a
      href={href(q, { sort, dir, page: 1 })}
      className="underline decoration-dotted"
      aria-label={`Sort by ${ORG_SORTS[sort]}${active ? (q.dir === "asc" ? ", descending" : ", ascending") : ""}`}
    >
      {ORG_SORTS[sort]}
      {active ? (q.dir === "asc" ? " ▲" : " ▼") : ""}
    </a>
  );
}

export default async function OrganizationsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireOperatorPage();
  const q = orgListQuery.parse(await searchParams);
  const day = today();
  const { rows, total, pages } = await listOrganizations(db(), q, day);
  return (
    <>
      <PageHeader
        title="Organizations"
        description={
          "Every partner organization on this instance: its programs, designations, payments and data. " +
          "Program figures are those of each organization's last import."
        }
      />
      <form
        method="get"
        action="/operator"
        className="mb-4 flex flex-wrap items-end gap-4"
        aria-label="Search and filter organizations"
      >
        <div>
          <label htmlFor="org-search" className="block text-sm font-medium">
            Search by name or partner ID
          </label>
          <input
            id="org-search"
            name="q"
            type="search"
            defaultValue={q.q}
            className="mt-1 rounded border border-neutral-300 px-2 py-1 text-sm"
          />
        </div>
        <fieldset className="flex flex-wrap gap-3 text-sm">
          <legend className="sr-only">Filters</legend>
          {Object.entries(ORG_FILTERS).map(([key, label]) => (
            <label key={key} className="flex items-center gap-1">
              <input type="checkbox" name="filter" value={key} defaultChecked={q.filter.includes(key as never)} />
              {label}
            </label>
          ))}
        </fieldset>
        <SelectField
          id="org-page-size"
          name="size"
          label="Rows per page"
          defaultValue={String(q.size)}
          options={ORG_PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }))}
        />
        {q.sort !== "name" ? <input type="hidden" name="sort" value={q.sort} /> : null}
        {q.dir !== "asc" ? <input type="hidden" name="dir" value={q.dir} /> : null}
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white">
          Apply
        </button>
        <a
          className="text-sm text-brand-700 underline"
          href={href(q, { page: 1, size: DEFAULT_ORG_PAGE_SIZE }, "/operator/organizations/export")}
        >
          Download CSV of these {total} organizations
        </a>
      </form>
      <p className="mb-2 text-sm text-neutral-700" role="status">
        {total} organization{total === 1 ? "" : "s"}
        {pages > 1 ? ` · page ${q.page} of ${pages}` : ""}
      </p>
      <Table
        head={[
          <SortHeader key="p" q={q} sort="partner-id" />,
          <SortHeader key="n" q={q} sort="name" />,
          <SortHeader key="c" q={q} sort="country" />,
          "Verified",
          "Training Services",
          "Solutions Partner",
          "Designations held",
          <SortHeader key="r" q={q} sort="renewal-due" />,
          <SortHeader key="a" q={q} sort="awaiting" />,
          <SortHeader key="l" q={q} sort="last-import" />,
        ]}
        body={<OrgRowsBody rows={rows} />}
      />
      <Pager page={q.page} pages={pages} href={(page) => href(q, { page })} />
      <Card className="mt-6">
        <CardTitle>Create an organization</CardTitle>
        <CreateOrgForm />
      </Card>
    </>
  );
}
