import { type ParseArgsConfig, parseArgs } from "node:util";

// A tiny command framework: each command declares its usage, options and a run function.
export class UsageError extends Error {}

export type Io = { out: (s: string) => void; err: (s: string) => void; stdin: () => Promise<string> };

export type Command = {
  name: string; // e.g. "org create"
  summary: string;
  usage: string;
  options?: ParseArgsConfig["options"];
  positionals?: number; // exact count expected
  run: (
    args: { values: Record<string, string | boolean | undefined>; positionals: string[] },
    io: Io,
  ) => Promise<number>;
};

export function parseCommandArgs(cmd: Command, argv: string[]) {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options: cmd.options ?? {}, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const expected = cmd.positionals ?? 0;
  if (parsed.positionals.length !== expected) {
    throw new UsageError(`expected ${expected} argument${expected === 1 ? "" : "s"}, got ${parsed.positionals.length}`);
  }
  for (const [key, spec] of Object.entries(cmd.options ?? {})) {
    if (
      spec.type === "string" &&
      !(spec as { optional?: boolean }).optional &&
      !cmd.usage.includes(`[--${key}`) &&
      parsed.values[key] === undefined
    ) {
      throw new UsageError(`--${key} is required`);
    }
  }
  return parsed as { values: Record<string, string | boolean | undefined>; positionals: string[] };
}

export function str(values: Record<string, unknown>, key: string): string {
  const v = values[key];
  return typeof v === "string" ? v : "";
}
