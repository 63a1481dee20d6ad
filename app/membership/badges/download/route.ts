import { z } from "zod";
import { db } from "@/db/client";
import { today } from "@/lib/clock";
import { guardedRoute, jsonError } from "@/lib/http";
import { renderBadgePng } from "@/lib/offers/badge-png";
import { renderBadgeSvg } from "@/lib/offers/badge-svg";
import { findHeldBadge } from "@/lib/offers/badges";
import { AREA_SLUGS } from "@/lib/rules/areas";
import { OFFER_IDS } from "@/lib/rules/offers-catalog";

const query = z.object({
  offer: z.enum(OFFER_IDS),
  badge: z.enum([...AREA_SLUGS, "cloud-partner"]),
  format: z.enum(["svg", "png"]),
});

const pngCache = new Map<string, Buffer>(); // badges are the same for every organization that holds them

// SPEC §5 Logo builder: only badges the organization holds today (lapsed designations: none).
export const GET = guardedRoute("membership:view", async (ctx, request) => {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return jsonError(400, "Unknown badge or format.");
  const { offer, badge, format } = parsed.data;
  const held = await findHeldBadge(db(), ctx.orgId, today(), offer, badge);
  if (!held) return jsonError(404, "Your organization does not hold this badge.");
  const name = `${offer}-${badge}.${format}`;
  const headers = { "content-disposition": `attachment; filename="${name}"`, "cache-control": "private, no-store" };
  if (format === "svg")
    return new Response(renderBadgeSvg(offer, badge), {
      headers: { ...headers, "content-type": "image/svg+xml; charset=utf-8" },
    });
  const key = `${offer}/${badge}`;
  let png = pngCache.get(key);
  if (!png) pngCache.set(key, (png = renderBadgePng(offer, badge)));
  return new Response(new Uint8Array(png), { headers: { ...headers, "content-type": "image/png" } });
});
