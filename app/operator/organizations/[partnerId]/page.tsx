import { eq } from "drizzle-orm";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrderStatusBadge } from "@/components/membership/offer-status";
import { Card, CardTitle, PageHeader } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, Td } from "@/components/ui/table";
import { db } from "@/db/client";
import { orgTracks } from "@/db/schema";
import { requireOperatorPage } from "@/lib/auth/guard";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { now, today } from "@/lib/clock";
import { NotFoundError } from "@/lib/errors";
import { listRecentImports } from "@/lib/imports/history";
import { listOrders, offerTitle } from "@/lib/offers/state";
import { auditOperatorView, orgByPartnerId } from "@/lib/operator/views";
import { formatMoney } from "@/lib/rules/offers";
import { PAYMENT_METHOD_LABELS } from "@/lib/rules/offers-catalog";
import { listUsers } from "@/lib/users/verbs";
import { AddUserForm, DisableForm, RoleForm } from "../../../membership/users/user-forms";
import { TrackForm, VerifyOrgForm } from "../../_components/org-forms";
import { operatorAddUserAction, operatorChangeRoleAction, operatorDisableUserAction } from "../../user-actions";
import { SolutionsPartnerReadOnly, TrainingServicesReadOnly } from "./programs";
import { OrgSignInCard } from "./sign-in-card";
import { OrgTokensCard } from "./tokens-card";

export const metadata: Metadata = { title: "Organization · Operator" };

export default async function OrganizationDetail({ params }: { params: Promise<{ partnerId: string }> }) {
  const op = await requireOperatorPage();
  const { partnerId } = await params;
  const org = await orgByPartnerId(db(), decodeURIComponent(partnerId)).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  await auditOperatorView(db(), op, org.id, "organization");
  const day = today();
  const [users, imports, orders, [track]] = await Promise.all([
    listUsers(db(), org.id),
    listRecentImports(db(), org.id, 20),
    listOrders(db(), org.id, day),
    db().select({ track: orgTracks.track }).from(orgTracks).where(eq(orgTracks.orgId, org.id)),
  ]);
  return (
    <>
      <PageHeader title={org.name} description={`Partner ID ${org.partnerId} · ${org.country}`} />
      <Card className="mb-6" aria-labelledby="account-title">
        <CardTitle id="account-title">Account</CardTitle>
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
          {org.verified ? (
            <StatusBadge label="Verified" tone="success" />
          ) : (
            <>
              <StatusBadge label="Unverified" tone="warning" />
              <VerifyOrgForm partnerId={org.partnerId} name={org.name} />
            </>
          )}
        </div>
        <div className="mt-4">
          <TrackForm partnerId={org.partnerId} track={track?.track ?? null} />
          <p className="mt-1 text-xs text-neutral-600">
            {track
              ? `Recorded: ${track.track === "smb" ? "SMB" : "Enterprise"}.`
              : "No track recorded: the better of the two counts."}
          </p>
        </div>
      </Card>
      <TrainingServicesReadOnly db={db()} orgId={org.id} day={day} />
      <SolutionsPartnerReadOnly db={db()} orgId={org.id} day={day} />
      <OrgTokensCard db={db()} orgId={org.id} partnerId={org.partnerId} now={now()} />
      <OrgSignInCard db={db()} orgId={org.id} partnerId={org.partnerId} />
      <Card className="mb-6" aria-labelledby="users-title">
        <CardTitle id="users-title">Users</CardTitle>
        <Table head={["Name", "Email", "Role", "Status", "Actions"]}>
          {users.map((u) => (
            <tr key={u.id}>
              <Td>{u.name}</Td>
              <Td>{u.email}</Td>
              <Td>
                {u.disabledAt ? (
                  ROLE_LABELS[u.role]
                ) : (
                  <RoleForm
                    userId={u.id}
                    role={u.role}
                    name={u.name}
                    act={operatorChangeRoleAction}
                    partnerId={org.partnerId}
                  />
                )}
              </Td>
              <Td>
                {u.disabledAt ? (
                  <StatusBadge label="Disabled" tone="danger" />
                ) : (
                  <StatusBadge label="Active" tone="success" />
                )}
              </Td>
              <Td>
                {u.disabledAt ? null : (
                  <DisableForm userId={u.id} name={u.name} act={operatorDisableUserAction} partnerId={org.partnerId} />
                )}
              </Td>
            </tr>
          ))}
        </Table>
        <h3 className="mb-2 mt-4 font-semibold">Add a user</h3>
        <AddUserForm act={operatorAddUserAction} partnerId={org.partnerId} />
      </Card>
      <Card className="mb-6" aria-labelledby="imports-title">
        <CardTitle id="imports-title">Imports</CardTitle>
        {imports.length === 0 ? (
          <p className="text-sm text-neutral-700">No imports yet.</p>
        ) : (
          <Table head={["When (UTC)", "Kind", "File", "Rows", "Data through", "By"]}>
            {imports.map((i) => (
              <tr key={i.id}>
                <Td className="whitespace-nowrap">{i.at.toISOString().slice(0, 16).replace("T", " ")}</Td>
                <Td>{i.kind}</Td>
                <Td>{i.fileName}</Td>
                <Td>{i.rowCount}</Td>
                <Td>{i.dataThrough ?? "—"}</Td>
                <Td>{i.importedBy}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      <Card aria-labelledby="orders-title">
        <CardTitle id="orders-title">Orders</CardTitle>
        {orders.length === 0 ? (
          <p className="text-sm text-neutral-700">No orders yet.</p>
        ) : (
          <Table head={["Order", "Offer", "Amount", "Method", "Status", "Placed", "Paid or closed"]}>
            {orders.map((o) => (
              <tr key={o.id}>
                <Td className="whitespace-nowrap">{o.number}</Td>
                <Td>
                  {offerTitle(o.offer)}
                  {o.kind === "renewal" ? " (renewal)" : ""}
                </Td>
                <Td className="whitespace-nowrap">{formatMoney(o.amountMinor, o.currency)}</Td>
                <Td>{PAYMENT_METHOD_LABELS[o.method]}</Td>
                <Td>
                  <OrderStatusBadge status={o.status} />
                </Td>
                <Td>{o.placedOn}</Td>
                <Td>{o.paidOn ?? o.closedOn ?? (o.status === "awaiting_payment" ? `pay by ${o.expiresOn}` : "—")}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  );
}
