import type { Metadata } from "next";
import { connection } from "next/server";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { env } from "@/lib/env";
import { verifyUnsubscribe } from "@/lib/notifications/token";
import { CATEGORY_LABELS, isCategory } from "@/lib/rules/notifications";

export const metadata: Metadata = { title: "Unsubscribe" };

// SPEC §12: where a notification email's unsubscribe link lands. No session needed: the signed
// token names the user and the kinds of mail; the button posts it (RFC 8058's one-click address).
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const q = await searchParams;
  const done = typeof q.done === "string" ? q.done.split(",").filter(isCategory) : null;
  const token = typeof q.token === "string" ? q.token : "";
  const secret = env().AUTH_SECRET;
  const grant = !done && secret ? verifyUnsubscribe(secret, token) : null;
  const labels = (done ?? grant?.categories ?? []).map((c) => CATEGORY_LABELS[c].label);
  return (
    <main className="mx-auto max-w-xl px-4 py-10">
      <PageHeader title="Notification emails" />
      <Card>
        {done ? (
          <p role="status" className="text-sm">
            Done. You will no longer get these emails: {labels.join(", ")}.
          </p>
        ) : grant ? (
          <form
            method="post"
            action={`/api/notifications/unsubscribe?from=page&token=${encodeURIComponent(token)}`}
            className="space-y-3"
          >
            <p className="text-sm">Stop these notification emails: {labels.join(", ")}?</p>
            <Button type="submit">Turn off these emails</Button>
          </form>
        ) : (
          <p role="alert" className="text-sm">
            This unsubscribe link is not valid (it was changed or cut). Sign in to choose your emails.
          </p>
        )}
        <p className="mt-4 text-sm">
          <a href="/membership/notifications" className="font-semibold text-brand-700 hover:underline">
            Choose which notifications you get
          </a>{" "}
          (after signing in).
        </p>
      </Card>
    </main>
  );
}
