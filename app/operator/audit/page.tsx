import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { db } from "@/db/client";
import { auditKinds, auditQuery, listAuditAcrossOrgs } from "@/db/queries/operator-audit";
import { requireOperatorPage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Audit log · Operator" };

const INPUT = "mt-1 block rounded border border-neutral-300 px-2 py-1 text-sm";

function detailText(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)}`)
    .join(" · ");
}

export default async function OperatorAuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireOperatorPage();
  const q = auditQuery.parse(await searchParams);
  const [{ rows, nextBefore }, kinds] = await Promise.all([listAuditAcrossOrgs(db(), q), auditKinds(db())]);
  const older = new URLSearchParams(
    Object.entries({ ...q, before: String(nextBefore ?? "") }).filter(([, v]) => v) as [string, string][],
  );
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every audited change and operator view, across organizations, newest first (times in UTC)."
      />
      <form method="get" action="/operator/audit" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        <label>
          Organization (partner ID)
          <input name="org" defaultValue={q.org} className={INPUT} />
        </label>
        <label>
          Actor (email or cli)
          <input name="actor" defaultValue={q.actor} className={INPUT} />
        </label>
        <label>
          Kind
          <select name="kind" defaultValue={q.kind} className={INPUT}>
            <option value="">Any</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input name="from" type="date" defaultValue={q.from} className={INPUT} />
        </label>
        <label>
          To
          <input name="to" type="date" defaultValue={q.to} className={INPUT} />
        </label>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white">
          Filter
        </button>
      </form>
      {rows.length === 0 ? (
        <p className="text-sm text-neutral-700">Nothing recorded matches.</p>
      ) : (
        <Table head={["When", "Organization", "Who", "What", "Details"]}>
          {rows.map((r) => (
            <tr key={r.id}>
              <Td className="whitespace-nowrap">{r.at.toISOString().slice(0, 16).replace("T", " ")}</Td>
              <Td>{r.partnerId ? `${r.orgName} (${r.partnerId})` : "—"}</Td>
              <Td>{r.actor}</Td>
              <Td>{r.action}</Td>
              <Td className="max-w-md break-words text-xs text-neutral-700">{detailText(r.detail)}</Td>
            </tr>
          ))}
        </Table>
      )}
      {nextBefore ? (
        <p className="mt-4 text-sm">
          <a className="text-brand-700 underline" href={`/operator/audit?${older}`}>
            Older entries
          </a>
        </p>
      ) : null}
    </>
  );
}
