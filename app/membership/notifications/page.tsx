import type { Metadata } from "next";
import { Card, CardTitle, PageHeader } from "@/components/ui/card";
import { db } from "@/db/client";
import { requirePage } from "@/lib/auth/guard";
import { loadPreferences } from "@/lib/notifications/preferences";
import { CATEGORY_LABELS } from "@/lib/rules/notifications";
import { PreferencesForm } from "./preferences-form";

export const metadata: Metadata = { title: "Notifications" };

// SPEC §12: each user turns each kind of notification email off (their role decides which they get).
export default async function NotificationsPage() {
  const ctx = await requirePage("membership:view");
  const prefs = await loadPreferences(db(), ctx.userId, ctx.role);
  return (
    <>
      <PageHeader
        title="Notifications"
        description={`Emails about deadlines that matter for ${ctx.orgName}, at most one digest a day, sent to ${ctx.email}.`}
      />
      <Card>
        <CardTitle>Notification emails</CardTitle>
        <div className="mt-3">
          <PreferencesForm
            rows={prefs.map((p) => ({ category: p.category, enabled: p.enabled, ...CATEGORY_LABELS[p.category] }))}
          />
        </div>
      </Card>
      <p className="mt-4 text-sm">
        <a href="/membership/notifications/mail" className="font-semibold text-brand-700 hover:underline">
          Read the notification emails sent to you
        </a>
      </p>
    </>
  );
}
