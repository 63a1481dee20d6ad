import { Card, CardTitle } from "@/components/ui/card";
import type { Db } from "@/db/client";
import { listTokens } from "@/lib/tokens/verbs";
import { TokensTable } from "../../../membership/api-tokens/tokens-table";
import { operatorRevokeTokenAction } from "../../access-actions";

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
      <TokensTable
        tokens={tokens}
        caption="The organization's API tokens"
        act={operatorRevokeTokenAction}
        partnerId={partnerId}
      />
    </Card>
  );
}
