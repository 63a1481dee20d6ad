"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { safeReturnPath } from "@/lib/auth/access";
import { signIn } from "@/lib/auth/config";
import { lockMessage, throttleMessage } from "@/lib/auth/rate-limit";
import { logUnexpected } from "@/lib/log";

export type SignInState = { message?: string; email?: string };
const GENERIC = "The email or password is incorrect.";
const SSO_REQUIRED =
  "Your organization requires single sign-on: use the sign-in button of your identity provider above. Passwords are not accepted for its users.";

const input = z.object({
  email: z.string().trim().min(1, "Enter your email").max(320),
  password: z.string().min(1, "Enter your password").max(200),
  callbackUrl: z.string().max(2000).optional(),
});

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  if (!(form instanceof FormData)) return { message: "Enter your email" }; // a hand-made call without a form
  const parsed = input.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { message: parsed.error.issues[0]!.message, email: String(form.get("email") ?? "") };
  const { email, password, callbackUrl } = parsed.data;
  try {
    await signIn("credentials", { email, password, redirectTo: safeReturnPath(callbackUrl, "/") });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const code = String(error.code ?? "");
      if (code.startsWith("locked:")) return { message: lockMessage(Number(code.slice(7))), email };
      if (code.startsWith("throttled:")) return { message: throttleMessage(Number(code.slice(10))), email };
      if (code === "sso_required") return { message: SSO_REQUIRED, email };
      return { message: GENERIC, email };
    }
    if (error instanceof AuthError) {
      const ref = logUnexpected(error, { action: "sign-in" });
      return { message: `Sign-in failed unexpectedly (reference ${ref}). Try again.`, email };
    }
    throw error; // NEXT_REDIRECT on success
  }
}
