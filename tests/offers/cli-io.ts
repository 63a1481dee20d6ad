import { offersCommands } from "@/cli/commands-offers";
import type { Io } from "@/cli/framework";
import { runCli } from "@/cli/run";

/** Runs the operator CLI's offers commands in-process against the test database. */
export function commandsForTest() {
  let out: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: (s) => out.push(s), stdin: async () => "" };
  return {
    async run(argv: string[]) {
      out = [];
      return runCli(offersCommands, argv, io);
    },
    output: () => out.join("\n"),
  };
}
