import { describe, expect, it } from "vitest";
import { renderDigest } from "./render";

const item = (title: string, deadline: string | null, category: "renewals" | "payments" = "renewals") => ({
  category,
  payload: { title, detail: `Detail of ${title}`, href: "/membership/offers", deadline },
});

describe("the digest mail", () => {
  const mail = renderDigest({
    orgName: "Contoso <Ltd>",
    recipientName: "Ada",
    date: "2026-12-24",
    items: [item("Later", "2027-01-10"), item("Sooner", "2026-12-31", "payments"), item("No date", null)],
    appUrl: "https://pmc.example",
    unsubscribe: { all: "https://pmc.example/u?token=all", byCategory: { payments: "https://pmc.example/u?token=p" } },
  });
  it("names the organization and the soonest deadline in the subject", () => {
    expect(mail.subject).toBe("Contoso <Ltd>: Sooner — deadline 2026-12-31 (and 2 more)");
  });
  it("orders items by deadline, with absolute links, in text and escaped HTML", () => {
    expect(mail.text.indexOf("1. Sooner")).toBeLessThan(mail.text.indexOf("2. Later"));
    expect(mail.text).toContain("3. No date");
    expect(mail.text).toContain("Details: https://pmc.example/membership/offers");
    expect(mail.text).toContain('Stop "Wire transfer orders" mails: https://pmc.example/u?token=p');
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toContain("Contoso &lt;Ltd&gt;");
    expect(mail.html).not.toContain("<Ltd>");
    expect(mail.html).toContain('<a href="https://pmc.example/membership/offers"');
  });
});
