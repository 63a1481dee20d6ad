import { headers } from "next/headers";
import Link from "next/link";
import { currentCaller } from "@/lib/auth/guard";
import { ROLE_LABELS, rolesGranting } from "@/lib/auth/roles";
import { SignOutButton } from "./_components/sign-out-button";

// Rendered with HTTP 403 by forbidden() (SPEC §1: a member gets a clear page naming the roles).
export default async function Forbidden() {
  const caller = await currentCaller();
  const path = (await headers()).get("x-pathname") ?? "";
  if (caller?.kind === "operator" || path === "/operator" || path.startsWith("/operator/"))
    return <WorkspaceMismatch operator={caller?.kind === "operator"} signedIn={Boolean(caller)} />;
  const ctx = caller?.kind === "org" ? caller.ctx : null;
  const member = !ctx || ctx.role === "member";
  const roles = (member ? rolesGranting("membership:view") : rolesGranting("users:manage")).map((r) => ROLE_LABELS[r]);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="max-w-lg rounded-md border border-neutral-200 bg-white p-6 shadow-sm">
        <p className="text-sm font-semibold text-neutral-600">403 · Access denied</p>
        <h1 className="mt-1 text-xl font-semibold">
          {member ? "You need the partner admin role" : "You need a different role for this page"}
        </h1>
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
        <div className="mt-4 flex items-center gap-3">
          {!member ? (
            <Link className="text-sm font-semibold text-brand-700 underline" href="/membership">
              Back to Membership
            </Link>
          ) : null}
          {ctx ? (
            <div className="rounded bg-brand-700">
              <SignOutButton />
            </div>
          ) : null}
        </div>
      </div>
    </main>
  );
}

/** SPEC §10: an operator has no organization workspace; an organization's user no operator one. */
function WorkspaceMismatch({ operator, signedIn }: { operator: boolean; signedIn: boolean }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="max-w-lg rounded-md border border-neutral-200 bg-white p-6 shadow-sm">
        <p className="text-sm font-semibold text-neutral-600">403 · Access denied</p>
        <h1 className="mt-1 text-xl font-semibold">
          {operator ? "This page belongs to an organization's workspace" : "The operator workspace is for operators"}
        </h1>
        <p className="mt-3 text-sm text-neutral-700">
          {operator
            ? "Operators see organizations read-only from the operator workspace."
            : "Only the operators who run this instance may open it. Your organization's pages are in the Membership workspace."}
        </p>
        <div className="mt-4 flex items-center gap-3">
          <Link
            className="text-sm font-semibold text-brand-700 underline"
            href={operator ? "/operator" : "/membership"}
          >
            {operator ? "Go to the operator workspace" : "Back to Membership"}
          </Link>
          {signedIn ? (
            <div className="rounded bg-brand-700">
              <SignOutButton />
            </div>
          ) : null}
        </div>
      </div>
    </main>
  );
}
