import { db } from "@/db/client";
import { today } from "@/lib/clock";
import { runMaintenance } from "@/lib/offers/maintenance";
import { confirmPayment } from "@/lib/offers/payments";
import { formatMoney } from "@/lib/rules/offers";
import { OFFERS } from "@/lib/rules/offers-catalog";
import type { Command } from "./framework";

const CLI = { kind: "cli" } as const;

export const offersCommands: Command[] = [
  {
    name: "orders confirm-payment",
    summary: "Record a received wire transfer: the order becomes Active",
    usage: "orders confirm-payment ORDER_NUMBER",
    positionals: 1,
    async run({ positionals }, io) {
      const { order, enrolled, already } = await confirmPayment(db(), CLI, { orderNumber: positionals[0] }, today());
      if (already) {
        io.out(`Order ${order.number} was already active (paid on ${order.paidOn}). Nothing changed.`);
        return 0;
      }
      io.out(
        `Order ${order.number} is active: ${OFFERS[order.offer].title}, ${formatMoney(order.amountMinor, order.currency)}, held until ${order.termEnd}.`,
      );
      if (enrolled.length) io.out(`Enrolled solution areas: ${enrolled.join(", ")}.`);
      return 0;
    },
  },
  {
    name: "maintenance",
    summary: "Expire unpaid orders, lapse unrenewed designations, enroll newly eligible areas",
    usage: "maintenance",
    async run(_args, io) {
      const r = await runMaintenance(db(), today());
      io.out(
        `Checked ${r.organizations} organization(s): ${r.expired.length} order(s) expired, ${r.lapsed.length} designation(s) lapsed, ${r.enrolled.length} area(s) enrolled at no charge.`,
      );
      for (const n of r.expired) io.out(`  expired ${n}`);
      return 0;
    },
  },
];
