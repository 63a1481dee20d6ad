import { z } from "zod";

// The only module that reads process.env (DEVELOPERS.md). Parsed once, lazily, so that
// `next build` (which imports server modules) never needs runtime secrets.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url("DATABASE_URL must be a postgres:// URL").optional(),
  PGLITE_DIR: z.string().min(1).default("./data/pglite"),
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters").optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // Requests per minute that one API token may make (SPEC §7 automation); beyond it, 429.
  API_TOKEN_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(60),
  // Fixed "today" for demos and end-to-end tests (YYYY-MM-DD); the real clock otherwise.
  APP_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "APP_TODAY must be YYYY-MM-DD")
    .optional(),
  // Web uploads (SPEC §6, §9): concurrent imports per organization and per server process
  // (beyond them: 429), and how long a body may stall (no bytes at all) before it is refused.
  IMPORTS_PER_ORGANIZATION: z.coerce.number().int().min(1).max(100).default(2),
  IMPORTS_PER_INSTANCE: z.coerce.number().int().min(1).max(1000).default(4),
  IMPORT_STALL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  // Sign-in throttle per client address (README "Security notes"): how many proxies in front of
  // the app append to X-Forwarded-For. 0: the app is reached directly.
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // SPEC §12 mail: without SMTP_URL mails stay in the in-app outbox. APP_URL (else AUTH_URL, else
  // http://localhost:PORT) makes the absolute links in mails.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).max(200).default("Partner Membership Center <no-reply@localhost>"),
  APP_URL: z.url("APP_URL must be an http(s) URL").optional(),
  // How often an app server sends what is due (minutes); 0 turns the in-process schedule off.
  NOTIFY_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
  // The public address of the app (Auth.js's name): the origin of single sign-on redirect URIs.
  AUTH_URL: z.string().url("AUTH_URL must be the app's public URL such as https://pmc.example.com").optional(),
  // SPEC §11 single sign-on, Auth.js's conventional names. Each provider is on only when complete.
  AUTH_MICROSOFT_ENTRA_ID_ID: z.string().min(1).optional(),
  AUTH_MICROSOFT_ENTRA_ID_SECRET: z.string().min(1).optional(),
  AUTH_MICROSOFT_ENTRA_ID_ISSUER: z
    .string()
    .url("AUTH_MICROSOFT_ENTRA_ID_ISSUER must be a URL such as https://login.microsoftonline.com/<tenant-id>/v2.0")
    .optional(),
  AUTH_OIDC_ISSUER: z.string().url("AUTH_OIDC_ISSUER must be the issuer's URL").optional(),
  AUTH_OIDC_ID: z.string().min(1).optional(),
  AUTH_OIDC_SECRET: z.string().min(1).optional(),
  AUTH_OIDC_NAME: z.string().trim().min(1).max(60, "AUTH_OIDC_NAME must be at most 60 characters").optional(),
});

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const env = result.data;
  assertCompleteProviders(env);
  return env;
}

// A half-configured provider is a typo, not "off": name the missing variables instead of hiding the button.
function assertCompleteProviders(env: Env): void {
  const groups: [string, (keyof Env)[], (keyof Env)[]][] = [
    [
      "Microsoft Entra ID",
      ["AUTH_MICROSOFT_ENTRA_ID_ID", "AUTH_MICROSOFT_ENTRA_ID_SECRET"],
      ["AUTH_MICROSOFT_ENTRA_ID_ISSUER"],
    ],
    ["OpenID Connect", ["AUTH_OIDC_ISSUER", "AUTH_OIDC_ID", "AUTH_OIDC_SECRET"], ["AUTH_OIDC_NAME"]],
  ];
  for (const [label, required, optional] of groups) {
    const set = [...required, ...optional].filter((k) => env[k] !== undefined);
    const missing = required.filter((k) => env[k] === undefined);
    if (set.length > 0 && missing.length > 0) {
      throw new Error(`Invalid configuration: ${label} sign-in needs ${missing.join(", ")} as well`);
    }
  }
}

/** Production servers must not start without a signing secret (SPEC §9). */
export function assertProductionReady(env: Env): void {
  if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
    throw new Error("AUTH_SECRET is required in production (at least 16 characters). Set it in the environment.");
  }
}

/** The base of absolute links in mails, without a trailing slash. */
export function appUrl(e: Env): string {
  // AUTH_URL may name Auth.js's path (…/api/auth): only its origin is the app's.
  const base = e.APP_URL ?? (e.AUTH_URL ? new URL(e.AUTH_URL).origin : `http://localhost:${e.PORT}`);
  return base.replace(/\/+$/, "");
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests and the CLI switch databases at run time; they reset the cache through this. */
export function resetEnvCache(): void {
  cached = undefined;
}
