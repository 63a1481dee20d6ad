import type { Metadata } from "next";

export const metadata: Metadata = { title: "Sign-in refused" };

// SPEC §11: where a single sign-on that cannot go on ends — the signIn callback's refusals
// (`reason`) and Auth.js's own errors (`error`, e.g. a callback whose state, PKCE or nonce does not
// match). Nothing was created in either case; the refusal is in the audit log.
const REASONS: Record<string, { title: string; text: string }> = {
  unknown: {
    title: "You have not been added yet",
    text: "Your sign-in worked at your identity provider, but no user of Partner Membership Center has this account's email address. There is no self-registration: ask your organization's global admin to add you, then sign in again.",
  },
  tenant: {
    title: "This account's tenant is not accepted",
    text: "Your organization accepts single sign-on only from its own Microsoft Entra tenants, and this account belongs to another one. Sign in with your work account, or ask your organization's global admin to add your tenant.",
  },
  disabled: {
    title: "Your user is disabled",
    text: "Your organization has disabled your user in Partner Membership Center. Ask your organization's global admin if you need access again.",
  },
  linked_elsewhere: {
    title: "Another account is linked to this user",
    text: "A different account of this identity provider is already linked to the user with this email address. Sign in with that account, or ask your organization's global admin to unlink it first.",
  },
  no_email: {
    title: "No verified email address",
    text: "Your identity provider did not send a verified email address, so this account cannot be matched to a user. Ask your organization's global admin or your IT department.",
  },
};
const FAILED = {
  title: "Sign-in could not be completed",
  text: "The answer from the identity provider did not match this browser's sign-in request: it may have expired, been used already or been altered. Nothing was changed. Start the sign-in again.",
};

export default async function SignInRefusedPage({
  searchParams,
}: {
  searchParams: Promise<{ reason?: string | string[] }>;
}) {
  const { reason } = await searchParams;
  const page = (typeof reason === "string" && Object.hasOwn(REASONS, reason) && REASONS[reason]) || FAILED;
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="max-w-lg rounded-md border border-neutral-200 bg-white p-6 shadow-sm">
        <p className="text-sm font-semibold text-neutral-600">Sign-in refused</p>
        <h1 className="mt-1 text-xl font-semibold">{page.title}</h1>
        <p className="mt-3 text-sm text-neutral-700">{page.text}</p>
        <a className="mt-4 inline-block text-sm font-semibold text-brand-700 underline" href="/sign-in">
          Back to sign-in
        </a>
      </div>
    </main>
  );
}
