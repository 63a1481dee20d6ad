// The report of `npm run bench`: the SPEC §9 targets (met or missed) and the Markdown
// tables printed at the end and kept in results.table — for the steps that ran (--only).

import { type BenchOptions, fmt, short } from "./context";
import type { LoadResult, Timing } from "./measure";
import { ROUTES } from "./pages";
import { operatorTable, operatorTargets } from "./report-operator";
import { CONTROL } from "./step-http";
import type { StatementTiming } from "./step-queries";

type Import = {
  ratio: number;
  peakRssMB: number;
  importRowsPerSec: number;
  copyRowsPerSec: number;
  importSeconds: number;
  copySeconds: number;
  phases?: Record<string, number>;
  reimport?: { seconds: number; rowsPerSec: number; ratio: number; peakRssMB: number };
};
type Download = {
  ratio: number;
  serverPeakRssMB: number;
  routeSeconds: number;
  copySeconds: number;
  rows: number;
  serverRssBeforeMB: number;
  firstByteMs: number;
};
export type Target = { target: string; value: string; met: boolean };

const PHASE_PATHS = "firstLoad + firstRollup, or duplicates + merge + rollup";

export function targets(opts: BenchOptions, results: Record<string, unknown>): Target[] {
  const out: Target[] = [];
  const http = results.http as Record<string, LoadResult> | undefined;
  if (http) {
    const controlRps = http.control!.requestsPerSec;
    const controlP99 = http.control!.p99;
    const adjacent = results.httpAdjacent as Record<string, number> | undefined;
    for (const r of ROUTES) {
      const m = http[`${r.id}@main`]!;
      const t = http[`${r.id}@twin`]!;
      out.push({
        target: `${r.label}: p50 ${short(opts.scale)} ≤ 1.2 × p50 ${short(opts.twinScale)}`,
        value: `${fmt(m.p50)} ms vs ${fmt(t.p50)} ms = ${fmt(m.p50 / t.p50, 2)}×`,
        met: m.p50 <= 1.2 * t.p50,
      });
      for (const [who, x] of [
        [short(opts.scale), m],
        [short(opts.twinScale), t],
      ] as const) {
        // SPEC §9: every signed-in page ≥ 0.7 × the control's req/s, p99 ≤ 2 × the control's p99. The ratio is
        // taken against the control slices just before and after each of the route's rounds (step-http.ts), when
        // the run has them; the ratio to the whole step's control is shown beside it.
        const page = r.kind === "page";
        const share = page ? 0.7 : 0.4;
        const whole = x.requestsPerSec / controlRps;
        const near = adjacent?.[`${r.id}@${x === m ? "main" : "twin"}`];
        const shown = `${fmt(x.requestsPerSec, 1)} vs ${fmt(controlRps, 1)} = ${fmt(whole, 2)}×`;
        out.push({
          target: `${r.label} (${who}): req/s ≥ ${share} × control`,
          value: near === undefined ? shown : `${fmt(near, 2)}× the adjacent control slices (whole step: ${shown})`,
          met: (near ?? whole) >= share,
        });
        if (page)
          out.push({
            target: `${r.label} (${who}): p99 ≤ 2 × control p99`,
            value: `${fmt(x.p99)} ms vs ${fmt(controlP99)} ms = ${fmt(x.p99 / controlP99, 2)}×`,
            met: x.p99 <= 2 * controlP99,
          });
      }
    }
  }
  const imp = results.import as Import | undefined;
  if (imp) {
    out.push({
      target: "Import (first load) ≥ 0.8 × COPY throughput",
      value: `${fmt(imp.importRowsPerSec)} vs ${fmt(imp.copyRowsPerSec)} rows/s = ${fmt(imp.ratio, 2)}×`,
      met: imp.ratio >= 0.8,
    });
    out.push({ target: "Import peak RSS < 300 MB", value: `${fmt(imp.peakRssMB)} MB`, met: imp.peakRssMB < 300 });
    const re = imp.reimport;
    if (re) {
      out.push({
        target: "Re-import (merge into every row) ≥ 0.5 × COPY throughput",
        value: `${fmt(re.rowsPerSec)} vs ${fmt(imp.copyRowsPerSec)} rows/s = ${fmt(re.ratio, 2)}×`,
        met: re.ratio >= 0.5,
      });
      out.push({ target: "Re-import peak RSS < 300 MB", value: `${fmt(re.peakRssMB)} MB`, met: re.peakRssMB < 300 });
    }
  }
  const dl = results.download as Download | undefined;
  if (dl) {
    out.push({
      target: "Download ≥ 0.8 × COPY TO throughput",
      value: `${fmt(dl.routeSeconds, 2)} s vs ${fmt(dl.copySeconds, 2)} s = ${fmt(dl.ratio, 2)}×`,
      met: dl.ratio >= 0.8,
    });
    out.push({
      target: "Download: server peak RSS < 300 MB",
      value: `${fmt(dl.serverPeakRssMB)} MB (before: ${fmt(dl.serverRssBeforeMB)} MB)`,
      met: dl.serverPeakRssMB < 300,
    });
  }
  out.push(...operatorTargets(results));
  return out;
}

export function reportTable(opts: BenchOptions, results: Record<string, unknown>, list: Target[]): string {
  const table: string[] = [];
  const row = (cells: string[]) => table.push(`| ${cells.join(" | ")} |`);
  const scale = [...opts.only].some((s) => s !== "operator")
    ? `scale ${fmt(opts.scale)} vs ${fmt(opts.twinScale)}, `
    : "";
  table.push(
    `Date ${results.date}, ${scale}steps ${[...opts.only].join(", ")}, load average (1/5/15 min) ${JSON.stringify(results.loadAverage)}`,
  );
  if (results.postgresRestartedDuringRun)
    table.push("**PostgreSQL was restarted during this run: the figures are not comparable.**");
  const http = results.http as Record<string, LoadResult> | undefined;
  const queries = results.queries as Record<string, Record<string, Timing>> | undefined;
  if (http) {
    table.push("");
    row(["route", "org", "req/s", "p50 ms", "p99 ms", "DB ms (median, whole request)"]);
    row(["---", "---", "---:", "---:", "---:", "---:"]);
    row([
      CONTROL.label,
      "—",
      fmt(http.control!.requestsPerSec, 1),
      fmt(http.control!.p50),
      fmt(http.control!.p99),
      "0",
    ]);
    row([
      "Reference: /api/health (route handler, select 1)",
      "—",
      fmt(http.health!.requestsPerSec, 1),
      fmt(http.health!.p50),
      fmt(http.health!.p99),
      "—",
    ]);
    for (const r of ROUTES) {
      for (const who of ["main", "twin"] as const) {
        const h = http[`${r.id}@${who}`]!;
        row([
          r.label,
          who === "main" ? short(opts.scale) : short(opts.twinScale),
          fmt(h.requestsPerSec, 1),
          fmt(h.p50),
          fmt(h.p99),
          queries ? fmt(queries[`${r.id}@${who}`]!.total!.median, 1) : "—",
        ]);
      }
    }
  }
  const imp = results.import as Import | undefined;
  const dl = results.download as Download | undefined;
  if (imp || dl) {
    table.push("");
    row(["bulk path", "rows", "app", "PostgreSQL COPY", "ratio", "peak RSS"]);
    row(["---", "---:", "---:", "---:", "---:", "---:"]);
    if (imp)
      row([
        "import (courseware completions)",
        fmt(opts.importRows),
        `${fmt(imp.importSeconds, 1)} s (${fmt(imp.importRowsPerSec)} rows/s)`,
        `${fmt(imp.copySeconds, 1)} s (${fmt(imp.copyRowsPerSec)} rows/s)`,
        `${fmt(imp.ratio, 2)}×`,
        `${fmt(imp.peakRssMB)} MB (import process)`,
      ]);
    if (imp?.reimport)
      row([
        "re-import (same file: merge)",
        fmt(opts.importRows),
        `${fmt(imp.reimport.seconds, 1)} s (${fmt(imp.reimport.rowsPerSec)} rows/s)`,
        `${fmt(imp.copySeconds, 1)} s (${fmt(imp.copyRowsPerSec)} rows/s)`,
        `${fmt(imp.reimport.ratio, 2)}×`,
        `${fmt(imp.reimport.peakRssMB)} MB (import process)`,
      ]);
    if (dl)
      row([
        "download (CSV route)",
        fmt(dl.rows),
        `${fmt(dl.routeSeconds, 2)} s (first byte ${fmt(dl.firstByteMs)} ms)`,
        `${fmt(dl.copySeconds, 2)} s (COPY TO STDOUT)`,
        `${fmt(dl.ratio, 2)}×`,
        `${fmt(dl.serverPeakRssMB)} MB (server, ${fmt(dl.serverRssBeforeMB)} before)`,
      ]);
  }
  const embedded = results.embeddedImport as
    | { completions: { rows: number; seconds: number; rowsPerSec: number }; organizationSeconds: number }
    | undefined;
  if (embedded)
    table.push(
      "",
      `Embedded database (PGlite): ${fmt(embedded.completions.rows)} completions imported in ` +
        `${fmt(embedded.completions.seconds, 1)} s (${fmt(embedded.completions.rowsPerSec)} rows/s); ` +
        `the whole ${short(opts.scale)} organization in ${fmt(embedded.organizationSeconds, 1)} s`,
    );
  const plan = results.downloadPlan as { pageMsAfterImport: number[] } | undefined;
  if (plan)
    table.push(
      "",
      "Download keyset pages (5,000 rows, the PGlite path) right after the import (which ran ANALYZE): " +
        `${plan.pageMsAfterImport.map((x) => fmt(x)).join(", ")} ms`,
    );
  if (imp?.phases)
    table.push(
      "",
      `Import phases (s): ${Object.entries(imp.phases)
        .map(([k, v]) => `${k} ${fmt(v, 1)}`)
        .join(
          " · ",
        )} (parse ⊂ validate, which on PostgreSQL overlaps the staging and the first load's inserts; ${PHASE_PATHS})`,
    );
  table.push(...operatorTable(results));
  if (list.length) {
    table.push("");
    row(["target", "measured", "met"]);
    row(["---", "---", "---"]);
    for (const t of list) row([t.target, t.value, t.met ? "yes" : "**MISSED**"]);
  }
  if (results.cpuProfiles) {
    table.push("", "Server CPU per request (node --cpu-prof during a load run; shares of busy CPU):", "");
    row(["route", "CPU ms / request", "where it goes"]);
    row(["---", "---:", "---"]);
    for (const [key, c] of Object.entries(
      results.cpuProfiles as Record<string, { cpuMsPerRequest: number; byArea: { area: string; share: number }[] }>,
    )) {
      row([
        key,
        fmt(c.cpuMsPerRequest, 1),
        c.byArea
          .slice(0, 5)
          .map((a) => `${a.area} ${fmt(a.share * 100)}%`)
          .join(" · "),
      ]);
    }
  }
  const statements = results.statements as StatementTiming[] | undefined;
  if (statements) {
    table.push("", "Slowest statements (EXPLAIN ANALYZE execution ms, main vs twin):", "");
    row(["route", "main ms", "twin ms", "statement"]);
    row(["---", "---:", "---:", "---"]);
    for (const s of [...statements].sort((a, b) => b.mainMs - a.mainMs).slice(0, 8))
      row([s.route, fmt(s.mainMs, 2), fmt(s.twinMs, 2), `\`${s.sql.slice(0, 140)}…\``]);
  }
  return table.join("\n");
}
