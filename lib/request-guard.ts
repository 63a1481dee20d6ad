// SPEC §9: hostile requests are refused in proxy.ts with a 4xx before Next.js parses them —
// without this, Next answers a bare 500 for a malformed percent-encoding in a dynamic segment,
// for a server-action POST whose body is not a well-formed React reply (bad JSON, references to
// parts that never come, truncated multipart) and for a body over the proxy's 10 MB clone limit
// (Next truncates the body it hands on). Legitimate requests — what React's client sends for our
// `(previousState, formData)` actions, with or without JavaScript — pass unchanged.
//
// Body limits, one chain: the largest form is a payment proof (at most 5 MB, lib/offers/proof.ts),
// so a server-action body may be 8 MB (MAX_ACTION_BODY_BYTES). The proxy refuses a larger one with
// 413 — from its Content-Length at once, or, streamed without one, after reading at most Next's
// proxy clone limit (10 MB by default, above 8 MB, so the count is always right). Next's own limit
// (next.config.js `serverActions.bodySizeLimit`) is the same 8 MB, so no body the proxy lets through
// is cut by Next (which would answer a 500). Auth.js's endpoints take a few hundred bytes:
// MAX_AUTH_BODY_BYTES. CSV imports do not go through the proxy: POST /api/v1/imports streams
// up to 1 GB (lib/imports/http.ts).

import { validActionArgs, validNoJsActionForm } from "./react-reply";

/** The largest server-action body accepted: payment proofs are at most 5 MB (lib/offers/proof.ts). */
export const MAX_ACTION_BODY_BYTES = 8 * 1024 * 1024;
/** The largest body of a POST to Auth.js (/api/auth/*): an email, a password and a CSRF token. */
export const MAX_AUTH_BODY_BYTES = 64 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  "content-type": "text/plain; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
};

export function refusal(status: 400 | 403 | 413, message: string): Response {
  return new Response(message, { status, headers: SECURITY_HEADERS });
}

/** Every path segment decodes (a lone or malformed %-escape makes Next's router throw). */
export function wellFormedPath(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * An Origin header naming another site, or none. Browsers send Origin on every POST; Next.js
 * refuses a foreign one on server actions but lets a missing one through, so the proxy refuses
 * both for every action — sign-in and sign-out included (see the README, "Request forgery").
 */
export function foreignOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  try {
    return origin === "null" || new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * Checks a POST to a page (every one is a server action, fetched or posted as a form): size first
 * from Content-Length, then the body's shape. Null when it may go on; else the refusal to send.
 */
export async function checkActionPost(request: Request): Promise<Response | null> {
  if (foreignOrigin(request.headers))
    return refusal(403, "Cross-site request refused: this form works from this site's pages only.");
  const tooLarge = () =>
    refusal(
      413,
      `The request is larger than ${MAX_ACTION_BODY_BYTES / 1024 / 1024} MB. Payment proofs may be at most 5 MB.`,
    );
  if (Number(request.headers.get("content-length") ?? 0) > MAX_ACTION_BODY_BYTES) return tooLarge();
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const isFetchAction = request.headers.has("next-action");
  const malformed = () => refusal(400, "Malformed request.");
  try {
    const body = await request.arrayBuffer(); // without a Content-Length: at most the proxy's clone limit
    if (body.byteLength > MAX_ACTION_BODY_BYTES) return tooLarge();
    if (type.startsWith("multipart/form-data")) {
      const form = await new Response(body, {
        headers: { "content-type": request.headers.get("content-type")! },
      }).formData(); // the boundary is case-sensitive
      if (isFetchAction) return validActionArgs(form.get("0")) ? null : malformed();
      return validNoJsActionForm(form) ? null : malformed();
    }
    if (isFetchAction && !type.startsWith("application/x-www-form-urlencoded")) {
      return validActionArgs(new TextDecoder().decode(body)) ? null : malformed();
    }
    return null;
  } catch {
    return malformed(); // an unreadable or truncated body
  }
}

/** A POST to Auth.js: only its size is checked here (its CSRF token and Origin are Auth.js's). */
export function checkAuthPost(request: Request): Response | null {
  const length = Number(request.headers.get("content-length") ?? 0);
  return length > MAX_AUTH_BODY_BYTES
    ? refusal(413, `The request is larger than ${MAX_AUTH_BODY_BYTES / 1024} KB.`)
    : null;
}
