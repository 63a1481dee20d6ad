// Failed sign-ins per client address (SPEC §9: sign-in is rate limited), beside the per-account
// attempts in core.ts: held in the database so the limit holds across restarts and app servers.
import { bigserial, index, pgTable, text } from "drizzle-orm/pg-core";
import { ts } from "./core";

export const signInAddressFailures = pgTable(
  "sign_in_address_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    address: text("address").notNull(),
    at: ts("at").notNull().defaultNow(),
  },
  (t) => [index("sign_in_address_failures_address_at_idx").on(t.address, t.at)],
);
