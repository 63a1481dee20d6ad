// SPEC §7 automation: `token create|list|revoke --org ID` — an organization's API tokens for
// scripts. `create` prints the secret once; nothing can show it again.
import { db } from "@/db/client";
import { API_SCOPES } from "@/lib/auth/scopes";
import { now } from "@/lib/clock";
import { createToken, listTokens, newTokenInput, revokeToken } from "@/lib/tokens/verbs";
import { orgIdByPartnerId } from "@/lib/users/verbs";
import { type Command, str, UsageError } from "./framework";

const CLI = { kind: "cli" } as const;
const cliName = (field: PropertyKey | undefined) => (field === "expiresOn" ? "expires" : String(field));
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "-");

export const tokenCommands: Command[] = [
  {
    name: "token create",
    summary: "Create an API token for an organization; prints its secret once",
    usage: `token create --org ID --name N --scopes ${API_SCOPES.join(",")} [--expires YYYY-MM-DD]`,
    options: {
      org: { type: "string" },
      name: { type: "string" },
      scopes: { type: "string" },
      expires: { type: "string" },
    },
    async run({ values }, io) {
      const orgId = await orgIdByPartnerId(db(), str(values, "org"));
      const scopes = str(values, "scopes")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const parsed = newTokenInput.safeParse({
        name: str(values, "name"),
        scopes,
        expiresOn: str(values, "expires") || undefined,
      });
      if (!parsed.success)
        throw new UsageError(parsed.error.issues.map((i) => `--${cliName(i.path[0])}: ${i.message}`).join("; "));
      const created = await createToken(db(), CLI, orgId, parsed.data, now());
      io.out(created.secret);
      io.err(
        `Created token "${created.name}" (${created.scopes.join(", ")}${created.expiresOn ? `, expires after ${created.expiresOn}` : ""}). ` +
          "The line above is its secret: store it now, it is not shown again.",
      );
      return 0;
    },
  },
  {
    name: "token list",
    summary: "List an organization's API tokens (never their secrets)",
    usage: "token list --org ID",
    options: { org: { type: "string" } },
    async run({ values }, io) {
      const orgId = await orgIdByPartnerId(db(), str(values, "org"));
      const tokens = await listTokens(db(), orgId, now());
      if (tokens.length === 0) io.out("No API tokens.");
      for (const t of tokens)
        io.out(
          [
            t.name,
            `${t.prefix}…`,
            t.scopes.join(","),
            t.status,
            `created ${day(t.createdAt)} by ${t.createdBy}`,
            `last used ${day(t.lastUsedAt)}`,
            `expires ${t.expiresOn ?? "never"}`,
          ].join("\t"),
        );
      return 0;
    },
  },
  {
    name: "token revoke",
    summary: "Revoke an organization's API token by name; it stops working at once",
    usage: "token revoke --org ID --name N",
    options: { org: { type: "string" }, name: { type: "string" } },
    async run({ values }, io) {
      const orgId = await orgIdByPartnerId(db(), str(values, "org"));
      const revoked = await revokeToken(db(), CLI, orgId, { name: str(values, "name") }, now());
      io.out(`Revoked token "${revoked.name}".`);
      return 0;
    },
  },
];
