import { signOutAction } from "./sign-out";

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="rounded px-2 py-1 text-sm font-semibold text-white hover:bg-white/15">
        Sign out
      </button>
    </form>
  );
}
