"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { CardTitle } from "@/components/ui/card";
import { Field, FormMessage, SelectField } from "@/components/ui/field";
import { ProgressBar } from "@/components/ui/progress";
import { type ImportKind, KIND_INFO, ORG_IMPORT_KINDS } from "@/lib/imports/columns";
import { ImportErrors, type UploadFailure } from "./import-errors";

type Phase =
  | { name: "idle" }
  | { name: "uploading"; loaded: number; total: number }
  | { name: "processing" }
  | { name: "done"; message: string }
  | { name: "failed"; failure: UploadFailure };

// The shared course catalog is not offered: the operator maintains it (SPEC §6).
const KIND_OPTIONS = ORG_IMPORT_KINDS.map((k) => ({ value: k, label: KIND_INFO[k].label }));

/** Sends the file as the raw request body with XMLHttpRequest, for its upload progress events. */
function upload(
  url: string,
  file: File,
  onProgress: (loaded: number, total: number) => void,
  onSent: () => void,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.upload.onload = onSent;
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response });
    xhr.onerror = () => reject(new Error("network"));
    xhr.send(file);
  });
}

export function ImportForm({ defaultDataThrough }: { defaultDataThrough: string }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<ImportKind>("courseware-completions");
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const [fileError, setFileError] = useState<string | undefined>();
  const busy = phase.name === "uploading" || phase.name === "processing";
  const info = KIND_INFO[kind];

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.name === "") return setFileError("Choose a CSV file to upload.");
    setFileError(undefined);
    const dataThrough = String(form.get("dataThrough") ?? "");
    const query = new URLSearchParams({ kind, ...(dataThrough ? { dataThrough } : {}) });
    setPhase({ name: "uploading", loaded: 0, total: file.size });
    try {
      const { status, body } = await upload(
        `/api/v1/imports?${query}`,
        file,
        (loaded, total) => setPhase({ name: "uploading", loaded, total }),
        () => setPhase({ name: "processing" }),
      );
      const result = (body ?? {}) as {
        ok?: boolean;
        message?: string;
        error?: string;
        errors?: UploadFailure["errors"];
        errorCount?: number;
      };
      if (status === 200 && result.ok) {
        setPhase({ name: "done", message: result.message ?? "Imported." });
        const input = formRef.current?.elements.namedItem("file");
        if (input instanceof HTMLInputElement) input.value = "";
        router.refresh();
      } else {
        setPhase({
          name: "failed",
          failure: {
            message: result.error ?? result.message ?? `The upload failed (HTTP ${status}).`,
            errors: result.errors ?? [],
            errorCount: result.errorCount ?? 0,
          },
        });
      }
    } catch {
      setPhase({
        name: "failed",
        failure: {
          message: "The upload failed: the connection was interrupted. Nothing was imported.",
          errors: [],
          errorCount: 0,
        },
      });
    }
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-4" noValidate aria-busy={busy}>
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          id="import-kind"
          name="kind"
          label="What to import"
          options={KIND_OPTIONS}
          value={kind}
          onChange={(e) => setKind(e.target.value as ImportKind)}
          disabled={busy}
        />
        <Field
          id="import-data-through"
          name="dataThrough"
          type="date"
          label="Data through (optional)"
          disabled={busy}
          hint={`The last day this file covers. Empty: ${defaultDataThrough} (the end of last month).`}
        />
        <Field
          id="import-file"
          name="file"
          type="file"
          label="CSV file"
          accept=".csv,text/csv"
          disabled={busy}
          error={fileError ? [fileError] : undefined}
        />
      </div>

      <div className="rounded border border-neutral-200 bg-neutral-50 p-3 text-sm" aria-live="polite">
        <CardTitle level={3}>Expected columns for {info.label}</CardTitle>
        <ul className="mt-2 grid gap-1 sm:grid-cols-2">
          {info.columns.map((c) => (
            <li key={c.name}>
              <code className="font-semibold">{c.name}</code>
              {c.required ? "" : " (optional)"} — {c.hint}
            </li>
          ))}
        </ul>
        {info.extraColumns ? (
          <p className="mt-2 text-neutral-700">Any other columns are kept as other answers and never counted.</p>
        ) : null}
        {info.shared ? (
          <p className="mt-2 text-neutral-700">
            The course catalog is shared by all organizations: an import updates it for everyone.
          </p>
        ) : null}
        <p className="mt-2 text-neutral-700">
          Each row is identified by {info.key.join(" + ")}: importing it again updates it.
        </p>
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy}>
          {busy ? "Uploading…" : "Upload"}
        </Button>
        {phase.name === "uploading" ? (
          <div className="min-w-48 flex-1">
            <ProgressBar label="Upload progress" value={phase.loaded} max={phase.total || 1} />
            <p className="mt-1 text-xs text-neutral-600">
              Uploading… {Math.floor((phase.loaded / (phase.total || 1)) * 100)}%
            </p>
          </div>
        ) : null}
        {phase.name === "processing" ? (
          <p role="status" className="text-sm text-neutral-700">
            Processing… checking every row and importing.
          </p>
        ) : null}
      </div>

      {phase.name === "done" ? <FormMessage ok message={phase.message} /> : null}
      {phase.name === "failed" ? <ImportErrors failure={phase.failure} /> : null}
    </form>
  );
}
