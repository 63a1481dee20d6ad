import type { Db } from "@/db/client";
import { organizations, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";

export const DEMO_PASSWORD = "demo-password";

// SPEC §1: several organizations (so isolation shows) with one user per role.
export const DEMO_ORGS = [
  { partnerId: "1000001", name: "Contoso Learning", country: "US", verified: true, domain: "contoso.example" },
  { partnerId: "1000002", name: "Fabrikam Training", country: "DE", verified: true, domain: "fabrikam.example" },
  { partnerId: "1000003", name: "Northwind Skills", country: "IN", verified: false, domain: "northwind.example" },
] as const;

const ROLE_USERS: { role: Role; local: string; name: string }[] = [
  { role: "global_admin", local: "global", name: "Grace Global" },
  { role: "account_admin", local: "account", name: "Alex Account" },
  { role: "partner_admin", local: "partner", name: "Pat Partner" },
  { role: "member", local: "member", name: "Morgan Member" },
];

/** SPEC §10: whoever runs the instance (no organization). */
export const DEMO_OPERATOR = { email: "operator@pmc.example", name: "Olivia Operator" } as const;

export type DemoOrgIds = Record<(typeof DEMO_ORGS)[number]["partnerId"], string>;

export async function seedOrgsAndUsers(db: Db): Promise<DemoOrgIds> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = {} as DemoOrgIds;
  for (const o of DEMO_ORGS) {
    const [org] = await db
      .insert(organizations)
      .values({ partnerId: o.partnerId, name: o.name, country: o.country, verified: o.verified })
      .returning();
    ids[o.partnerId] = org!.id;
    await db.insert(users).values(
      ROLE_USERS.map((u) => ({
        orgId: org!.id,
        email: `${u.local}@${o.domain}`,
        name: u.name,
        role: u.role,
        passwordHash,
      })),
    );
  }
  await db.insert(users).values({ orgId: null, role: "operator", ...DEMO_OPERATOR, passwordHash });
  return ids;
}

export function demoSignIns(): string[] {
  return [
    ...DEMO_ORGS.flatMap((o) =>
      ROLE_USERS.map((u) => `${`${u.local}@${o.domain}`.padEnd(28)} ${u.role.padEnd(14)} ${o.name}`),
    ),
    `${DEMO_OPERATOR.email.padEnd(28)} ${"operator".padEnd(14)} (no organization: /operator)`,
  ];
}
