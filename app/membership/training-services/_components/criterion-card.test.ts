// The dashboard's criterion cards are markup built as strings (lib/html.ts): they must carry what the React version
// did — the progress bar's role, name and values, the status, the plan hint and a details link named after the card.
import { describe, expect, it } from "vitest";
import { progressBarHtml } from "@/components/ui/progress";
import { jsonProp, readJsonProp } from "@/lib/json-prop";
import {
  averageLineHtml,
  type CriterionCardData,
  criterionCardHtml,
  criterionCardsHtml,
  planHintHtml,
  pointsLineHtml,
} from "./criterion-card";

describe("criterion card markup", () => {
  it("a progress bar clamps its fill and says its values to assistive technology", () => {
    const bar = progressBarHtml({
      value: 45,
      max: 40,
      label: "Exam units: 45 of 40 points",
      valueText: "45 points",
    }).__html;
    expect(bar).toContain('role="progressbar" aria-label="Exam units: 45 of 40 points"');
    expect(bar).toContain('aria-valuemin="0" aria-valuemax="40" aria-valuenow="40" aria-valuetext="45 points"');
    expect(bar).toContain('class="h-2 rounded bg-green-600" style="width:100%"');
    expect(progressBarHtml({ value: 1, max: 4, marker: 2, label: "x" }).__html).toContain('style="left:50%"');
  });

  it("a card names its details link, shows its status and escapes its text", () => {
    const card = criterionCardHtml({
      title: 'Data & "AI"',
      status: "in_progress",
      href: "/membership/training-services/survey-completions?area=data-ai",
      body: [
        pointsLineHtml({ points: 21, threshold: 40, status: "in_progress", meets: false } as never, "Surveys"),
        planHintHtml("3 more <surveys>", false, "surveys"),
      ],
    }).__html;
    expect(card).toContain('<h3 class="font-semibold">Data &amp; &quot;AI&quot;</h3>');
    expect(card).toContain('<span class="badge badge-warning">In progress</span>');
    expect(card).toContain('aria-label="View details: Data &amp; &quot;AI&quot;">View details</a>');
    expect(card).toContain("What it takes (surveys): </span>3 more &lt;surveys&gt;</p>");
    expect(card).toContain("21</span> / 40 points");
    expect(criterionCardHtml({ title: "T", status: "completed", body: [] }).__html).not.toContain("<a ");
  });

  it("an average that only rounds to the threshold is marked just under", () => {
    const line = averageLineHtml({ value: 4.199, threshold: 4.2, meets: false, status: "in_progress" } as never, "Avg");
    expect(line.__html).toContain("(just under)");
    expect(line.__html).toContain('aria-label="Avg: average 4.20 of 5, threshold 4.2"');
  });
});

describe("dashboard cards from their data", () => {
  it("build the same markup as the card built from its parts, and escape what the data carries", () => {
    // As the page sends them: one JSON text (lib/json-prop.ts); a hint without `what` loses the key on the way.
    const cards = jsonProp<CriterionCardData[]>([
      {
        title: "A <b>",
        status: "completed",
        href: "/membership/training-services/courseware",
        lines: [
          { label: "Points", points: { points: 40.5, threshold: 40 } },
          { label: "Avg", average: { value: 4.199, threshold: 4.2, meets: false } },
        ],
        hints: [{ text: "none", met: true, what: "surveys" }],
      },
      { title: "B", status: "in_progress", href: "/b", lines: [], hints: [{ text: "x", met: false, what: undefined }] },
    ]);
    const [fromData, second] = readJsonProp(cards).map((c) => criterionCardsHtml([c]).__html);
    const fromParts = criterionCardHtml({
      title: "A <b>",
      status: "completed",
      href: "/membership/training-services/courseware",
      body: [
        pointsLineHtml({ points: 40.5, threshold: 40 }, "Points"),
        averageLineHtml({ value: 4.199, threshold: 4.2, meets: false }, "Avg"),
        planHintHtml("none", true, "surveys"),
      ],
    }).__html;
    expect(fromData).toBe(fromParts);
    expect(second).toBe(
      criterionCardHtml({ title: "B", status: "in_progress", href: "/b", body: [planHintHtml("x", false)] }).__html,
    );
    expect(fromData).toContain("A &lt;b&gt;");
    expect(fromData).toContain("(just under)");
    expect(fromData).toContain("Headroom (surveys): ");
  });
});
