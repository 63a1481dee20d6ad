import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TrendChart } from "@/components/charts/trend-chart";
import { TrendSection, trendOpen } from "@/components/charts/trend-section";
import { Freshness } from "@/components/membership/freshness";
import { ProgramStatus } from "@/components/membership/status";
import { Card, CardTitle } from "@/components/ui/card";
import { Markup } from "@/components/ui/markup";
import { OnDemandSection } from "@/components/ui/on-demand-section";
import { Table } from "@/components/ui/table";
import { db } from "@/db/client";
import { loadSolutionsPartner, loadSpHistory } from "@/db/queries/solutions-partner";
import { loadSolutionsPartnerTrend } from "@/db/queries/solutions-partner-trend";
import { requirePage } from "@/lib/auth/guard";
import { today } from "@/lib/clock";
import { html, type SafeHtml } from "@/lib/html";
import { jsonProp } from "@/lib/json-prop";
import { spEligibleAreasOfVersion } from "@/lib/offers/eligibility";
import { areaLabel, isAreaSlug } from "@/lib/rules/areas";
import { formatScore } from "@/lib/rules/number-format";
import { type ExpiringCertification, METRIC_NAMES, type Track } from "@/lib/rules/solutions-partner";
import { trackLabel } from "@/lib/rules/solutions-partner/text";
import { addMonths, startOfMonth } from "@/lib/rules/time";
import { analyzeArea } from "@/lib/solutions-partner/area-analysis";
import { loadAreaStatuses } from "@/lib/solutions-partner/status";
import { metricCardView } from "./metric-card";
import { MetricCards } from "./metric-cards";
import { SolutionsPartnerWhatIf } from "./what-if";

/** The first few holders by expiry date; the whole list is in the metric's download (a page of hundreds of names helps no one). */
const SHOWN_EXPIRING = 10;
function expiringText(certs: ExpiringCertification[]): string {
  const shown = certs
    .slice(0, SHOWN_EXPIRING)
    .map(
      (c) => `${c.personName} (${c.code}, ${c.ends === "stops-counting" ? "counts until" : "expires"} ${c.expiresOn})`,
    )
    .join(", ");
  return certs.length > SHOWN_EXPIRING
    ? `${shown} and ${certs.length - SHOWN_EXPIRING} more (see the metric's download)`
    : shown;
}

/** The planner's recommendations (SPEC §8) as markup: read-only, and the longest list of the page. */
function recommendationsHtml(recommendations: Awaited<ReturnType<typeof analyzeArea>>["recommendations"]): SafeHtml {
  const items = recommendations.map((r) => {
    const alternatives = r.alternatives.slice(0, 3).map((alt) => {
      const qualifies = alt.qualifiedAfter ? ", qualifies" : "";
      return html`<li>${alt.text} → ${alt.totalAfterText} points${qualifies}</li>`;
    });
    const list = alternatives.length > 0 && html`<ul class="mt-1 list-disc pl-5">${alternatives}</ul>`;
    const blocked = r.blocked.map((b) => html`<p class="text-xs text-neutral-600">${b}</p>`);
    return html`<li><p class="font-semibold">${r.text}</p>${list}${blocked}</li>`;
  });
  return html`<ul class="mt-2 space-y-3 text-sm">${items}</ul>`;
}

/** The area's next 90 days in one sentence: what expiring certifications would do to the track's total. */
function forecastSentence(
  horizon: string,
  track: string,
  after: { totalNow: number; totalAfter: number; qualifiedNow: boolean; qualifiedAfter: boolean } | undefined,
): string {
  if (!after || after.totalAfter >= after.totalNow)
    return (
      `No certification that counts here expires by ${horizon}; skilling points hold. ` +
      "Performance and customer success move with each monthly refresh."
    );
  const verdict = after.qualifiedAfter
    ? "it still qualifies"
    : after.qualifiedNow
      ? "it would no longer qualify"
      : "still not qualified";
  const fall = `from ${formatScore(after.totalNow)} to ${formatScore(after.totalAfter)}`;
  return `If these certifications expire unrenewed by ${horizon}, the ${track} total falls ${fall}: ${verdict}.`;
}

export async function generateMetadata({ params }: { params: Promise<{ area: string }> }): Promise<Metadata> {
  const { area } = await params;
  return { title: isAreaSlug(area) ? areaLabel(area) : "Solutions Partner" };
}

export default async function AreaPage({
  params,
  searchParams,
}: {
  params: Promise<{ area: string }>;
  searchParams: Promise<{ track?: string; trend?: string }>;
}) {
  const ctx = await requirePage("membership:view");
  const [{ area }, search] = await Promise.all([params, searchParams]);
  const { track: asked } = search;
  const showTrend = trendOpen(search);
  if (!isAreaSlug(area)) notFound();
  const day = today();
  const eligibleFrom = startOfMonth(addMonths(day, -5).slice(0, 7));
  const view = await loadSolutionsPartner(db(), ctx.orgId, day);
  const a = view.evaluation.areas[area];
  const track: Track = asked === "enterprise" || asked === "smb" ? (a.tracks[asked] ? asked : a.track) : a.track;
  const t = a.tracks[track]!;
  const other: Track = track === "enterprise" ? "smb" : "enterprise";
  const [statuses, history, eligible, { recommendations, impact, plan }, trend] = await Promise.all([
    loadAreaStatuses(db(), ctx.orgId, day, view),
    loadSpHistory(db(), ctx.orgId, area, day, view.scope),
    spEligibleAreasOfVersion(db(), ctx.orgId, { start: eligibleFrom, end: day }, view.scope).then((areas) =>
      areas.includes(area),
    ),
    analyzeArea(db(), ctx.orgId, view, area, track),
    showTrend ? loadSolutionsPartnerTrend(db(), ctx.orgId, area, day, view.scope) : [],
  ]);
  const path = `/membership/solutions-partner/${area}`;
  const atRisk = impact.metrics.filter((m) => m.area === area && m.track === track);
  const afterExpiry = impact.tracks.find((x) => x.area === area && x.track === track);
  const areaInputs = Object.fromEntries(
    view.requests.filter((r) => r.area === area).map((r) => [r.key, view.inputs[r.key]!]),
  );
  return (
    <>
      <p className="mb-2 text-sm">
        <a className="text-brand-700 underline" href="/membership/solutions-partner">
          Solutions Partner
        </a>{" "}
        / {a.label}
      </p>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">
          {a.label} —{" "}
          {a.tracks[other] ? (
            <a
              href={`${path}?track=${other}${showTrend ? "&trend=show" : ""}`}
              className="text-brand-700 underline decoration-dotted"
              aria-label={`${trackLabel(track)} track. Switch to the ${trackLabel(other)} track`}
            >
              {trackLabel(track)} track ⇄
            </a>
          ) : (
            <span>{trackLabel(track)} track</span>
          )}
        </h1>
        <ProgramStatus
          status={
            track === a.track ? statuses[area] : t.qualified ? "qualified" : t.total > 0 ? "in_progress" : "not_started"
          }
        />
      </div>
      <Card className="mb-4">
        <p className="text-3xl font-semibold">
          {t.totalText}{" "}
          <span className="text-base font-normal text-neutral-600">
            / 100 points · pass mark {view.evaluation.passMark} with every metric above 0
          </span>
        </p>
        {plan.spareText ? (
          <p className="mt-1 text-sm" data-testid="sp-headroom">
            Headroom: {plan.spareText}.
          </p>
        ) : null}
        <p className="mt-2 text-sm">
          {a.trackMode === "assigned" ? "Assigned track: " : "Track that counts: "}
          {a.trackReason}
          {a.trackMode === "assigned" ? " Partner admins cannot change it." : ""}
        </p>
        {track !== a.track ? (
          <p className="mt-1 text-sm text-amber-800">
            You are viewing the {trackLabel(track)} computation; the {trackLabel(a.track)} track counts.
          </p>
        ) : null}
        <div className="mt-2">
          <Freshness
            program="solutions-partner"
            {...view.freshness}
            window={{ start: view.dates.windowStart, end: view.dates.end }}
          />
        </div>
      </Card>
      <section aria-labelledby="metrics-title" className="mb-6">
        <h2 id="metrics-title" className="mb-3 text-lg font-semibold">
          Metrics
        </h2>
        <MetricCards
          className="grid gap-4 md:grid-cols-2 xl:grid-cols-3"
          metrics={jsonProp(
            t.metrics.map((m) =>
              metricCardView(
                m,
                `/membership/solutions-partner/download?area=${area}&track=${track}&metric=${m.id}`,
                plan.metrics.find((p) => p.metric === m.id),
              ),
            ),
          )}
        />
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardTitle>Recommendations</CardTitle>
          {recommendations.length === 0 ? (
            <p className="mt-2 text-sm">This track qualifies. Nothing to fix.</p>
          ) : (
            <Markup html={recommendationsHtml(recommendations)} />
          )}
          <h3 className="mt-4 font-semibold">Certifications expiring within 90 days</h3>
          {atRisk.length === 0 ? (
            <p className="mt-1 text-sm text-neutral-700">None that would lower this score.</p>
          ) : (
            <ul className="mt-1 list-disc pl-5 text-sm">
              {atRisk.map((m) => (
                <li key={m.metric}>
                  {METRIC_NAMES[m.metric]}: {m.pointsAtRiskText} points at risk — {expiringText(m.certifications)}
                </li>
              ))}
            </ul>
          )}
          <h3 className="mt-4 font-semibold">Forecast: the next 90 days</h3>
          <p className="mt-1 text-sm" data-testid="sp-forecast">
            {forecastSentence(impact.horizon, trackLabel(track), afterExpiry)}
          </p>
        </Card>
        <Card>
          <CardTitle>Last six months</CardTitle>
          <p className="mt-1 text-sm">
            {eligible
              ? "Qualified on at least one day of the eligibility window (this month and the five before): eligible to enroll or renew."
              : "Not qualified on any day of the eligibility window (this month and the five before)."}
          </p>
          <div className="mt-2">
            <Table
              head={["Month", "Highest score", "Qualified"]}
              rowsHtml={html`${history.map((h) => {
                const best = h.best === null ? "—" : formatScore(h.best);
                const qualified = h.best === null ? "—" : h.qualified ? "Yes" : "No";
                return html`<tr><td>${h.month}</td><td>${best}</td><td>${qualified}</td></tr>`;
              })}`}
            />
          </div>
        </Card>
      </div>
      <TrendSection
        id="sp-trend-section"
        className="mt-6"
        title="Trend"
        description="The highest score of each month against the pass mark, over the last 13 months."
        href={asked ? `${path}?track=${track}` : path}
        open={showTrend}
      >
        {() => (
          <TrendChart
            id="sp-trend"
            title={`${a.label}: highest score per month, last ${trend.length} months`}
            valueLabel="Highest score"
            kind="score"
            yMax={100}
            data={jsonProp(
              trend.map((p) => ({
                month: p.month,
                value: p.best,
                threshold: view.evaluation.passMark,
                met: p.qualified,
              })),
            )}
          />
        )}
      </TrendSection>
      <OnDemandSection
        key={track}
        id="sp-whatif-closed"
        className="mt-6"
        title={`What-if simulator — ${trackLabel(track)} track`}
        openLabel="Open the what-if simulator"
        description="Change the figures the metrics read and see points, total and qualification at once. Nothing is saved."
      >
        <SolutionsPartnerWhatIf
          dataThrough={view.dates.dataThrough}
          area={area}
          track={track}
          real={jsonProp(areaInputs)}
          recorded={view.recordedTracks[area] ?? null}
        />
      </OnDemandSection>
    </>
  );
}
