import { db } from "@/db/client";
import { notifyNow } from "@/lib/notifications/run";
import { isValidIsoDate } from "@/lib/rules/time";
import { type Command, str, UsageError } from "./framework";

export const notifyCommands: Command[] = [
  {
    name: "notify",
    summary:
      "Send the notification mails due today (SPEC §12), once, and exit. For cron (e.g. every 15 minutes): re-runs and\n      parallel runs never send a mail twice. Without SMTP_URL the mails go to the in-app outbox.",
    usage: "notify [--today YYYY-MM-DD]",
    options: { today: { type: "string" } },
    async run({ values }, io) {
      const today = str(values, "today") || undefined;
      if (today !== undefined && !isValidIsoDate(today))
        throw new UsageError(`--today must be YYYY-MM-DD, got "${today}"`);
      const r = await notifyNow(db(), today);
      io.out(
        `Checked ${r.organizations} organization(s): ${r.events} new event(s); ${r.sent} mail(s) sent, ${r.outbox} kept in the in-app outbox, ${r.skipped} skipped, ${r.retrying} to retry, ${r.failed} failed.`,
      );
      if (r.errors) io.err(`${r.errors} organization(s) could not be checked; see the log. The next run retries them.`);
      return r.errors || r.failed ? 1 : 0;
    },
  },
];
