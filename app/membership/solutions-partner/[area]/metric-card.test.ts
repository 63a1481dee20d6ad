// The area page sends each metric card as plain data (MetricCardView) and builds its markup where it renders: the
// data must survive the trip to the browser (no BigInt fractions, nothing the card does not show) and carry all the
// card shows — figures, steps, the plan's changes and the download link.
import { describe, expect, it } from "vitest";
import { jsonProp, readJsonProp } from "@/lib/json-prop";
import { evaluateTrack } from "@/lib/rules/solutions-partner/evaluate";
import { planSolutionsPartnerTrack } from "@/lib/rules/solutions-partner/planner";
import { atThresholds, R, setCerts } from "@/lib/rules/solutions-partner/test-helpers";
import { metricCardHtml, metricCardView } from "./metric-card";

describe("metric card from its data", () => {
  const inputs = setCerts(atThresholds("modern-work", "enterprise"), "modern-work", "advanced", null, 0);
  const track = evaluateTrack(R, "modern-work", "enterprise", inputs)!;
  const plan = planSolutionsPartnerTrack(R, "modern-work", "enterprise", inputs);
  const result = track.metrics.find((m) => m.id === "advanced-certifications")!;
  const metricPlan = plan.metrics.find((p) => p.metric === "advanced-certifications")!;
  const view = metricCardView(result, "/download?a=1&b=2", metricPlan);

  it("is plain JSON: what the page's payload can carry, and only the fields the card shows", () => {
    expect(readJsonProp(jsonProp([view]))).toEqual([view]); // as the page sends the cards (lib/json-prop.ts)
    expect(Object.keys(view)).not.toContain("pointsExact");
    expect(Object.keys(view)).not.toContain("candidates");
    expect(view.plan!.toMax.length).toBeLessThanOrEqual(3);
  });

  it("builds the card: points, the plan's first change, at-zero warning and an escaped download link", () => {
    const card = metricCardHtml(view).__html;
    expect(card).toContain(`${result.pointsText} / ${result.max}`);
    expect(card).toContain(metricPlan.toMax[0]!.text);
    expect(card).toContain("At 0 points: the area cannot qualify");
    expect(card).toContain('href="/download?a=1&amp;b=2" download>Download line items</a>');
    expect(card).toContain('data-testid="metric-plan"');
  });
});
