"use server";
import { db } from "@/db/client";
import { type FormState, formObject, runFormAction } from "@/lib/actions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import {
  changeRole,
  changeRoleInput,
  createUser,
  disableUser,
  disableUserInput,
  newUserInput,
} from "@/lib/users/verbs";

export async function addUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runFormAction(
    newUserInput,
    formObject(form),
    async (ctx, input) => {
      const user = await createUser(db(), ctx, ctx.orgId, input);
      return `${user.name} (${user.email}) was added as ${ROLE_LABELS[user.role]}.`;
    },
    "/membership/users",
  );
}

export async function changeRoleAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runFormAction(
    changeRoleInput,
    formObject(form),
    async (ctx, input) => {
      await changeRole(db(), ctx, ctx.orgId, input);
      return `Role changed to ${ROLE_LABELS[input.role]}.`;
    },
    "/membership/users",
  );
}

export async function disableUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runFormAction(
    disableUserInput,
    formObject(form),
    async (ctx, input) => {
      await disableUser(db(), ctx, ctx.orgId, input, now());
      return "User disabled. Their sessions ended at once.";
    },
    "/membership/users",
  );
}
