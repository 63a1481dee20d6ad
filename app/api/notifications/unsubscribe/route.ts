import { db } from "@/db/client";
import { env } from "@/lib/env";
import { logUnexpected } from "@/lib/log";
import { unsubscribe } from "@/lib/notifications/preferences";
import { verifyUnsubscribe } from "@/lib/notifications/token";

// SPEC §12 one-click unsubscribe (RFC 8058). Mail providers POST "List-Unsubscribe=One-Click" to
// the List-Unsubscribe address with no session and no Origin: the signed token is the authority,
// and all it can do is turn the named kinds of mail off for its user. A GET (a person clicking the
// link) changes nothing: it goes to a page that asks first (link scanners open every link).
const TEXT = { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" };

function tokenOf(request: Request): string {
  return new URL(request.url).searchParams.get("token") ?? "";
}

export async function GET(request: Request): Promise<Response> {
  const target = new URL("/unsubscribe", request.url);
  target.searchParams.set("token", tokenOf(request).slice(0, 1000));
  return new Response(null, { status: 303, headers: { location: target.pathname + target.search } });
}

export async function POST(request: Request): Promise<Response> {
  const secret = env().AUTH_SECRET;
  const grant = secret ? verifyUnsubscribe(secret, tokenOf(request)) : null;
  const fromPage = new URL(request.url).searchParams.get("from") === "page";
  if (!grant)
    return new Response(
      "This unsubscribe link is not valid (it was changed or cut). Sign in and open Notifications to choose your emails. Nothing was changed.",
      { status: 400, headers: TEXT },
    );
  try {
    const done = await unsubscribe(db(), grant);
    if (!done)
      return new Response("This unsubscribe link belongs to a user who no longer exists. Nothing was changed.", {
        status: 404,
        headers: TEXT,
      });
  } catch (error) {
    const ref = logUnexpected(error, { route: "/api/notifications/unsubscribe" });
    return new Response(`Something went wrong (reference ${ref}). Nothing was changed; please try again.`, {
      status: 500,
      headers: TEXT,
    });
  }
  if (fromPage)
    return new Response(null, {
      status: 303,
      headers: { location: `/unsubscribe?done=${encodeURIComponent(grant.categories.join(","))}` },
    });
  return new Response("Unsubscribed: these notification emails are turned off.", { status: 200, headers: TEXT });
}
