// Browser sign-ins through the sign-in form (SPEC §9): each in a fresh browser context, timed;
// a sign-in that has not reached the workspace within `timeoutMs` is reported with what the page
// and the network were doing, to tell a server that did not answer from a page that did not go on.
import fs from "node:fs";
import { type Browser, chromium } from "@playwright/test";

export type SignInProbe = { email: string; ms: number; ok: boolean; detail?: string };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
}

/** Signs `email` in through the form at `base` and waits for /membership; never throws. */
export async function browserSignIn(
  browser: Browser,
  base: string,
  email: string,
  password: string,
  timeoutMs = 20_000,
  javaScriptEnabled = true,
): Promise<SignInProbe> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const log: string[] = [];
  const t0 = Date.now();
  const at = () => `${String(Date.now() - t0).padStart(5)} ms`;
  page.on("request", (r) => {
    if (!r.url().includes("/_next/static"))
      log.push(
        `${at()} → ${r.method()} ${r.url().replace(base, "")}${r.headers()["next-action"] ? " (action)" : ""}${r.headers().rsc ? " (rsc)" : ""}`,
      );
  });
  // response() rejects once the context is closed; a late event must not end the suite
  page.on("requestfinished", (r) => {
    if (!r.url().includes("/_next/static"))
      r.response().then(
        (res) => log.push(`${at()} ← ${res?.status()} ${r.url().replace(base, "")}`),
        () => {},
      );
  });
  page.on("requestfailed", (r) => log.push(`${at()} ✗ ${r.url().replace(base, "")}: ${r.failure()?.errorText}`));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning")
      log.push(`${at()} console.${m.type()}: ${m.text().slice(0, 200)}`);
  });
  page.on("pageerror", (e) => log.push(`${at()} pageerror: ${e.message.slice(0, 200)}`));
  try {
    await page.goto(`${base}/sign-in?callbackUrl=%2Fmembership`);
    const started = Date.now();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    try {
      await page.waitForURL((u) => u.pathname === "/membership", { timeout: timeoutMs });
      await page.locator("h1").first().waitFor({ timeout: timeoutMs }); // the workspace, or the 403 page of a member
      return { email, ms: Date.now() - started, ok: true };
    } catch {
      const button = await page
        .locator("form button[type=submit]")
        .first()
        .textContent({ timeout: 500 })
        .catch(() => "?");
      const alert = await page
        .locator("main [role=alert]")
        .first()
        .textContent({ timeout: 500 })
        .catch(() => "");
      return {
        email,
        ms: Date.now() - started,
        ok: false,
        detail: `still at ${page.url().replace(base, "")}, button “${button}”, alert “${alert}”\n${log.join("\n")}`,
      };
    }
  } finally {
    await context.close();
  }
}
