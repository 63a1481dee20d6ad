// What one page view in a real browser asks of the server: the document and every fetch the page makes after it
// (next/link prefetches, RSC requests), for each build given. Not a benchmark figure; a count.
//   npx tsx bench/page-requests.ts --db pmc_base --builds .next-old,.next-new [--path /membership/training-services]
import fs from "node:fs";
import { chromium } from "@playwright/test";
import { parseArgs } from "./lib/args";

const args = parseArgs(process.argv.slice(2), { db: "string", builds: "string", path: "string", wait: "number" });
process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${String(args.db ?? "pmc_bench")}`;
const { APP_ENV, toolSession } = await import("./lib/context");
const { freePort, startServer } = await import("./lib/server");

const session = await toolSession();
const at = session.cookie.indexOf("=");
const path = String(args.path ?? "/membership/training-services");
// Debian's Chromium where it is installed (this machine cannot download Playwright's own browser).
const executablePath = fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
for (const dist of String(args.builds ?? ".next-bench").split(",")) {
  const srv = await startServer({ ...process.env, ...APP_ENV, NEXT_DIST_DIR: dist }, await freePort());
  const browser = await chromium.launch({ executablePath, args: executablePath ? ["--no-sandbox"] : [] });
  try {
    const context = await browser.newContext();
    await context.addCookies([
      { name: session.cookie.slice(0, at), value: session.cookie.slice(at + 1), url: srv.url },
    ]);
    const page = await context.newPage();
    const seen: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() !== "document" && r.resourceType() !== "fetch") return;
      const prefetch = r.headers()["next-router-prefetch"] ? " (prefetch)" : "";
      seen.push(`${r.resourceType()} ${r.url().replace(srv.url, "")}${prefetch}`);
    });
    await page.goto(srv.url + path);
    await page.waitForTimeout(Number(args.wait ?? 4) * 1000); // prefetches start when the browser is idle
    console.log(`${dist}: ${seen.length} requests to the server for one view of ${path}`);
    for (const r of seen) console.log(`  ${r}`);
  } finally {
    await browser.close();
    await srv.stop();
  }
}
process.exit(0);
