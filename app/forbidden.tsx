import { headers } from "next/headers";
import type { ReactNode } from "react";
import { currentCaller } from "@/lib/auth/guard";
import { ROLE_LABELS, rolesGranting } from "@/lib/auth/roles";
import { SignOutButton } from "./_components/sign-out-button";

// Rendered with HTTP 403 by forbidden() (SPEC §1: a member gets a clear page naming the roles).
export default async function Forbidden() {
  const caller = await currentCaller();
  const path = (await headers()).get("x-pathname") ?? "";
  if (caller?.kind === "operator" || path === "/operator" || path.startsWith("/operator/"))
    return <WorkspaceMismatch operator={caller?.kind === "operator"} signedIn={Boolean(caller)} />;
  const ctx = caller?.kind === "user" ? caller : null;
  const member = !ctx || ctx.role === "member";
  const roles = (member ? rolesGranting("membership:view") : rolesGranting("users:manage")).map((r) => ROLE_LABELS[r]);
  return (
    <DeniedPanel
      title={member ? "You need the partner admin role" : "You need a different role for this page"}
      back={member ? null : { href: "/membership", label: "Back to Membership" }}
      signOut={Boolean(ctx)}
    >
      <p className="mt-3 text-sm text-neutral-700">
        {member
          ? "The Membership workspace is open to users with one of these roles:"
          : "This page is open to users with this role:"}
      </p>
      <ul className="mt-2 list-disc pl-5 text-sm">
        {roles.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <p className="mt-3 text-sm text-neutral-700">
        Ask a global admin of {ctx?.orgName ?? "your organization"} to give you one of these roles.
      </p>
    </DeniedPanel>
  );
}

/** SPEC §10: an operator has no organization workspace; an organization's user no operator one. */
function WorkspaceMismatch({ operator, signedIn }: { operator: boolean; signedIn: boolean }) {
  return (
    <DeniedPanel
      title={operator ? "This page belongs to an organization's workspace" : "The operator workspace is for operators"}
      back={
        operator
          ? { href: "/operator", label: "Go to the operator workspace" }
          : { href: "/membership", label: "Back to Membership" }
      }
      signOut={signedIn}
    >
      <p className="mt-3 text-sm text-neutral-700">
        {operator
          ? "Operators see organizations read-only from the operator workspace."
          : "Only the operators who run this instance may open it. Your organization's pages are in the Membership workspace."}
      </p>
    </DeniedPanel>
  );
}

/** The one 403 page shell: what is refused, why, a way back and, when signed in, sign out. */
function DeniedPanel({
  title,
  back,
  signOut,
  children,
}: {
  title: string;
  back: { href: string; label: string } | null;
  signOut: boolean;
  children: ReactNode;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="max-w-lg rounded-md border border-neutral-200 bg-white p-6 shadow-sm">
        <p className="text-sm font-semibold text-neutral-600">403 · Access denied</p>
        <h1 className="mt-1 text-xl font-semibold">{title}</h1>
        {children}
        <div className="mt-4 flex items-center gap-3">
          {back ? (
            <a className="text-sm font-semibold text-brand-700 underline" href={back.href}>
              {back.label}
            </a>
          ) : null}
          {signOut ? (
            <div className="rounded bg-brand-700">
              <SignOutButton />
            </div>
          ) : null}
        </div>
      </div>
    </main>
  );
}
