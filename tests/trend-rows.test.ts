// The trend chart's table rows are one escaped string built where the chart renders (components/charts): they must
// read as the React rows did — the month as a row header, value and threshold in the chart's number format, met or
// not — and a missing value as a dash.
import { expect, it } from "vitest";
import { trendRowsHtml } from "@/components/charts/trend-format";

it("builds one row per month with the kind's format", () => {
  const rows = trendRowsHtml(
    [
      { month: "2026-10", value: 1234.5, threshold: 1000, met: true },
      { month: "2026-11", value: null, threshold: 1000, met: false },
    ],
    "points",
  ).__html;
  expect(rows.match(/<tr>/g)).toHaveLength(2);
  expect(rows).toContain('<th scope="row" class="px-2 py-1 text-left font-normal">2026-10</th>');
  expect(rows).toContain('<td class="px-2 py-1 text-right tabular-nums">1,234.5</td>');
  expect(rows).toContain('<td class="px-2 py-1 text-right tabular-nums">—</td>');
  expect(rows).toContain('<td class="px-2 py-1">Yes</td>');
  expect(rows).toContain('<td class="px-2 py-1">No</td>');
});

it("escapes what it is given", () => {
  const rows = trendRowsHtml([{ month: "<b>", value: 4.25, threshold: 4.2, met: true }], "average").__html;
  expect(rows).toContain(">&lt;b&gt;</th>");
  expect(rows).not.toContain("<b>");
});
