// Issue #8: hostile requests are refused in proxy.ts with a 4xx before Next.js parses them —
// without this, Next answers a bare 500 for a malformed percent-encoding in a dynamic segment,
// for a server-action POST whose body is not a well-formed React reply (bad JSON, references to
// parts that never come, truncated multipart) and for a body over the proxy's 10 MB clone limit
// (Next truncates the body it hands on). Legitimate requests — what React's client sends for our
// `(previousState, formData)` actions, with or without JavaScript — pass unchanged.

/** The largest server-action body accepted: payment proofs are at most 5 MB (lib/offers/proof.ts). */
export const MAX_ACTION_BODY_BYTES = 8 * 1024 * 1024;

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

// Primitive encodings of React's reply format; every other "$…" string refers to another part.
const PLAIN = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|n-?\d{1,40}$|D[0-9TZ:.+-]{1,40}$|K[0-9a-f]{1,8}$)/;

/** A decoded reply value that refers to no part except FormData fields ($K) — nothing that can dangle. */
export function selfContained(value: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (typeof value === "string") return !value.startsWith("$") || PLAIN.test(value);
  if (value === null || typeof value !== "object") return true;
  const items = Array.isArray(value) ? value : Object.values(value);
  return items.every((v) => selfContained(v, depth + 1));
}

function json(text: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof text !== "string") return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** A fetch action's arguments: a JSON array, self-contained. */
function validArgs(text: unknown): boolean {
  const parsed = json(text);
  return parsed.ok && Array.isArray(parsed.value) && selfContained(parsed.value);
}

/** A form posted without JavaScript: each `$ACTION_REF_n` names an action and its bound arguments. */
function validMpaForm(form: FormData): boolean {
  for (const key of form.keys()) {
    const ref = /^\$ACTION_REF_(\d{1,4})$/.exec(key);
    if (!ref) continue;
    const n = ref[1]!;
    const head = json(form.get(`$ACTION_${n}:0`));
    if (!head.ok || typeof head.value !== "object" || head.value === null || Array.isArray(head.value)) return false;
    const { id, bound } = head.value as { id?: unknown; bound?: unknown };
    if (typeof id !== "string" || !/^[0-9a-f]{1,64}$/.test(id)) return false;
    // a `$ACTION_REF` form is a useActionState form: its previous state is always bound
    const part = typeof bound === "string" ? /^\$@([0-9a-f]{1,4})$/.exec(bound) : null;
    if (!part || !validArgs(form.get(`$ACTION_${n}:${parseInt(part[1]!, 16)}`))) return false;
  }
  return true;
}

/** An Origin header naming another site (a missing one is judged by the action itself: lib/actions.ts). */
export function foreignOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return false;
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
  const length = Number(request.headers.get("content-length") ?? 0);
  if (foreignOrigin(request.headers)) return refusal(403, "Cross-site request refused.");
  if (length > MAX_ACTION_BODY_BYTES) return refusal(413, `The request is larger than ${MAX_ACTION_BODY_BYTES / 1024 / 1024} MB.`);
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const isFetchAction = request.headers.has("next-action");
  const malformed = () => refusal(400, "Malformed request.");
  try {
    if (type.startsWith("multipart/form-data")) {
      const form = await request.formData();
      if (isFetchAction) return validArgs(form.get("0")) ? null : malformed();
      return validMpaForm(form) ? null : malformed();
    }
    if (isFetchAction && !type.startsWith("application/x-www-form-urlencoded")) {
      return validArgs(await request.text()) ? null : malformed();
    }
    return null;
  } catch {
    return malformed(); // an unreadable, truncated or oversized body
  }
}
