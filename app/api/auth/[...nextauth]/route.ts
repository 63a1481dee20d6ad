import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { env } from "@/lib/env";

// Auth.js builds the OAuth redirect URI from the request's URL. A NextRequest's URL rewrites a
// 127.0.0.1 host to `localhost`, while the sign-in server action (next-auth's `signIn`) uses the
// Host header as sent: the two redirect URIs then differ and the provider refuses the code
// (SPEC §11, "redirect_uri mismatch"). Without AUTH_URL the request is handed on as a plain Request
// addressed to the Host header's origin (the same rule as `signIn`); with AUTH_URL, next-auth
// itself re-addresses it to that URL.
function hostOrigin(request: NextRequest): string | null {
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  if (!host) return null;
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}

async function readdressed(request: NextRequest): Promise<NextRequest> {
  const origin = env().AUTH_URL ? null : hostOrigin(request);
  if (!origin) return request;
  const url = new URL(request.url);
  const body = request.method === "POST" ? await request.arrayBuffer() : undefined;
  const plain = new Request(new URL(url.pathname + url.search, origin), {
    method: request.method,
    headers: request.headers,
    body,
  });
  return plain as unknown as NextRequest; // Auth.js reads only the standard Request API here
}

export async function GET(request: NextRequest) {
  return handlers.GET(await readdressed(request));
}

export async function POST(request: NextRequest) {
  return handlers.POST(await readdressed(request));
}
