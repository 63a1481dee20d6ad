import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, Td } from "@/components/ui/table";
import { db } from "@/db/client";
import { listAllOutboxMails } from "@/db/queries/notifications";
import { requireOperatorPage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Mail outbox · Operator" };

const TONE: Record<string, "success" | "warning" | "neutral"> = { sent: "success", failed: "warning" };
const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "—");

// SPEC §10, §12: every organization's notification mails, newest first, so that an operator sees
// what went out, what waits for a retry and why a delivery failed. Read-only; the unsubscribe
// links inside the mails' text are not shown here.
export default async function OperatorOutbox() {
  await requireOperatorPage();
  const mails = await listAllOutboxMails(db(), { limit: 200 });
  return (
    <>
      <PageHeader
        title="Mail outbox"
        description="Notification mails of every organization (SPEC §12), newest first: sent, waiting, retried or failed. Without SMTP_URL they stay here and in each recipient's own mail page."
      />
      <Table caption="Notification mails" head={["Day", "Organization", "To", "Subject", "Status", "Attempts", "Sent"]}>
        {mails.length === 0 ? (
          <tr>
            <Td className="text-neutral-600">No mail yet.</Td>
          </tr>
        ) : null}
        {mails.map((m) => (
          <tr key={m.id}>
            <Td>{m.digestDate}</Td>
            <Td>
              <a className="underline" href={`/operator/organizations/${encodeURIComponent(m.partnerId)}`}>
                {m.orgName}
              </a>
            </Td>
            <Td>{m.to ?? m.userEmail}</Td>
            <Td>{m.subject ?? "(being written)"}</Td>
            <Td>
              <StatusBadge label={m.status} tone={TONE[m.status] ?? "neutral"} />
              {m.lastError ? <span className="ml-2 text-xs text-red-700">{m.lastError}</span> : null}
            </Td>
            <Td>{m.attempts}</Td>
            <Td>{when(m.deliveredAt)}</Td>
          </tr>
        ))}
      </Table>
    </>
  );
}
