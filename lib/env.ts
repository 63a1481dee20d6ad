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
  AUTH_URL: z.url("AUTH_URL must be an http(s) URL").optional(),
  // How often an app server sends what is due (minutes); 0 turns the in-process schedule off.
  NOTIFY_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
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
  return env;
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
