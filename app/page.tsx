import { redirect } from "next/navigation";
import { currentCaller } from "@/lib/auth/guard";

// Each caller lands in its own workspace: operators on /operator (SPEC §10), everyone else on
// /membership (which sends a signed-out visitor to sign-in).
export default async function Home() {
  const caller = await currentCaller();
  redirect(caller?.kind === "operator" ? "/operator" : "/membership");
}
