// A tiny `--name value` / `--flag` parser for the bench scripts (no dependency).
export type ArgSpec = Record<string, "string" | "number" | "boolean">;

export function parseArgs(
  argv: string[],
  spec: ArgSpec,
): Record<string, string | number | boolean | undefined> & { help?: boolean } {
  const out: Record<string, string | number | boolean | undefined> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") {
      out.help = true;
      continue;
    }
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(arg);
    if (!m || !(m[1]! in spec))
      throw new Error(
        `Unknown option ${arg}. Known: ${Object.keys(spec)
          .map((k) => `--${k}`)
          .join(", ")}`,
      );
    const name = m[1]!;
    const type = spec[name]!;
    if (type === "boolean") {
      out[name] = m[2] === undefined ? true : m[2] !== "false";
      continue;
    }
    const raw = m[2] ?? argv[++i];
    if (raw === undefined) throw new Error(`--${name} needs a value`);
    if (type === "number") {
      const n = Number(raw.replace(/[_,]/g, ""));
      if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, not ${raw}`);
      out[name] = n;
    } else out[name] = raw;
  }
  return out;
}
