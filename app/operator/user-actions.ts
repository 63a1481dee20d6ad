"use server";
import { z } from "zod";
import { db } from "@/db/client";
import { type FormState, formObject, runOperatorAction } from "@/lib/actions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import {
  changeRole,
  changeRoleInput,
  createUser,
  disableUser,
  disableUserInput,
  newUserInput,
  orgIdByPartnerId,
} from "@/lib/users/verbs";

// SPEC §10: an operator manages any organization's users with the organization's own verbs; the
// organization is named by the form's partner ID (an operator belongs to none).
const partnerId = { partnerId: z.string().trim().min(1, "Unknown organization").max(40) };

export async function operatorAddUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runOperatorAction(
    newUserInput.extend(partnerId),
    formObject(form),
    async (op, { partnerId: id, ...input }) => {
      const user = await createUser(db(), op, await orgIdByPartnerId(db(), id), input);
      return `${user.name} (${user.email}) was added as ${ROLE_LABELS[user.role]}.`;
    },
    "/operator",
  );
}

export async function operatorChangeRoleAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runOperatorAction(
    changeRoleInput.extend(partnerId),
    formObject(form),
    async (op, { partnerId: id, ...input }) => {
      await changeRole(db(), op, await orgIdByPartnerId(db(), id), input);
      return `Role changed to ${ROLE_LABELS[input.role]}.`;
    },
    "/operator",
  );
}

export async function operatorDisableUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runOperatorAction(
    disableUserInput.extend(partnerId),
    formObject(form),
    async (op, { partnerId: id, ...input }) => {
      await disableUser(db(), op, await orgIdByPartnerId(db(), id), input, now());
      return "User disabled. Their sessions ended at once.";
    },
    "/operator",
  );
}
