"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { FormState } from "@/lib/actions";
import { savePreferencesAction } from "./actions";

export type PreferenceRow = { category: string; label: string; description: string; enabled: boolean };

export function PreferencesForm({ rows }: { rows: PreferenceRow[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(savePreferencesAction, {});
  return (
    <form action={action} className="space-y-4">
      <FormMessage message={state.message} ok={state.ok} />
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-semibold">Email me about</legend>
        {rows.map((r) => (
          <div key={r.category} className="flex items-start gap-3">
            <input
              id={`pref-${r.category}`}
              name={r.category}
              type="checkbox"
              defaultChecked={r.enabled}
              aria-describedby={`pref-${r.category}-hint`}
              className="mt-1 h-4 w-4"
            />
            <div>
              <label htmlFor={`pref-${r.category}`} className="text-sm font-semibold">
                {r.label}
              </label>
              <p id={`pref-${r.category}-hint`} className="text-sm text-neutral-700">
                {r.description}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save notification settings"}
      </Button>
    </form>
  );
}
