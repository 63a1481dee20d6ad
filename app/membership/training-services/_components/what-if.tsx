"use client";
import { useMemo, useState } from "react";
import { ProgramStatus } from "@/components/membership/status";
import { Button } from "@/components/ui/button";
import { type JsonProp, readJsonProp } from "@/lib/json-prop";
import { AREAS } from "@/lib/rules/areas";
import { formatAverageExact, formatPoints } from "@/lib/rules/training-services/format";
import { compactPlanText } from "@/lib/rules/training-services/plan-compact";
import { rulesetFor } from "@/lib/rules/training-services/ruleset";
import {
  aggregatesFromText,
  fieldsText,
  simulateTrainingServices,
  TS_FIELDS,
  type TsField,
} from "@/lib/rules/training-services/simulate";
import type { AverageCriterion, PointsCriterion, TsAggregates } from "@/lib/rules/training-services/types";

// SPEC §8 what-if simulator: every figure the rules read, editable; points, statuses,
// qualification and badges recomputed in the browser by the same engine. Nothing is saved.
const INPUT =
  "w-24 rounded border border-neutral-300 px-2 py-1 text-right text-sm tabular-nums aria-[invalid=true]:border-red-700";

function FigureInput({
  f,
  value,
  invalid,
  onChange,
  showLabel = true,
}: {
  f: TsField;
  value: string;
  invalid: boolean;
  onChange: (v: string) => void;
  showLabel?: boolean;
}) {
  const id = `whatif-${f.id.replace(/\./g, "-")}`;
  return (
    <div className="flex items-center justify-between gap-2">
      {showLabel ? (
        <label htmlFor={id} className="text-sm">
          {f.short}
        </label>
      ) : null}
      <input
        id={id}
        aria-label={f.label}
        className={INPUT}
        inputMode="numeric"
        value={value}
        aria-invalid={invalid || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

const pointsText = (c: PointsCriterion) => `${formatPoints(c.points)} / ${formatPoints(c.threshold)} points`;
const averageText = (c: AverageCriterion) =>
  `${formatAverageExact(c.sum, c.count)} / ${c.threshold.toFixed(2)} average`;

export function TrainingServicesWhatIf({ dataThrough, real }: { dataThrough: string; real: JsonProp<TsAggregates> }) {
  const ruleset = useMemo(() => rulesetFor(dataThrough), [dataThrough]);
  const initial = useMemo(() => fieldsText(readJsonProp(real)), [real]);
  const [text, setText] = useState(initial);
  const { aggregates, invalid } = aggregatesFromText(text);
  const sim = invalid.length ? null : simulateTrainingServices(aggregates, ruleset);
  const changed = TS_FIELDS.filter((f) => text[f.id] !== initial[f.id]).length;
  const field = (id: string) => TS_FIELDS.find((f) => f.id === id)!;
  const input = (f: TsField, showLabel = true) => (
    <FigureInput
      key={f.id}
      f={f}
      value={text[f.id]}
      invalid={invalid.includes(f.id)}
      showLabel={showLabel}
      onChange={(v) => setText((t) => ({ ...t, [f.id]: v }))}
    />
  );
  const e = sim?.ok ? sim.evaluation : null;
  const plan = sim?.ok ? sim.plan : null;
  const badges = e
    ? e.badges.map((b) => (b === "cloud-partner" ? "Cloud Partner" : AREAS.find((a) => a.slug === b)!.label))
    : [];
  const baseGroups = [
    {
      title: "Courseware completions",
      ids: ["completions.fundamentals", "completions.twoDaysOrLess", "completions.threeDaysOrMore"],
      c: e?.base.courseware,
      p: plan?.base.courseware,
    },
    {
      title: "Exam units",
      ids: ["vouchers.fundamentals", "vouchers.advanced"],
      c: e?.base.examVouchers,
      p: plan?.base.examVouchers,
    },
    {
      title: "Average response score",
      ids: ["surveys.surveyCount", "surveys.answerCount", "surveys.answerSum"],
      c: e?.base.averageScore,
      p: plan?.base.averageScore,
    },
  ];
  return (
    <section aria-labelledby="whatif-title" className="mb-8 rounded-md border border-brand-100 bg-brand-50/40 p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="whatif-title" className="text-lg font-semibold">
            What-if simulator
          </h2>
          <p className="text-sm text-neutral-700">
            Change any figure of the current window to see the result at once. Nothing is saved.
          </p>
        </div>
        <Button variant="secondary" onClick={() => setText(initial)} disabled={changed === 0}>
          Reset to real data
        </Button>
      </div>
      <div
        className="mt-3 flex flex-wrap items-center gap-2 rounded border border-neutral-200 bg-white p-3 text-sm"
        aria-live="polite"
        data-testid="whatif-result"
      >
        {e ? (
          <>
            <span className="font-semibold">Simulated:</span>
            <span data-testid="whatif-qualification">{e.qualified ? "Qualified" : "Not qualified"}</span>
            <ProgramStatus status={e.status} />
            <span>· Badges: {badges.length ? badges.join(", ") : "none"}</span>
            <span className="text-neutral-600">
              · {changed === 0 ? "real data" : `${changed} ${changed === 1 ? "figure" : "figures"} changed`}
            </span>
          </>
        ) : (
          <span role="alert" className="text-red-800">
            {sim && !sim.ok
              ? `These figures are impossible: ${sim.error}.`
              : "Enter whole numbers of 0 or more in the highlighted fields."}
          </span>
        )}
      </div>
      <div className="mt-4 grid gap-4 md:grid-cols-3">
        {baseGroups.map((g) => (
          <fieldset key={g.title} className="rounded border border-neutral-200 bg-white p-3">
            <legend className="px-1 text-sm font-semibold">{g.title}</legend>
            <div className="space-y-2">{g.ids.map((id) => input(field(id)))}</div>
            {g.c && g.p ? (
              <div className="mt-3 space-y-1 text-sm">
                <p className="flex items-center justify-between gap-2">
                  <span>{"points" in g.c ? pointsText(g.c) : averageText(g.c)}</span>
                  <ProgramStatus status={g.c.status} />
                </p>
                <p className="text-xs text-neutral-700">{compactPlanText(g.p)}</p>
              </div>
            ) : null}
          </fieldset>
        ))}
      </div>
      <div className="mt-4 overflow-x-auto rounded border border-neutral-200 bg-white">
        <table className="min-w-full text-sm">
          <caption className="px-3 py-2 text-left font-semibold">Solution areas</caption>
          <thead className="bg-neutral-50 text-left">
            <tr>
              <th scope="col" className="px-2 py-1">
                Area
              </th>
              {["Two-day surveys", "Three-day surveys", "Answered questions", "Sum of answers", "Result"].map((h) => (
                <th key={h} scope="col" className="px-2 py-1">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {AREAS.map((area) => {
              const a = e?.areas[area.slug];
              const p = plan?.areas[area.slug];
              return (
                <tr key={area.slug}>
                  <th scope="row" className="px-2 py-1 text-left font-normal">
                    {area.label}
                  </th>
                  {["twoDaysOrLess", "threeDaysOrMore", "answerCount", "answerSum"].map((k) => (
                    <td key={k} className="px-2 py-1">
                      {input(field(`areas.${area.slug}.${k}`), false)}
                    </td>
                  ))}
                  <td className="min-w-64 px-2 py-1 text-xs">
                    {a && p ? (
                      <div className="space-y-0.5">
                        <p className="flex items-center gap-2">
                          <ProgramStatus status={a.status} /> {pointsText(a.surveyCompletions)} ·{" "}
                          {averageText(a.averageScore)}
                        </p>
                        {!p.surveyCompletions.met ? <p>Surveys: {compactPlanText(p.surveyCompletions)}</p> : null}
                        {!p.averageScore.met ? <p>Average: {compactPlanText(p.averageScore)}</p> : null}
                      </div>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
