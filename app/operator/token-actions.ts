"use server";
import { z } from "zod";
import { db } from "@/db/client";
import { type FormState, formObject, operatorActor, runOperatorAction } from "@/lib/actions";
import { now } from "@/lib/clock";
import { revokeToken } from "@/lib/tokens/verbs";
import { orgIdByPartnerId } from "@/lib/users/verbs";

// SPEC §10: an operator revokes any organization's API token with the organization's own verb
// (audited in that organization's log); the organization is named by the form's partner ID.
const input = z.object({
  partnerId: z.string().trim().min(1, "Unknown organization").max(40),
  tokenId: z.uuid("Unknown token"),
});

export async function operatorRevokeTokenAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runOperatorAction(
    input,
    formObject(form),
    async (op, { partnerId, tokenId }) => {
      const revoked = await revokeToken(
        db(),
        operatorActor(op),
        await orgIdByPartnerId(db(), partnerId),
        { tokenId },
        now(),
      );
      return `The token ${revoked.name} was revoked: it is refused from now on.`;
    },
    "/operator",
  );
}
