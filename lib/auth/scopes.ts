import type { Permission } from "./roles";

// SPEC §7 automation: what an organization API token may be given. A token acts for its
// organization on the API routes only; each scope stands for exactly one permission there.
export const API_SCOPES = ["import", "read"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const SCOPE_LABELS: Record<ApiScope, string> = {
  import: "import: upload CSV files (POST /api/v1/imports)",
  read: "read: read the evaluations (GET /api/v1/membership/*)",
};

/** The permissions an API route may ask for, and the scope a token needs for each. */
export const SCOPE_FOR = {
  "data:import": "import",
  "membership:view": "read",
} as const satisfies Partial<Record<Permission, ApiScope>>;
export type ApiPermission = keyof typeof SCOPE_FOR;

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}
