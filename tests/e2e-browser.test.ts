import { describe, expect, it } from "vitest";
import { type BrowserFacts, PLAYWRIGHT_INSTALL, planE2eBrowser } from "../scripts/e2e-browser";

const none: BrowserFacts = {
  system: undefined,
  playwrightStarts: false,
  installTried: false,
  aptGet: true,
  root: true,
};

describe("the end-to-end browser for npm test", () => {
  it("uses Debian's Chromium when it is there, without probing further", () => {
    expect(planE2eBrowser({ ...none, system: "/usr/bin/chromium" })).toEqual({ kind: "use", browser: "system" });
  });
  it("uses Playwright's own when it starts", () => {
    expect(planE2eBrowser({ ...none, playwrightStarts: true })).toEqual({ kind: "use", browser: "playwright" });
  });
  it("downloads Playwright's own once when there is no browser", () => {
    expect(planE2eBrowser(none)).toEqual({ kind: "install" });
    expect(planE2eBrowser({ ...none, installTried: true, playwrightStarts: true })).toEqual({
      kind: "use",
      browser: "playwright",
    });
  });
  it("stops with the one command when the download failed", () => {
    const debianRoot = planE2eBrowser({ ...none, installTried: true });
    expect(debianRoot).toMatchObject({ kind: "stop", command: "apt-get install -y chromium" });
    expect(debianRoot.kind === "stop" && debianRoot.message).toContain("\n  apt-get install -y chromium\n");
    expect(planE2eBrowser({ ...none, installTried: true, root: false })).toMatchObject({
      command: "sudo apt-get install -y chromium",
    });
    expect(planE2eBrowser({ ...none, installTried: true, aptGet: false })).toMatchObject({
      kind: "stop",
      command: PLAYWRIGHT_INSTALL,
    });
  });
});
