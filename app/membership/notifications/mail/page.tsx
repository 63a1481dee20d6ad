import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { StatusBadge, type Tone } from "@/components/ui/status-badge";
import { db } from "@/db/client";
import { listMailsForUser } from "@/db/queries/notifications";
import { requirePage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Your notification emails" };

const STATUS: Record<string, { label: string; tone: Tone }> = {
  sent: { label: "Emailed", tone: "success" },
  outbox: { label: "Kept here (no mail server configured)", tone: "info" },
  failed: { label: "Could not be emailed", tone: "danger" },
  pending: { label: "Retrying", tone: "warning" },
  sending: { label: "Sending", tone: "warning" },
};

// SPEC §12 in-app outbox: the signed-in user's own digests, so nothing is lost without SMTP.
export default async function NotificationMailPage() {
  const ctx = await requirePage("membership:view");
  const mails = await listMailsForUser(db(), ctx.orgId, ctx.userId);
  return (
    <>
      <PageHeader
        title="Your notification emails"
        description="Every digest addressed to you, newest first — whether it went out by email or was kept here."
      />
      <p className="mb-4 text-sm">
        <a href="/membership/notifications" className="font-semibold text-brand-700 hover:underline">
          Choose which notifications you get
        </a>
      </p>
      {mails.length === 0 ? (
        <p className="rounded-md border border-neutral-200 bg-white p-4 text-sm">No notification emails yet.</p>
      ) : (
        <ul className="space-y-3" aria-label="Notification emails">
          {mails.map((m) => {
            const s = STATUS[m.status] ?? { label: m.status, tone: "neutral" as Tone };
            return (
              <li key={m.id} className="rounded-md border border-neutral-200 bg-white p-4 shadow-sm">
                <article aria-labelledby={`mail-${m.id}`}>
                  <div className="flex flex-wrap items-center gap-2">
                    <StatusBadge label={s.label} tone={s.tone} />
                    <h2 id={`mail-${m.id}`} className="font-semibold">
                      {m.subject ?? `Digest of ${m.digestDate}`}
                    </h2>
                  </div>
                  <p className="mt-1 text-xs text-neutral-700">
                    {m.digestDate}
                    {m.to ? ` · to ${m.to}` : ""}
                    {m.status === "pending" || m.status === "failed"
                      ? ` · ${m.attempts} attempt(s)${m.status === "pending" ? `, next ${m.nextAttemptAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : ""}`
                      : ""}
                  </p>
                  {m.text ? (
                    <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-sm text-neutral-900">
                      {m.text}
                    </pre>
                  ) : null}
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
