// "Why can't I buy?" is built as a string from the checks where it renders: it must keep what the React version
// showed — each check's data attributes, met or not, its detail escaped, and a fix link only where one helps.
import { describe, expect, it } from "vitest";
import { whyNotHtml } from "./why-not";

describe("why-not checks as markup", () => {
  const markup = whyNotHtml(
    [
      { id: "verified", label: "Account verified", met: true, detail: "Verified <ok>" },
      { id: "qualified", label: "Qualified", met: false, detail: "Not yet", href: "/membership/training-services" },
      { id: "window", label: "Renewal window", met: true, detail: "Open", href: "/x" },
    ],
    "Why can't I buy?",
  ).__html;

  it("lists every check with its verdict and escapes its text", () => {
    expect(markup).toContain(
      '<summary class="cursor-pointer font-semibold text-brand-700">Why can&#39;t I buy?</summary>',
    );
    expect(markup).toContain('data-check="verified" data-met="true"');
    expect(markup).toContain('data-check="qualified" data-met="false"');
    expect(markup).toContain('Account verified: </span><span class="font-semibold">met</span>');
    expect(markup).toContain("Verified &lt;ok&gt;");
  });

  it("links to the fix only for a check that is not met", () => {
    expect(markup).toContain(
      '<a class="text-brand-700 underline" href="/membership/training-services">See the program dashboard</a>',
    );
    expect(markup).not.toContain('href="/x"');
  });
});
