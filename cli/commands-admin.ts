import type { z } from "zod";
import { db } from "@/db/client";
import { ROLES } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { setTrack, setTrackInput } from "@/lib/orgs/tracks";
import { createOrganization, newOrgInput, verifyOrganization } from "@/lib/orgs/verbs";
import { createOperator, createUser, newOperatorInput, newUserInput, orgIdByPartnerId } from "@/lib/users/verbs";
import { type Command, str, UsageError } from "./framework";

const CLI = { kind: "cli" } as const;

function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw new UsageError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  return parsed.data;
}

export const adminCommands: Command[] = [
  {
    name: "org create",
    summary: "Create a partner organization",
    usage: "org create --partner-id ID --name NAME --country CC",
    options: { "partner-id": { type: "string" }, name: { type: "string" }, country: { type: "string" } },
    async run({ values }, io) {
      const input = parseOrThrow(newOrgInput, {
        partnerId: str(values, "partner-id"),
        name: str(values, "name"),
        country: str(values, "country"),
      });
      const org = await createOrganization(db(), CLI, input);
      io.out(`Created organization ${org.name} (partner id ${org.partnerId}, ${org.country}).`);
      return 0;
    },
  },
  {
    name: "org verify",
    summary: "Mark an organization's legal profile as verified (needed to buy)",
    usage: "org verify ID",
    positionals: 1,
    async run({ positionals }, io) {
      const org = await verifyOrganization(db(), CLI, positionals[0]!);
      io.out(`Organization ${org.partnerId} is verified.`);
      return 0;
    },
  },
  {
    name: "org set-track",
    summary: "Record Microsoft's Business Applications track assignment (wins over the computed one)",
    usage: "org set-track --org ID --area business-applications --track enterprise|smb",
    options: { org: { type: "string" }, area: { type: "string" }, track: { type: "string" } },
    async run({ values }, io) {
      const input = parseOrThrow(setTrackInput, {
        partnerId: str(values, "org"),
        area: str(values, "area"),
        track: str(values, "track"),
      });
      await setTrack(db(), CLI, input, now());
      io.out(`Recorded the ${input.track} track for ${input.area} of ${input.partnerId}.`);
      return 0;
    },
  },
  {
    name: "user create",
    summary: "Create a user; the password is read from standard input",
    usage: `user create [--org ID] --email E --name N [--role ${ROLES.join("|")}] [--operator]  (password on stdin)`,
    options: {
      org: { type: "string" },
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      operator: { type: "boolean" },
    },
    async run({ values }, io) {
      const password = (await io.stdin()).replace(/\r?\n$/, "");
      if (values.operator === true) {
        // SPEC §10: an operator belongs to no organization and has no organization role.
        if (values.org !== undefined || values.role !== undefined)
          throw new UsageError("--operator takes neither --org nor --role");
        const input = parseOrThrow(newOperatorInput, {
          email: str(values, "email"),
          name: str(values, "name"),
          password,
        });
        const user = await createOperator(db(), CLI, input);
        io.out(`Created operator ${user.email}.`);
        return 0;
      }
      if (values.org === undefined) throw new UsageError("--org is required (or --operator)");
      if (values.role === undefined) throw new UsageError("--role is required (or --operator)");
      const input = parseOrThrow(newUserInput, {
        email: str(values, "email"),
        name: str(values, "name"),
        role: str(values, "role"),
        password,
      });
      const orgId = await orgIdByPartnerId(db(), str(values, "org"));
      const user = await createUser(db(), CLI, orgId, input);
      io.out(`Created user ${user.email} (${user.role}).`);
      return 0;
    },
  },
];
