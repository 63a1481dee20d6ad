// Structured JSON logs on stdout/stderr. Never pass passwords or secrets in `fields`.
type Level = "debug" | "info" | "warn" | "error";
const REDACT = /pass(word)?|secret|token|cookie|authorization/i;

function clean(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, REDACT.test(k) ? "[redacted]" : v]));
}

export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg, ...clean(fields) });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
}

/** Logs an unexpected error with a short reference id that users can quote. */
export function logUnexpected(error: unknown, fields: Record<string, unknown> = {}): string {
  const ref = crypto.randomUUID().slice(0, 8);
  const e = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { value: String(error) };
  log("error", "unexpected error", { ref, ...fields, error: e });
  return ref;
}
