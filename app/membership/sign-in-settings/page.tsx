import type { Metadata } from "next";
import { Card, CardTitle, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { db } from "@/db/client";
import { requirePage } from "@/lib/auth/guard";
import { ssoProviders } from "@/lib/auth/providers";
import { env } from "@/lib/env";
import { getSignInSettings, listLinkedIdentities } from "@/lib/orgs/sign-in-settings";
import { SignInSettingsForm, UnlinkForm } from "./settings-forms";

export const metadata: Metadata = { title: "Sign-in settings" };

const PROVIDER_LABELS: Record<string, string> = { "microsoft-entra-id": "Microsoft Entra ID", oidc: "OpenID Connect" };
const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "—");

// SPEC §11: the organization's tenant restriction, single sign-on requirement and linked identities.
export default async function SignInSettingsPage() {
  const ctx = await requirePage("users:manage");
  const [settings, identities] = await Promise.all([
    getSignInSettings(db(), ctx.orgId),
    listLinkedIdentities(db(), ctx.orgId),
  ]);
  const providers = ssoProviders(env());
  return (
    <>
      <PageHeader
        title="Sign-in settings"
        description="Single sign-on for your organization's users. Users sign in with single sign-on only after you have added their email on the Users page; their first sign-in links the identity."
      />
      <Card className="mb-6">
        <CardTitle>Rules</CardTitle>
        <p className="mt-1 text-sm text-neutral-700">
          {providers.length
            ? `Single sign-on on this server: ${providers.map((p) => p.label).join(", ")}.`
            : "Single sign-on is not configured on this server: users sign in with their passwords."}
        </p>
        <div className="mt-3">
          <SignInSettingsForm tenantIds={settings.tenantIds} ssoRequired={settings.ssoRequired} />
        </div>
      </Card>
      <h2 className="mb-2 text-base font-semibold">Linked identities</h2>
      {identities.length === 0 ? (
        <p className="text-sm text-neutral-700">No user has signed in with single sign-on yet.</p>
      ) : (
        <Table head={["User", "Provider", "Identity email", "Tenant", "Linked", "Last sign-in", "Actions"]}>
          {identities.map((i) => (
            <tr key={i.id}>
              <Td>
                {i.userName}
                <span className="block text-xs text-neutral-600">{i.userEmail}</span>
              </Td>
              <Td>{PROVIDER_LABELS[i.provider] ?? i.provider}</Td>
              <Td>{i.email}</Td>
              <Td className="font-mono text-xs">{i.tenantId ?? "—"}</Td>
              <Td>{when(i.linkedAt)}</Td>
              <Td>{when(i.lastSignInAt)}</Td>
              <Td>
                <UnlinkForm identityId={i.id} userName={i.userName} />
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
