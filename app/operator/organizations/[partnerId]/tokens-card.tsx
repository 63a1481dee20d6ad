import { Card, CardTitle } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import type { Db } from "@/db/client";
import { listTokens } from "@/lib/tokens/verbs";
import { RevokeTokenForm } from "../../../membership/api-tokens/token-forms";
import { operatorRevokeTokenAction } from "../../access-actions";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "Never");

/** SPEC §10: the organization's API tokens (never their secrets), revocable by the operator. */
export async function OrgTokensCard({
  db,
  orgId,
  partnerId,
  now,
}: {
  db: Db;
  orgId: string;
  partnerId: string;
  now: Date;
}) {
  const tokens = await listTokens(db, orgId, now);
  return (
    <Card className="mb-6" aria-labelledby="tokens-title">
      <CardTitle id="tokens-title">API tokens</CardTitle>
      <Table
        caption="The organization's API tokens"
        head={["Name", "Token", "Scopes", "Created", "Last used", "Expires", "Status", "Actions"]}
      >
        {tokens.length === 0 ? (
          <tr>
            <Td className="text-neutral-600">No tokens.</Td>
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
            <Td>{t.status}</Td>
            <Td>
              <RevokeTokenForm
                tokenId={t.id}
                name={t.name}
                revoked={t.status === "revoked"}
                act={operatorRevokeTokenAction}
                partnerId={partnerId}
              />
            </Td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
