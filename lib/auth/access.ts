import { can, type Permission, type Role } from "./roles";

// Pure decision behind every guard (unit-tested for every role).
export type AccessDecision = "allow" | "unauthenticated" | "forbidden";

export function decideAccess(ctx: { role: Role } | null, permission: Permission): AccessDecision {
  if (!ctx) return "unauthenticated";
  return can(ctx.role, permission) ? "allow" : "forbidden";
}

const BASE = "http://same.invalid";

/**
 * Only same-site paths may be return targets ("/x", never "//host" or "/\\host"). The check is
 * on the NORMALIZED address, the one a browser would follow: dot segments, backslashes and
 * encoded dots can turn "/./" + "/evil.example" into "//evil.example" after a naive prefix check.
 * The answer is a path that resolves to the same origin against any base, and is its own answer.
 */
export function safeReturnPath(value: string | null | undefined, fallback = "/membership"): string {
  if (!value?.startsWith("/") || /[\u0000-\u0020\u007f-\u00a0\u2028\u2029]/.test(value)) return fallback;
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return fallback;
    const path = url.pathname + url.search;
    return isPlainPath(path) && new URL(path, BASE).href === url.href.replace(/#.*$/, "") ? path : fallback;
  } catch {
    return fallback;
  }
}

/** One leading slash, then no backslash anywhere (browsers read "\\" as "/"): never protocol-relative. */
function isPlainPath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !path.includes("\\");
}
