import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { organizations, sessions, users } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { writeAudit } from "@/lib/audit";
import { authorize, type Caller } from "@/lib/auth/caller";
import { normalizeEmail } from "@/lib/auth/credentials";
import { hashPassword, PASSWORD_RULE } from "@/lib/auth/password";
import { ROLES } from "@/lib/auth/roles";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";

export const newUserInput = z.object({
  name: z.string().trim().min(1, "Enter a name").max(120, "Name is too long"),
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(320),
  role: z.enum(ROLES, { message: "Choose a role" }),
  password: z
    .string()
    .min(PASSWORD_RULE.min, `Password must be at least ${PASSWORD_RULE.min} characters`)
    .max(PASSWORD_RULE.max, "Password is too long"),
});
export type NewUserInput = z.infer<typeof newUserInput>;

/**
 * Emails are unique across the instance (one sign-in per address). When the address belongs to
 * another organization, the answer must not say so (SPEC §9: no organization learns about
 * another's accounts): a neutral refusal, nothing created, and an audit row of the attempt.
 */
export const EMAIL_UNAVAILABLE =
  "This email address cannot be used for a new user. Nothing was changed. Use another address, or ask the operator of this instance for help.";

/** Adds a user to an organization (the org comes from the caller's context, never the form). */
export async function createUser(db: Db, actor: Caller, orgId: string, input: NewUserInput) {
  authorize(actor, "users:manage", orgId);
  const passwordHash = await hashPassword(input.password);
  const email = normalizeEmail(input.email);
  const created = await inTransaction(db, async (tx) => {
    const [taken] = await tx
      .select({ id: users.id, orgId: users.orgId })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`);
    if (taken?.orgId === orgId)
      throw new DomainError("A user with this email already exists in your organization", "email");
    if (taken) {
      // committed with the refusal: the attempt is on record, the other organization untouched
      await writeAudit(tx, {
        orgId,
        actor,
        action: "user.create_refused",
        detail: { email, role: input.role, reason: "email unavailable" },
      });
      return null;
    }
    const [user] = await tx
      .insert(users)
      .values({ orgId, email, name: input.name, role: input.role, passwordHash })
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
    await writeAudit(tx, {
      orgId,
      actor,
      action: "user.create",
      detail: { userId: user!.id, email: user!.email, role: user!.role },
    });
    return user!;
  });
  if (!created) throw new DomainError(EMAIL_UNAVAILABLE, "email");
  return created;
}

export const newOperatorInput = newUserInput.omit({ role: true });

/** SPEC §10: an operator is a user of no organization (CLI `user create --operator`). */
export async function createOperator(db: Db, actor: Caller, input: z.infer<typeof newOperatorInput>) {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (tx) => {
    const email = normalizeEmail(input.email);
    const [taken] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
    if (taken) throw new DomainError("A user with this email already exists", "email");
    const [user] = await tx
      .insert(users)
      .values({ orgId: null, email, name: input.name, role: "operator", passwordHash })
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
    await writeAudit(tx, { orgId: null, actor, action: "operator.create", detail: { userId: user!.id, email } });
    return user!;
  });
}

export const changeRoleInput = z.object({
  userId: z.string().uuid("Unknown user"),
  role: z.enum(ROLES, { message: "Choose a role" }),
});

async function userOfOrg(tx: Pick<Db, "select">, orgId: string, userId: string) {
  const [user] = await tx
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.orgId, orgId)));
  if (!user) throw new NotFoundError("That user is not in your organization");
  return user;
}

/** Keeps at least one active global admin so the organization can still manage itself. */
async function assertAnotherGlobalAdmin(tx: Pick<Db, "select">, orgId: string, userId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(
      and(
        eq(users.orgId, orgId),
        eq(users.role, "global_admin"),
        ne(users.id, userId),
        sql`${users.disabledAt} is null`,
      ),
    );
  if (!row || row.n === 0) throw new DomainError("The organization needs at least one active global admin");
}

export async function changeRole(db: Db, actor: Caller, orgId: string, input: z.infer<typeof changeRoleInput>) {
  authorize(actor, "users:manage", orgId);
  return inTransaction(db, async (tx) => {
    const user = await userOfOrg(tx, orgId, input.userId);
    if (user.role === input.role) return;
    if (user.role === "global_admin") await assertAnotherGlobalAdmin(tx, orgId, user.id);
    await tx.update(users).set({ role: input.role }).where(eq(users.id, user.id));
    await writeAudit(tx, {
      orgId,
      actor,
      action: "user.role_change",
      detail: { userId: user.id, email: user.email, from: user.role, to: input.role },
    });
  });
}

export const disableUserInput = z.object({ userId: z.string().uuid("Unknown user") });

export async function disableUser(
  db: Db,
  actor: Caller,
  orgId: string,
  input: z.infer<typeof disableUserInput>,
  at: Date,
) {
  authorize(actor, "users:manage", orgId);
  if (actor.kind === "user" && actor.userId === input.userId)
    throw new ForbiddenError("You cannot disable yourself: ask another global admin. Nothing was changed.");
  return inTransaction(db, async (tx) => {
    const user = await userOfOrg(tx, orgId, input.userId);
    if (user.disabledAt) return;
    if (user.role === "global_admin") await assertAnotherGlobalAdmin(tx, orgId, user.id);
    await tx.update(users).set({ disabledAt: at }).where(eq(users.id, user.id));
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await writeAudit(tx, { orgId, actor, action: "user.disable", detail: { userId: user.id, email: user.email } });
  });
}

export async function listUsers(db: Db, orgId: string) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.orgId, orgId))
    .orderBy(users.name);
}

export async function orgIdByPartnerId(db: Db, partnerId: string): Promise<string> {
  const [org] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.partnerId, partnerId));
  if (!org) throw new NotFoundError(`No organization with partner id ${partnerId}`);
  return org.id;
}
