// Typed domain errors, mapped once to `{ errors, message }` for forms (lib/actions.ts),
// to JSON for route handlers (lib/http.ts) and to an exit code in the CLI.
export class DomainError extends Error {
  constructor(
    message: string,
    public readonly field?: string,
    public readonly code = "invalid",
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super(message, undefined, "not_found");
  }
}

/** A caller whose role (or kind) may not do this: 403 in route handlers, a refusal in forms. */
export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super(message, undefined, "forbidden");
    this.name = "ForbiddenError";
  }
}

export function zodMessages(issues: { path: PropertyKey[]; message: string }[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/** "Already ordered": a second order for the same offer and term is refused with this error. */
export class AlreadyOrderedError extends DomainError {
  constructor(message: string) {
    super(message, undefined, "already_ordered");
    this.name = "AlreadyOrderedError";
  }
}
