import type { Metadata } from "next";
import { Card, CardTitle, PageHeader } from "@/components/ui/card";
import { db } from "@/db/client";
import { requirePage } from "@/lib/auth/guard";
import { now, today } from "@/lib/clock";
import { listTokens } from "@/lib/tokens/verbs";
import { CreateTokenForm } from "./token-forms";
import { TokensTable } from "./tokens-table";

export const metadata: Metadata = { title: "API tokens" };

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
      <TokensTable tokens={tokens} caption="Your organization's API tokens" />
      <Card className="mt-6">
        <CardTitle>Create a token</CardTitle>
        <div className="mt-3">
          <CreateTokenForm today={today()} />
        </div>
      </Card>
    </>
  );
}
