import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/lib/auth/access";
import { currentCaller } from "@/lib/auth/guard";
import { ssoProviders } from "@/lib/auth/providers";
import { env } from "@/lib/env";
import { SignInForm } from "./sign-in-form";
import { SsoButtons } from "./sso-buttons";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Without a return address "/" sends each caller to its own workspace (operators to /operator).
  const target = safeReturnPath(callbackUrl, "/");
  const caller = await currentCaller();
  if (caller) redirect(target !== "/" ? target : caller.kind === "operator" ? "/operator" : "/membership");
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-md border border-neutral-200 bg-white p-6 shadow-sm">
        <p className="text-sm font-semibold text-brand-700">Partner Membership Center</p>
        <h1 className="mb-4 mt-1 text-xl font-semibold">Sign in</h1>
        <SsoButtons providers={ssoProviders(env())} callbackUrl={target} />
        <SignInForm callbackUrl={target} />
      </div>
    </main>
  );
}
