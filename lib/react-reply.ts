// React's server-action request body ("reply") format, the one place that knows it: what React's
// client sends for a fetched action (encodeReply: a JSON argument list, FormData fields as `$K`
// references) and for a form posted before JavaScript loads (React DOM's hidden `$ACTION_REF_n`
// and `$ACTION_n:i` fields). lib/react-reply.test.ts encodes with the React that Next.js ships,
// so an upgrade of next (or React) that changes the format fails there (README, "Upgrades that
// need a check"). Only self-contained replies pass: a reference to a part that never comes makes
// Next answer a bare 500.

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
export function validActionArgs(text: unknown): boolean {
  const parsed = json(text);
  return parsed.ok && Array.isArray(parsed.value) && selfContained(parsed.value);
}

/** A form posted without JavaScript: each `$ACTION_REF_n` names an action and its bound arguments. */
export function validNoJsActionForm(form: FormData): boolean {
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
    if (!part || !validActionArgs(form.get(`$ACTION_${n}:${parseInt(part[1]!, 16)}`))) return false;
  }
  return true;
}
