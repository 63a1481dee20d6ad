import { can, type Permission, type Role } from "./roles";

// Pure decision behind every guard (unit-tested for every role).
export type AccessDecision = "allow" | "unauthenticated" | "forbidden";

export function decideAccess(ctx: { role: Role } | null, permission: Permission): AccessDecision {
  if (!ctx) return "unauthenticated";
  return can(ctx.role, permission) ? "allow" : "forbidden";
}

/** Only same-site paths may be return targets ("/x", never "//host" or "/\\host"). */
export function safeReturnPath(value: string | null | undefined, fallback = "/membership"): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f]/.test(value)) return fallback;
  try {
    const url = new URL(value, "http://same.invalid");
    if (url.origin !== "http://same.invalid") return fallback;
    return url.pathname + url.search;
  } catch {
    return fallback;
  }
}
