import { spawnSync } from "node:child_process";
import fs from "node:fs";

// Which Chromium the end-to-end tests use. Debian's where it exists (playwright.config.ts); else
// Playwright's own, downloaded once when it can be; else `npm test` stops before running anything,
// naming the one command that gets a browser, rather than failing every end-to-end test.

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export function systemChromium(): string | undefined {
  return fs.existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
}

export type BrowserFacts = {
  system: string | undefined; // Debian's Chromium
  playwrightStarts: boolean; // Playwright's own Chromium is installed and starts
  installTried: boolean; // `npx playwright install chromium` was run in this invocation
  aptGet: boolean; // a Debian-like machine
  root: boolean;
};

export type BrowserPlan =
  | { kind: "use"; browser: "system" | "playwright" }
  | { kind: "install" }
  | { kind: "stop"; command: string; message: string };

export const PLAYWRIGHT_INSTALL = "npx playwright install chromium";

/** The decision alone (tested in tests/e2e-browser.test.ts); `ensureE2eBrowser` gathers the facts. */
export function planE2eBrowser(f: BrowserFacts): BrowserPlan {
  if (f.system) return { kind: "use", browser: "system" };
  if (f.playwrightStarts) return { kind: "use", browser: "playwright" };
  if (!f.installTried) return { kind: "install" };
  // The download failed (no network to Playwright's CDN): Debian's package is the other way.
  const command = f.aptGet ? `${f.root ? "" : "sudo "}apt-get install -y chromium` : PLAYWRIGHT_INSTALL;
  return {
    kind: "stop",
    command,
    message: `The end-to-end tests need Chromium: there is no ${SYSTEM_CHROMIUM} and Playwright's own could not be downloaded. Run:\n\n  ${command}\n\nthen npm test again.`,
  };
}

function playwrightStarts(): boolean {
  const probe = `import("@playwright/test").then(async ({ chromium }) => { const b = await chromium.launch({ args: ["--no-sandbox"] }); await b.close(); }).catch(() => process.exit(1));`;
  return spawnSync(process.execPath, ["-e", probe], { stdio: "ignore", timeout: 60_000 }).status === 0;
}

/** Returns when a browser is there (downloading Playwright's once if needed); exits with the command otherwise. */
export function ensureE2eBrowser(): void {
  const facts: BrowserFacts = {
    system: systemChromium(),
    playwrightStarts: false,
    installTried: false,
    aptGet: fs.existsSync("/usr/bin/apt-get"),
    root: process.getuid?.() === 0,
  };
  if (!facts.system) facts.playwrightStarts = playwrightStarts();
  let plan = planE2eBrowser(facts);
  if (plan.kind === "install") {
    console.log(`\n▶ ${PLAYWRIGHT_INSTALL} (no ${SYSTEM_CHROMIUM}; the end-to-end tests need a browser)`);
    const cli = "node_modules/@playwright/test/cli.js";
    const installed = spawnSync(process.execPath, [cli, "install", "chromium"], { stdio: "inherit", timeout: 600_000 });
    facts.installTried = true;
    facts.playwrightStarts = installed.status === 0 && playwrightStarts();
    plan = planE2eBrowser(facts);
  }
  if (plan.kind === "stop") {
    console.error(`\n✗ ${plan.message}`);
    process.exit(1);
  }
}
