import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { db } from "@/db/client";
import { listAudit } from "@/db/queries/audit-log";
import { requirePage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Audit log" };

const ACTIONS: Record<string, string> = {
  "order.purchase": "Purchase",
  "order.renew": "Renewal",
  "order.payment_confirm": "Payment confirmed",
  "order.cancel": "Order cancelled",
  "order.expire": "Order expired (unpaid after 30 days)",
  "order.proof_upload": "Payment proof uploaded",
  "designation.lapse": "Designation lapsed",
  "designation.area_enroll": "Area enrolled at no charge",
  "billing_profile.create": "Billing profile created",
  "billing_profile.update": "Billing profile changed",
  import: "Import",
  "user.create": "User added",
  "user.create_refused": "User not added (email address unavailable)",
  "user.role_change": "Role changed",
  "user.disable": "User disabled",
  "org.create": "Organization created",
  "org.verify": "Account verified",
  "org.set_track": "Track set",
  "token.create": "API token created",
  "token.revoke": "API token revoked",
  "org.sign_in_settings": "Sign-in settings changed",
  "sso.link": "Single sign-on identity linked",
  "sso.unlink": "Single sign-on identity unlinked",
  "sso.refused": "Single sign-on refused",
  "sign_in.refused": "Password sign-in refused",
};

function details(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(
      ([k, v]) =>
        `${k}: ${Array.isArray(v) ? v.join(", ") : typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)}`,
    )
    .join(" · ");
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const ctx = await requirePage("audit:view");
  const before = Number((await searchParams).before);
  const { rows, nextBefore } = await listAudit(
    db(),
    ctx.orgId,
    Number.isSafeInteger(before) && before > 0 ? before : undefined,
  );
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who changed what in your organization, and when (UTC): purchases, renewals, payments, cancellations, expiries, imports, role changes and API tokens."
      />
      {rows.length === 0 ? (
        <p className="text-sm text-neutral-700">Nothing recorded yet.</p>
      ) : (
        <Table head={["When", "Who", "What", "Details"]}>
          {rows.map((r) => (
            <tr key={r.id}>
              <Td className="whitespace-nowrap">{r.at.toISOString().slice(0, 16).replace("T", " ")}</Td>
              <Td>{r.actor}</Td>
              <Td>{ACTIONS[r.action] ?? r.action}</Td>
              <Td className="max-w-md break-words text-xs text-neutral-700">{details(r.detail)}</Td>
            </tr>
          ))}
        </Table>
      )}
      {nextBefore ? (
        <p className="mt-4 text-sm">
          <a className="text-brand-700 underline" href={`/membership/audit?before=${nextBefore}`}>
            Older entries
          </a>
        </p>
      ) : null}
    </>
  );
}
