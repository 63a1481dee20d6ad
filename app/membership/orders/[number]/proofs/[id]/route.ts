import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { orders, paymentProofs } from "@/db/schema";
import { guardedRoute, jsonError } from "@/lib/http";
import { decodeSegment } from "@/lib/path-param";

// A payment proof as uploaded (type checked by magic bytes at upload), for the organization only.
export const GET = guardedRoute<{ number: string; id: string }>("membership:view", async (ctx, _request, params) => {
  const number = decodeSegment(params.number);
  if (number === null || !z.string().uuid().safeParse(params.id).success)
    return jsonError(404, "No such payment proof.");
  const [row] = await db()
    .select({ data: paymentProofs.data, fileName: paymentProofs.fileName, contentType: paymentProofs.contentType })
    .from(paymentProofs)
    .innerJoin(orders, eq(orders.id, paymentProofs.orderId))
    .where(and(eq(paymentProofs.id, params.id), eq(paymentProofs.orgId, ctx.orgId), eq(orders.number, number)));
  if (!row) return jsonError(404, "No such payment proof.");
  return new Response(Buffer.from(row.data), {
    headers: {
      "content-type": row.contentType,
      "content-disposition": `attachment; filename="${row.fileName.replace(/"/g, "")}"`,
      "cache-control": "private, no-store",
    },
  });
});
