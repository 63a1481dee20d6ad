import { z } from "zod";
import { db } from "@/db/client";
import { loadProofForOperator } from "@/db/queries/operator-payments";
import { jsonError, operatorRoute } from "@/lib/http";

// SPEC §10 Payments: an operator opens the proof a partner uploaded (type checked at upload).
export const GET = operatorRoute<{ number: string; id: string }>(async (_op, _request, params) => {
  if (!z.string().uuid().safeParse(params.id).success) return jsonError(404, "No such payment proof.");
  const row = await loadProofForOperator(db(), decodeURIComponent(params.number), params.id);
  if (!row) return jsonError(404, "No such payment proof.");
  return new Response(Buffer.from(row.data), {
    headers: {
      "content-type": row.contentType,
      "content-disposition": `attachment; filename="${row.fileName.replace(/"/g, "")}"`,
      "cache-control": "private, no-store",
    },
  });
});
