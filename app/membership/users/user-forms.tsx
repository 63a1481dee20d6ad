"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, SelectField } from "@/components/ui/field";
import type { FormState } from "@/lib/actions";
import { addUserAction, changeRoleAction, disableUserAction } from "./actions";

const ROLE_OPTIONS = [
  { value: "partner_admin", label: "Partner admin" },
  { value: "account_admin", label: "Account admin" },
  { value: "global_admin", label: "Global admin" },
  { value: "member", label: "Member (no membership role)" },
];

type FormAction = (prev: FormState, form: FormData) => Promise<FormState>;
/** The operator workspace (SPEC §10) reuses these forms with its own actions and the organization's partner ID. */
type Reuse = { act?: FormAction; partnerId?: string };
const Scope = ({ partnerId }: { partnerId?: string }) =>
  partnerId ? <input type="hidden" name="partnerId" value={partnerId} /> : null;

export function AddUserForm({ act = addUserAction, partnerId }: Reuse = {}) {
  const [state, action, pending] = useActionState<FormState, FormData>(act, {});
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2" noValidate>
      <Scope partnerId={partnerId} />
      <div className="sm:col-span-2">
        <FormMessage message={state.message} ok={state.ok} />
      </div>
      <Field id="new-name" name="name" label="Name" required error={state.errors?.name} />
      <Field id="new-email" name="email" type="email" label="Email" required error={state.errors?.email} />
      <SelectField
        id="new-role"
        name="role"
        label="Role"
        options={ROLE_OPTIONS}
        defaultValue="partner_admin"
        error={state.errors?.role}
      />
      <Field
        id="new-password"
        name="password"
        type="password"
        label="Initial password"
        autoComplete="new-password"
        required
        hint="At least 10 characters. Share it with the user securely."
        error={state.errors?.password}
      />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add user"}
        </Button>
      </div>
    </form>
  );
}

export function RoleForm({
  userId,
  role,
  name,
  act = changeRoleAction,
  partnerId,
}: { userId: string; role: string; name: string } & Reuse) {
  const [state, action, pending] = useActionState<FormState, FormData>(act, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <Scope partnerId={partnerId} />
      <input type="hidden" name="userId" value={userId} />
      <label className="sr-only" htmlFor={`role-${userId}`}>
        Role for {name}
      </label>
      <select
        id={`role-${userId}`}
        name="role"
        defaultValue={role}
        className="rounded border border-neutral-300 px-2 py-1 text-sm"
      >
        {ROLE_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Change role for ${name}`}>
        Change role
      </Button>
      {state.message ? (
        <span
          role={state.ok ? "status" : "alert"}
          className={`text-xs ${state.ok ? "text-green-800" : "text-red-700"}`}
        >
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

export function DisableForm({
  userId,
  name,
  act = disableUserAction,
  partnerId,
}: { userId: string; name: string } & Reuse) {
  const [state, action, pending] = useActionState<FormState, FormData>(act, {});
  return (
    <form action={action} className="flex items-center gap-2">
      <Scope partnerId={partnerId} />
      <input type="hidden" name="userId" value={userId} />
      <Button type="submit" variant="danger" disabled={pending} aria-label={`Disable ${name}`}>
        Disable
      </Button>
      {state.message ? (
        <span role={state.ok ? "status" : "alert"} className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
