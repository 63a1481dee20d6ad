import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { env } from "@/lib/env";

// Auth.js builds the OAuth redirect URI from the request's URL. Next hands route handlers a URL on
// `localhost` whatever the Host header, while the sign-in server action (next-auth's `signIn`)
// uses the Host header: the two redirect URIs then differ and the provider refuses the code
// (SPEC §11, "redirect_uri mismatch"). The request is re-addressed to the public origin first:
// AUTH_URL when set, else the Host header (the same rule as `signIn`).
function publicOrigin(request: NextRequest): string | null {
  const configured = env().AUTH_URL;
  if (configured) return new URL(configured).origin;
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
  const origin = publicOrigin(request);
  const url = new URL(request.url);
  if (!origin || url.origin === origin) return request;
  const body = request.method === "POST" ? await request.arrayBuffer() : undefined;
  return new NextRequest(new URL(url.pathname + url.search, origin), {
    method: request.method,
    headers: request.headers,
    body,
  });
}

export async function GET(request: NextRequest) {
  return handlers.GET(await readdressed(request));
}

export async function POST(request: NextRequest) {
  return handlers.POST(await readdressed(request));
}
