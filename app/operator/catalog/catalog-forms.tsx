"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { FormState } from "@/lib/actions";
import { applyCatalogAction, discardCatalogAction, previewCatalogAction } from "./actions";

export function CatalogUploadForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(previewCatalogAction, {});
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormMessage message={state.message} ok={state.ok} />
      <div>
        <label htmlFor="catalog-file" className="block text-sm font-medium">
          New catalog version (CSV)
        </label>
        <input id="catalog-file" name="file" type="file" accept=".csv,text/csv" className="mt-1 text-sm" />
        <p className="mt-1 text-xs text-neutral-600">
          Columns: course_code, title, solution_area (slug or empty), category, duration_days (optional). Nothing is
          applied until you confirm the preview.
        </p>
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Checking…" : "Upload and preview"}
        </Button>
      </div>
    </form>
  );
}

export function DecideForms({ uploadId }: { uploadId: number }) {
  const [applied, apply, applying] = useActionState<FormState, FormData>(applyCatalogAction, {});
  const [discarded, discard, discarding] = useActionState<FormState, FormData>(discardCatalogAction, {});
  const state = applied.message ? applied : discarded;
  return (
    <div className="flex flex-col gap-2">
      <FormMessage message={state.message} ok={state.ok} />
      {state.ok ? null : (
        <div className="flex gap-2">
          <form action={apply}>
            <input type="hidden" name="uploadId" value={uploadId} />
            <Button type="submit" disabled={applying || discarding}>
              {applying ? "Applying…" : "Apply this version"}
            </Button>
          </form>
          <form action={discard}>
            <input type="hidden" name="uploadId" value={uploadId} />
            <Button type="submit" variant="secondary" disabled={applying || discarding}>
              Discard
            </Button>
          </form>
        </div>
      )}
    </div>
  );
}
