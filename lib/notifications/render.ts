// SPEC §12: the digest mail, HTML and plain text. Accessible: a language, a title, one heading per
// item, real links with descriptive text, no images or colour-only meaning. Links are absolute
// (APP_URL) and carry no secret; the only token is the signed unsubscribe one. Pure.
import type { EventPayload } from "@/db/schema";
import { escapeHtml as esc } from "@/lib/html";
import { CATEGORY_LABELS, type Category } from "@/lib/rules/notifications";

export type DigestItem = { category: Category; payload: EventPayload };

export type DigestInput = {
  orgName: string;
  recipientName: string;
  date: string;
  items: DigestItem[];
  appUrl: string;
  /** Signed one-click links: all of this mail's categories, and one per category. Null without a secret. */
  unsubscribe: { all: string; byCategory: Partial<Record<Category, string>> } | null;
};

export type RenderedMail = { subject: string; text: string; html: string };

/** Soonest deadline first, then items without one, in the order they came. */
export function orderItems(items: DigestItem[]): DigestItem[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => {
      const x = a.item.payload.deadline;
      const y = b.item.payload.deadline;
      if (x !== y) return x === null ? 1 : y === null ? -1 : x.localeCompare(y);
      return a.i - b.i;
    })
    .map((e) => e.item);
}

/** "Contoso: renew by 2026-12-15 — Solutions Partner designation: … (and 2 more)". */
export function digestSubject(orgName: string, items: DigestItem[]): string {
  const [first] = items;
  if (!first) return `${orgName}: notifications`;
  const deadline = first.payload.deadline ? ` — deadline ${first.payload.deadline}` : "";
  const more = items.length > 1 ? ` (and ${items.length - 1} more)` : "";
  return `${orgName}: ${first.payload.title}${deadline}${more}`.replace(/[\r\n]+/g, " ").slice(0, 250);
}

export function renderDigest(input: DigestInput): RenderedMail {
  const items = orderItems(input.items);
  const subject = digestSubject(input.orgName, items);
  const prefs = `${input.appUrl}/membership/notifications`;
  const abs = (href: string) => `${input.appUrl}${href}`;
  const categories = [...new Set(items.map((i) => i.category))];

  const text = [
    `Hello ${input.recipientName},`,
    "",
    `${items.length === 1 ? "One thing needs" : `${items.length} things need`} attention for ${input.orgName} (${input.date}):`,
    "",
    ...items.flatMap((i, n) => [
      `${n + 1}. ${i.payload.title}`,
      ...(i.payload.deadline ? [`   Deadline: ${i.payload.deadline}`] : []),
      `   ${i.payload.detail}`,
      `   Details: ${abs(i.payload.href)}`,
      "",
    ]),
    `Why you get this: you are an admin of ${input.orgName} and these notifications are on.`,
    `Choose which notifications you get: ${prefs}`,
    ...(input.unsubscribe
      ? categories.map(
          (c) =>
            `Stop "${CATEGORY_LABELS[c].label}" mails: ${input.unsubscribe!.byCategory[c] ?? input.unsubscribe!.all}`,
        )
      : []),
  ].join("\n");

  const li = items
    .map(
      (i) => `<li style="margin:0 0 16px 0">
<h2 style="font-size:16px;margin:0 0 4px 0">${esc(i.payload.title)}</h2>
${i.payload.deadline ? `<p style="margin:0 0 4px 0"><strong>Deadline:</strong> ${esc(i.payload.deadline)}</p>` : ""}
<p style="margin:0 0 4px 0">${esc(i.payload.detail)}</p>
<p style="margin:0"><a href="${esc(abs(i.payload.href))}" style="color:#0b4f8a">Open the details: ${esc(i.payload.title)}</a></p>
</li>`,
    )
    .join("\n");
  const unsub = input.unsubscribe
    ? categories
        .map(
          (c) =>
            `<a href="${esc(input.unsubscribe!.byCategory[c] ?? input.unsubscribe!.all)}" style="color:#0b4f8a">Stop “${esc(CATEGORY_LABELS[c].label)}” mails</a>`,
        )
        .join(" · ")
    : "";
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(subject)}</title></head>
<body style="font-family:Segoe UI,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1f1f1f;background:#ffffff;margin:0;padding:16px">
<main>
<h1 style="font-size:20px;margin:0 0 8px 0">${esc(input.orgName)}: ${items.length === 1 ? "one thing needs" : `${items.length} things need`} attention</h1>
<p style="margin:0 0 16px 0">Hello ${esc(input.recipientName)}, here is the Partner Membership Center digest of ${esc(input.date)}.</p>
<ol style="padding-left:20px;margin:0 0 16px 0">
${li}
</ol>
<hr style="border:none;border-top:1px solid #cccccc">
<p style="font-size:13px;color:#4a4a4a">You get this because you are an admin of ${esc(input.orgName)} and these notifications are on.
<a href="${esc(prefs)}" style="color:#0b4f8a">Choose which notifications you get</a>${unsub ? ` · ${unsub}` : ""}</p>
</main>
</body></html>`;
  return { subject, text, html };
}
