// The outermost layer of notifications: reads the clock and the configuration, then runs the core
// (lib/notifications/notify.ts). Used by `npm run cli -- notify` and the in-process schedule.
import type { Db } from "@/db/client";
import { now as clockNow, today as clockToday } from "@/lib/clock";
import { appUrl, env } from "@/lib/env";
import { log } from "@/lib/log";
import { type Mailer, smtpMailer } from "./mailer";
import { type NotifyResult, runNotify } from "./notify";

let mailer: { url: string; mailer: Mailer } | undefined;

function configuredMailer(url: string | undefined): Mailer | null {
  if (!url) return null;
  if (mailer?.url !== url) mailer = { url, mailer: smtpMailer(url) };
  return mailer.mailer;
}

/** Sends what is due on `today` (default: the app's today), once. */
export async function notifyNow(db: Db, today?: string): Promise<NotifyResult> {
  const e = env();
  return runNotify(db, {
    today: today ?? clockToday(),
    now: clockNow(),
    mailer: configuredMailer(e.SMTP_URL),
    from: e.MAIL_FROM,
    appUrl: appUrl(e),
    secret: e.AUTH_SECRET ?? null,
    log,
  });
}

const g = globalThis as unknown as { __pmcNotifier?: ReturnType<typeof setInterval> };

/**
 * App servers run notify on a timer (SPEC §12). Several instances may: the unique keys and
 * SKIP LOCKED make them agree. A run still going when the next is due is not doubled up.
 */
export function startNotifier(db: () => Db): void {
  const minutes = env().NOTIFY_INTERVAL_MINUTES;
  if (minutes === 0 || g.__pmcNotifier) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const r = await notifyNow(db());
      if (r.events || r.sent || r.outbox || r.retrying || r.failed || r.errors) log("info", "notify run", r);
    } catch (error) {
      log("error", "notify run failed", { error: (error as Error).message });
    } finally {
      running = false;
    }
  };
  g.__pmcNotifier = setInterval(() => void tick(), minutes * 60_000);
  g.__pmcNotifier.unref();
  setTimeout(() => void tick(), 5_000).unref(); // once soon after start, then on the interval
}
