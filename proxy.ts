import { type NextRequest, NextResponse } from "next/server";
import { ssoFormOrigins } from "@/lib/auth/providers";
import { env } from "@/lib/env";
import { checkActionPost, checkAuthPost, refusal, wellFormedPath } from "@/lib/request-guard";

// Only an optimistic redirect and the page CSP: the access check is the guard in every
// page, route and action (lib/auth/guard.ts), never this file.
const PROTECTED = ["/membership", "/operator", "/admin"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

function contentSecurityPolicy(nonce: string): string {
  const dev = env().NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...ssoFormOrigins(env())].join(" "),
    "frame-ancestors 'none'",
  ].join("; ");
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Hostile requests get a 4xx here, not a bare 500 from the framework (lib/request-guard.ts).
  if (!wellFormedPath(pathname)) return refusal(400, "Malformed address.");
  if (pathname.startsWith("/api/")) return (request.method === "POST" && checkAuthPost(request)) || NextResponse.next(); // only /api/auth is matched
  if (request.method === "POST") {
    const refused = await checkActionPost(request);
    if (refused) return refused;
  }
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!signedIn && PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-pathname", pathname + search);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!api|_next/static|_next/image|favicon.ico|icon.svg).*)" }, { source: "/api/auth/:path*" }],
};
