import { Card, CardTitle } from "@/components/ui/card";
import type { Db } from "@/db/client";
import { getSignInSettings, listLinkedIdentities } from "@/lib/orgs/sign-in-settings";
import { SignInSettingsForm } from "../../../membership/sign-in-settings/settings-forms";
import { operatorSaveSignInSettingsAction } from "../../access-actions";

/** SPEC §11: the organization's single sign-on rules, which an operator may record for it. */
export async function OrgSignInCard({ db, orgId, partnerId }: { db: Db; orgId: string; partnerId: string }) {
  const [settings, identities] = await Promise.all([getSignInSettings(db, orgId), listLinkedIdentities(db, orgId)]);
  return (
    <Card className="mb-6" aria-labelledby="sign-in-title">
      <CardTitle id="sign-in-title">Sign-in</CardTitle>
      <p className="mt-1 text-sm text-neutral-700">
        {identities.length} linked single sign-on {identities.length === 1 ? "identity" : "identities"}.
      </p>
      <div className="mt-3">
        <SignInSettingsForm
          tenantIds={settings.tenantIds}
          ssoRequired={settings.ssoRequired}
          act={operatorSaveSignInSettingsAction}
          partnerId={partnerId}
        />
      </div>
    </Card>
  );
}
