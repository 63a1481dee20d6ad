// SPEC §6: the web upload. POST the raw CSV as the body (streamed, never buffered), the kind
// and optional data-through in the query string, the file name in x-file-name. The organization
// comes from the session only. Answers the import result as JSON: 200, or 400 with the errors;
// 403 for the shared course catalog (the operator's, SPEC §6); 429 beyond the concurrent imports
// allowed per organization and per server (lib/imports/limits.ts), before the body is read.

import { authenticatesByHeader } from "@/lib/auth/guard";
import { today } from "@/lib/clock";
import { env } from "@/lib/env";
import { apiRoute, jsonError } from "@/lib/http";
import { afterImport } from "@/lib/imports/after-import";
import { IMPORT_KINDS, isImportKind } from "@/lib/imports/columns";
import { fileNameFrom, MAX_UPLOAD_BYTES, requestBody, sameOrigin } from "@/lib/imports/http";
import { importGate } from "@/lib/imports/limits";
import { type ImportResult, importCsv } from "@/lib/imports/pipeline";
import { assertMayImport } from "@/lib/imports/policy";
import { isValidIsoDate } from "@/lib/rules/time";

export const dynamic = "force-dynamic";

const handle = apiRoute("data:import", async (ctx, request) => {
  const params = new URL(request.url).searchParams;
  const kind = params.get("kind") ?? "";
  if (!isImportKind(kind))
    return jsonError(400, `Choose what to import: kind must be one of ${IMPORT_KINDS.join(", ")}.`);
  const dataThrough = params.get("dataThrough") || undefined;
  if (dataThrough && !isValidIsoDate(dataThrough)) return jsonError(400, "“Data through” must be a date YYYY-MM-DD.");
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/")) {
    return jsonError(415, "Send the CSV file itself as the request body, not a form.");
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES) {
    return jsonError(413, "The file is larger than the 1 GB limit. Split it into several files.");
  }
  if (!request.body) return jsonError(400, "The request has no file.");
  const actor = ctx;
  assertMayImport(actor, kind); // before the body is read; the verb checks it again for every caller

  const slot = importGate().tryEnter(ctx.orgId);
  if (!slot.ok) return jsonError(429, slot.message, {}, { "retry-after": "30" });
  let result: ImportResult;
  try {
    result = await importCsv({
      kind,
      orgId: kind === "courses" ? null : ctx.orgId, // the course catalog is shared by all organizations
      actor,
      fileName: fileNameFrom(request.headers.get("x-file-name")),
      input: requestBody(request.body, MAX_UPLOAD_BYTES, env().IMPORT_STALL_SECONDS * 1000),
      dataThrough,
      today: today(),
      afterImport,
    });
  } finally {
    slot.release();
  }
  const status = result.ok ? 200 : result.internal ? 500 : 400;
  return Response.json(result, { status, headers: { "cache-control": "no-store" } });
});

export async function POST(request: Request, context: { params: Promise<Record<string, never>> }): Promise<Response> {
  if (!authenticatesByHeader(request.headers) && !sameOrigin(request.headers))
    return jsonError(403, "Cross-site request refused: uploads are accepted from this site's pages only.");
  return handle(request, context);
}
