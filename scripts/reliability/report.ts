// The reliability suite's running report: each check printed as it happens, failures and figures
// kept for the summary at the end (scripts/reliability.ts).
export const failures: string[] = [];
export const figures: string[] = [];

export function check(ok: boolean, what: string): void {
  if (!ok) failures.push(what);
  console.log(`${ok ? "  ✓" : "  ✗"} ${what}`);
}

export function step(title: string): void {
  console.log(`\n▶ ${title}`);
}
