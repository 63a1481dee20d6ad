import type { Metadata } from "next";
import { Card, CardTitle, PageHeader } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, Td } from "@/components/ui/table";
import { db } from "@/db/client";
import { requirePage } from "@/lib/auth/guard";
import { now, today } from "@/lib/clock";
import { listTokens, type TokenListItem } from "@/lib/tokens/verbs";
import { CreateTokenForm, RevokeTokenForm } from "./token-forms";

export const metadata: Metadata = { title: "API tokens" };

const STATUS: Record<TokenListItem["status"], { label: string; tone: "success" | "warning" | "neutral" }> = {
  active: { label: "Active", tone: "success" },
  expired: { label: "Expired", tone: "warning" },
  revoked: { label: "Revoked", tone: "neutral" },
};
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "Never");

// SPEC §7 automation: the organization's API tokens, for its global admins.
export default async function ApiTokensPage() {
  const ctx = await requirePage("tokens:manage");
  const tokens = await listTokens(db(), ctx.orgId, now());
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let scripts import data (POST /api/v1/imports) and read your evaluations (GET /api/v1/membership/…) for this organization, without a browser. They never open pages or manage users. API reference: /api/v1/openapi.json."
      />
      <Table
        caption="Your organization's API tokens"
        head={["Name", "Token", "Scopes", "Created", "Last used", "Expires", "Status", "Actions"]}
      >
        {tokens.length === 0 ? (
          <tr>
            <Td className="text-neutral-600">No tokens yet.</Td>
          </tr>
        ) : null}
        {tokens.map((t) => (
          <tr key={t.id}>
            <Td>{t.name}</Td>
            <Td className="font-mono">{t.prefix}…</Td>
            <Td>{t.scopes.join(", ")}</Td>
            <Td>
              {day(t.createdAt)} by {t.createdBy}
            </Td>
            <Td>{day(t.lastUsedAt)}</Td>
            <Td>{t.expiresOn ?? "Never"}</Td>
            <Td>
              <StatusBadge {...STATUS[t.status]} />
            </Td>
            <Td>
              <RevokeTokenForm tokenId={t.id} name={t.name} revoked={t.status === "revoked"} />
            </Td>
          </tr>
        ))}
      </Table>
      <Card className="mt-6">
        <CardTitle>Create a token</CardTitle>
        <div className="mt-3">
          <CreateTokenForm today={today()} />
        </div>
      </Card>
    </>
  );
}
