"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/db/client";
import { type FormState, formObject, runOperatorAction } from "@/lib/actions";
import { today } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { applyCatalog, discardCatalog, previewCatalog } from "@/lib/operator/catalog";

const MAX_CATALOG_BYTES = 5 * 1024 * 1024;
const uploadId = z.object({ uploadId: z.coerce.number().int().positive("Unknown catalog upload") });

/** Upload → preview (nothing applied); the page then shows what the version would change. */
export async function previewCatalogAction(_prev: FormState, form: FormData): Promise<FormState> {
  let id: number | null = null;
  const state = await runOperatorAction(z.object({}), {}, async (op) => {
    const file = form instanceof FormData ? form.get("file") : null;
    if (!(file instanceof File) || file.size === 0) throw new DomainError("Choose a CSV file to upload.", "file");
    if (file.size > MAX_CATALOG_BYTES) throw new DomainError("The file is larger than 5 MB.", "file");
    const result = await previewCatalog(db(), op, { name: file.name, text: await file.text() }, today());
    if (!result.ok) {
      // SPEC §6: the errors name the row, the column and what is wrong; nothing is stored.
      const shown = result.errors
        .slice(0, 5)
        .map((e) => `row ${e.row}${e.column ? `, ${e.column}` : ""}: ${e.message}`)
        .join("; ");
      throw new DomainError(
        `The file was refused (${result.errorCount} error${result.errorCount === 1 ? "" : "s"}): ${shown}. ${result.message}`,
      );
    }
    id = result.id;
    return "Preview ready.";
  });
  if (id !== null) redirect(`/operator/catalog?upload=${id}`);
  return state;
}

export async function applyCatalogAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runOperatorAction(
    uploadId,
    formObject(form),
    async (op, { uploadId }) => {
      const result = await applyCatalog(db(), op, uploadId, today());
      return `Catalog applied: ${result.inserted} added, ${result.updated} changed, ${result.unchanged} unchanged.`;
    },
    "/operator/catalog",
  );
}

export async function discardCatalogAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runOperatorAction(
    uploadId,
    formObject(form),
    async (op, { uploadId }) => {
      await discardCatalog(db(), op, uploadId);
      return "Discarded: the catalog is unchanged.";
    },
    "/operator/catalog",
  );
}
