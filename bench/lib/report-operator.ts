// The operator step's targets and table (bench/lib/step-operator.ts): SPEC §10's Organizations list at
// --op-orgs vs --op-orgs-small organizations; the targets: p50 large ≤ 1.2 × p50 small, and
// requests/s ≥ 0.5 × the control's.
import { fmt, short } from "./context";
import { OP_VARIANTS } from "./operator-data";
import type { OperatorResults } from "./step-operator";

type Target = { target: string; value: string; met: boolean };

export function operatorTargets(results: Record<string, unknown>): Target[] {
  const op = results.operator as OperatorResults | undefined;
  if (!op) return [];
  const [s, l] = [short(op.orgs.small), short(op.orgs.large)];
  const out: Target[] = [];
  for (const v of OP_VARIANTS) {
    const h = op.http[v.id];
    if (!h) continue;
    out.push({
      target: `Operator list, ${v.label}: p50 ${l} orgs ≤ 1.2 × p50 ${s} orgs`,
      value: `${fmt(h.large.p50)} ms vs ${fmt(h.small.p50)} ms = ${fmt(h.large.p50 / h.small.p50, 2)}×`,
      met: h.large.p50 <= 1.2 * h.small.p50,
    });
    // Against the control slices just before and after each round when the run has them (step-operator.ts), as in
    // the HTTP step; the ratio to the whole step's control is shown beside it.
    const whole = h.large.requestsPerSec / op.control.requestsPerSec;
    const near = op.adjacent?.[v.id]?.large;
    const shown = `${fmt(h.large.requestsPerSec, 1)} vs ${fmt(op.control.requestsPerSec, 1)} = ${fmt(whole, 2)}×`;
    out.push({
      target: `Operator list, ${v.label} (${l} orgs): req/s ≥ 0.5 × control`,
      value: near === undefined ? shown : `${fmt(near, 2)}× the adjacent control slices (whole step: ${shown})`,
      met: (near ?? whole) >= 0.5,
    });
  }
  return out;
}

/** The step's lines of the printed report (Markdown). */
export function operatorTable(results: Record<string, unknown>): string[] {
  const op = results.operator as OperatorResults | undefined;
  if (!op) return [];
  const [s, l] = [short(op.orgs.small), short(op.orgs.large)];
  const lines = [
    "",
    `Operator Organizations list, ${s} vs ${l} organizations (control /sign-in: ${fmt(op.control.requestsPerSec, 1)} req/s, p50 ${fmt(op.control.p50)} ms):`,
    "",
    `| variant | selected ${s} / ${l} | req/s ${s} | req/s ${l} | p50 ms ${s} | p50 ms ${l} | p50 ratio | p99 ms ${l} | DB ms ${s} / ${l} |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const v of OP_VARIANTS) {
    const h = op.http[v.id];
    const d = op.dbMs[v.id];
    if (!h || !d) continue;
    lines.push(
      `| ${v.label} | ${fmt(h.small.total)} / ${fmt(h.large.total)} | ${fmt(h.small.requestsPerSec, 1)} | ${fmt(h.large.requestsPerSec, 1)} | ${fmt(h.small.p50)} | ${fmt(h.large.p50)} | ${fmt(h.large.p50 / h.small.p50, 2)}× | ${fmt(h.large.p99)} | ${fmt(d.small.median, 2)} / ${fmt(d.large.median, 2)} |`,
    );
  }
  lines.push(
    "",
    `CSV export (unfiltered, once): ${fmt(op.export.small.rows)} rows in ${fmt(op.export.small.ms)} ms · ${fmt(op.export.large.rows)} rows in ${fmt(op.export.large.ms)} ms (${fmt(op.export.large.bytes / 1024)} KiB)`,
    "",
    `EXPLAIN (ANALYZE, BUFFERS) execution ms of each statement at ${s} / ${l} organizations:`,
    "",
    "| variant | statement | ms | plan (top nodes) |",
    "| --- | --- | ---: | --- |",
  );
  for (const st of op.statements)
    lines.push(
      `| ${st.variant} | ${st.sql.startsWith("select count") ? "count" : "page"} | ${fmt(st.smallMs, 2)} / ${fmt(st.largeMs, 2)} | ${planShape(st.largePlan)} |`,
    );
  return lines;
}

/** The plan's node names and the indexes they use, outermost first, without the per-row subplans. */
export function planShape(plan: string): string {
  const nodes: string[] = [];
  const page = plan.startsWith("Limit");
  for (const line of plan.split("\n")) {
    if (page && /^ {8}SubPlan/.test(line)) break; // the page's select-list subqueries, run for its 50 rows
    const m = /^\s*(?:->\s*)?([A-Z][A-Za-z -]+?)(?: using (\w+))?(?: on \w+(?: \w+)?)?\s+\(cost/.exec(line);
    if (m) nodes.push(m[2] ? `${m[1]} (${m[2]})` : m[1]!);
  }
  return nodes.join(" → ");
}
