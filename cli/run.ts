import { DatabaseInUseError } from "@/db/pglite-lock";
import { DomainError } from "@/lib/errors";
import { type Command, type Io, parseCommandArgs, UsageError } from "./framework";

/** Finds the command named by the first words of argv and runs it; returns the exit code. */
export async function runCli(commands: Command[], argv: string[], io: Io): Promise<number> {
  const help = () => {
    io.out("Usage: npm run cli -- <command> [options]\n\nCommands:");
    for (const c of commands) io.out(`  ${c.usage}\n      ${c.summary}`);
    io.out("\nEvery command answers --help.");
  };
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    help();
    return argv.length === 0 ? 2 : 0;
  }
  const cmd = [...commands]
    .sort((a, b) => b.name.length - a.name.length)
    .find((c) => c.name.split(" ").every((w, i) => argv[i] === w));
  if (!cmd) {
    io.err(`Unknown command: ${argv.slice(0, 2).join(" ")}`);
    help();
    return 2;
  }
  const rest = argv.slice(cmd.name.split(" ").length);
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`Usage: npm run cli -- ${cmd.usage}\n${cmd.summary}`);
    return 0;
  }
  try {
    const args = parseCommandArgs(cmd, rest);
    return await cmd.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`Error: ${error.message}\nUsage: npm run cli -- ${cmd.usage}`);
      return 2;
    }
    if (error instanceof DomainError || error instanceof DatabaseInUseError) {
      io.err(`Error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
