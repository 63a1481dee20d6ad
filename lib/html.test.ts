import { describe, expect, it } from "vitest";
import { escapeHtml, html } from "./html";

describe("html", () => {
  it("escapes every interpolated text, in content and in attributes", () => {
    const name = `<script>alert("x")</script> & 'co'`;
    expect(html`<a href="${name}">${name}</a>`.__html).toBe(
      `<a href="${escapeHtml(name)}">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</a>`,
    );
  });

  it("keeps its own markup, joins arrays and renders nothing for null, undefined and booleans", () => {
    const cells = ["a<b", "c"].map((c) => html`<td>${c}</td>`);
    expect(html`<tr>${cells}${null}${undefined}${false}${true}${3}</tr>`.__html).toBe(
      "<tr><td>a&lt;b</td><td>c</td>3</tr>",
    );
  });

  it("does not trust an object that merely looks like its markup", () => {
    const forged = { __html: "<img src=x onerror=alert(1)>" };
    expect(html`${forged as never}`.__html).toBe("[object Object]");
  });
});
