import { db } from "@/db/client";
import { listOrganizationsForExport, orgListQuery } from "@/db/queries/operator-orgs";
import { today } from "@/lib/clock";
import { csvResponse } from "@/lib/csv";
import { operatorRoute } from "@/lib/http";

const HEADER = [
  "partner_id",
  "name",
  "country",
  "verified",
  "training_services_qualified",
  "training_services_data_through",
  "solutions_partner_areas_qualified",
  "solutions_partner_data_through",
  "designations_held",
  "renewal_due",
  "orders_awaiting_payment",
  "last_import_utc",
];

// SPEC §10: the CSV of what the list's search and filters select (csvResponse applies SPEC §6's escaping).
export const GET = operatorRoute(async (_op, request) => {
  const url = new URL(request.url);
  const q = orgListQuery.parse({
    q: url.searchParams.get("q") ?? undefined,
    filter: url.searchParams.getAll("filter"),
    sort: url.searchParams.get("sort") ?? undefined,
    dir: url.searchParams.get("dir") ?? undefined,
  });
  const day = today();
  const rows = await listOrganizationsForExport(db(), q, day);
  const lines = rows.map((o) => [
    o.partnerId,
    o.name,
    o.country,
    o.verified ? "yes" : "no",
    o.tsQualified === null ? "" : o.tsQualified ? "yes" : "no",
    o.tsDataThrough,
    o.spAreasQualified,
    o.spDataThrough,
    o.held.map((h) => `${h.offer} until ${h.anniversary}`).join("; "),
    o.renewalDue,
    o.awaiting,
    o.lastImportAt,
  ]);
  return csvResponse(
    `organizations-${day}.csv`,
    HEADER,
    (async function* () {
      yield lines;
    })(),
  );
});
