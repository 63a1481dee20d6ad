// Structured JSON logs on stdout/stderr. Never pass passwords or secrets in `fields`.
type Level = "debug" | "info" | "warn" | "error";
const REDACT = /pass(word)?|secret|token|cookie|authorization/i;

function clean(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, REDACT.test(k) ? "[redacted]" : v]));
}

export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg, ...clean(fields) });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
}

// Query errors quote their parameters ("Failed query: … params: <session id>, <hash>, …"): never log them.
const scrub = (text: string | undefined) => text?.replace(/\nparams: [^\n]*/g, "\nparams: [redacted]");

/** An error as loggable fields: name, message, stack and its cause (the driver's reason), parameters redacted. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { value: String(error) };
  const cause = error.cause as { name?: string; message?: string; code?: string } | undefined;
  return {
    name: error.name,
    message: scrub(error.message),
    stack: scrub(error.stack),
    ...(cause ? { cause: { name: cause.name, message: scrub(cause.message), code: cause.code } } : {}),
  };
}

/** The same error with query parameters redacted from its message and stack (other values unchanged). */
export function scrubError(value: unknown): unknown {
  if (!(value instanceof Error) || !/\nparams: /.test(`${value.message}\n${value.stack}`)) return value;
  const copy = new Error(scrub(value.message));
  copy.name = value.name;
  copy.stack = scrub(value.stack);
  const digest = (value as { digest?: string }).digest;
  if (digest) Object.assign(copy, { digest });
  return copy;
}

/** Logs an unexpected error with a short reference id that users can quote. */
export function logUnexpected(error: unknown, fields: Record<string, unknown> = {}): string {
  const ref = crypto.randomUUID().slice(0, 8);
  log("error", "unexpected error", { ref, ...fields, error: describeError(error) });
  return ref;
}
