import { db } from "@/db/client";
import { designations, orders } from "@/db/schema";
import { type Mailer, smtpMailer } from "@/lib/notifications/mailer";
import { type NotifyOptions, runNotify } from "@/lib/notifications/notify";
import { addDays, addYears } from "@/lib/rules/time";

export const SECRET = "test-secret-test-secret-test-secret-0123";
export const APP = "https://pmc.example";

export function options(today: string, mailer: Mailer | null, now = new Date(`${today}T06:00:00Z`)): NotifyOptions {
  return { today, now, mailer, from: "PMC <pmc@pmc.example>", appUrl: APP, secret: SECRET };
}

export const notify = (today: string, mailer: Mailer | null, now?: Date) =>
  runNotify(db(), options(today, mailer, now));
export const smtp = (url: string) => smtpMailer(url);

/** A held designation whose anniversary is given. */
export async function holdDesignation(
  orgId: string,
  anniversary: string,
  offer: "solutions-partner" | "training-services" = "solutions-partner",
) {
  await db()
    .insert(designations)
    .values({ orgId, offer, status: "active", anniversary, heldSince: addYears(anniversary, -1) });
}

/** A wire-transfer order placed on `placedOn`, payable for 30 days (SPEC §5). */
export async function wireOrder(orgId: string, number: string, placedOn: string) {
  await db()
    .insert(orders)
    .values({
      number,
      orgId,
      offer: "training-services",
      kind: "purchase",
      termStart: placedOn,
      termEnd: addYears(placedOn, 1),
      amountMinor: 487500,
      currency: "USD",
      method: "wire_transfer",
      status: "awaiting_payment",
      idempotencyKey: `key-${number}`,
      bankReference: `RF00${number}`,
      billTo: {},
      placedBy: "account@x.example",
      placedOn,
      expiresOn: addDays(placedOn, 30),
    });
}

export function* days(from: string, to: string) {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d;
}
