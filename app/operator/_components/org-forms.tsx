"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, SelectField } from "@/components/ui/field";
import type { FormState } from "@/lib/actions";
import { createOrgAction, setTrackAction, verifyOrgAction } from "../actions";

export function CreateOrgForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(createOrgAction, {});
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-3" noValidate>
      <div className="sm:col-span-3">
        <FormMessage message={state.message} ok={state.ok} />
      </div>
      <Field id="org-partner-id" name="partnerId" label="Partner ID" required error={state.errors?.partnerId} />
      <Field id="org-name" name="name" label="Name" required error={state.errors?.name} />
      <Field
        id="org-country"
        name="country"
        label="Country (ISO code)"
        required
        hint="Two letters, such as US"
        error={state.errors?.country}
      />
      <div className="sm:col-span-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create organization"}
        </Button>
      </div>
    </form>
  );
}

export function VerifyOrgForm({ partnerId, name }: { partnerId: string; name: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(verifyOrgAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="partnerId" value={partnerId} />
      <Button type="submit" disabled={pending} aria-label={`Verify account of ${name}`}>
        {pending ? "Verifying…" : "Verify account"}
      </Button>
      <FormMessage message={state.message} ok={state.ok} />
    </form>
  );
}

export function TrackForm({ partnerId, track }: { partnerId: string; track: string | null }) {
  const [state, action, pending] = useActionState<FormState, FormData>(setTrackAction, {});
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="partnerId" value={partnerId} />
      <input type="hidden" name="area" value="business-applications" />
      <SelectField
        id="ba-track"
        name="track"
        label="Business Applications track"
        defaultValue={track ?? "enterprise"}
        options={[
          { value: "enterprise", label: "Enterprise" },
          { value: "smb", label: "SMB" },
        ]}
        error={state.errors?.track}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Recording…" : "Record track"}
      </Button>
      <FormMessage message={state.message} ok={state.ok} />
    </form>
  );
}
