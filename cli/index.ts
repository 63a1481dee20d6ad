import { closeDatabase, dbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { adminCommands } from "./commands-admin";
import { importCommands } from "./commands-import";
import { notifyCommands } from "./commands-notify";
import { offersCommands } from "./commands-offers";
import { statusCommands } from "./commands-status";
import { tokenCommands } from "./commands-token";
import type { Io } from "./framework";
import { runCli } from "./run";

// Operator CLI (SPEC §7): `npm run cli -- <command>`. Talks to the configured database.
const commands = [
  ...adminCommands,
  ...statusCommands,
  ...importCommands,
  ...offersCommands,
  ...tokenCommands,
  ...notifyCommands,
];

const io: Io = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  stdin: async () => {
    if (process.stdin.isTTY) return "";
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
};

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const wantsHelp = argv.length === 0 || argv.includes("--help") || argv.includes("-h");
  if (!wantsHelp) await migrateDatabase(dbHandle()); // the CLI may be the first to open a new database
  try {
    return await runCli(commands, argv, io);
  } finally {
    await closeDatabase();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
