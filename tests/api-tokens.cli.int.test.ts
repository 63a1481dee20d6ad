// SPEC §7 automation: `token create|list|revoke --org ID` — the secret printed once, never listed,
// and a revoke by name that the read route honours at once.
import { beforeAll, describe, expect, it } from "vitest";
import { tokenCommands } from "@/cli/commands-token";
import { runCli } from "@/cli/run";
import { createOrg } from "./fixtures/csv/helpers";
import { useTestDatabase } from "./test-db";

const { GET: readTs } = await import("@/app/api/v1/membership/training-services/route");

useTestDatabase();
const read = (secret: string) =>
  readTs(
    new Request("http://app.example/api/v1/membership/training-services", {
      headers: { authorization: `Bearer ${secret}` },
    }),
    { params: Promise.resolve({}) },
  );

beforeAll(async () => {
  await createOrg("tok-a");
});

describe("npm run cli -- token", () => {
  it("CLI: create prints the secret once, list never shows it, revoke by name works at once", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s), stdin: async () => "" };
    expect(
      await runCli(
        tokenCommands,
        ["token", "create", "--org", "tok-a", "--name", "crm", "--scopes", "import,read"],
        io,
      ),
    ).toBe(0);
    const secret = out.pop()!;
    expect(secret).toMatch(/^pmc_/);
    expect((await read(secret)).status).toBe(200);
    expect(await runCli(tokenCommands, ["token", "list", "--org", "tok-a"], io)).toBe(0);
    const listed = out.join("\n");
    expect(listed).toMatch(/^crm\tpmc_\S{6}…\timport,read\tactive\tcreated \S+ by cli/m);
    expect(listed).not.toContain(secret);
    expect(await runCli(tokenCommands, ["token", "revoke", "--org", "tok-a", "--name", "crm"], io)).toBe(0);
    expect((await read(secret)).status).toBe(401);
    expect(
      await runCli(tokenCommands, ["token", "create", "--org", "tok-a", "--name", "x", "--scopes", "write"], io),
    ).toBe(2);
    expect(err.join("\n")).toMatch(/--scopes: Scopes are import and read/);
    expect(await runCli(tokenCommands, ["token", "revoke", "--org", "tok-a", "--name", "crm"], io)).toBe(1);
  });
});
