"use client";
import { useMemo, useState } from "react";
import { ProgramStatus } from "@/components/membership/status";
import { Button } from "@/components/ui/button";
import { type JsonProp, readJsonProp } from "@/lib/json-prop";
import type { AreaSlug } from "@/lib/rules/areas";
import { formatScore } from "@/lib/rules/number-format";
import { evaluateArea, evaluateTrack } from "@/lib/rules/solutions-partner/evaluate";
import { inputGroups, parseField, withField } from "@/lib/rules/solutions-partner/input-fields";
import type { InputValues } from "@/lib/rules/solutions-partner/inputs";
import { METRIC_NAMES } from "@/lib/rules/solutions-partner/recommendations";
import { rulesetFor } from "@/lib/rules/solutions-partner/rulesets";
import { trackLabel } from "@/lib/rules/solutions-partner/text";
import type { Track } from "@/lib/rules/solutions-partner/types";

// SPEC §8 what-if simulator for one area and track: the raw figures its metrics read, editable;
// points, total, track choice and qualification recomputed in the browser by the same engine.
// The ruleset is looked up here by data_through (its fractions use bigint, which props cannot carry).
const INPUT =
  "w-28 rounded border border-neutral-300 px-2 py-1 text-right text-sm tabular-nums aria-[invalid=true]:border-red-700";
const id = (key: string, field: string) => `sp-whatif-${key}-${field}`.replace(/[^a-zA-Z0-9-]/g, "-");

export function SolutionsPartnerWhatIf({
  dataThrough,
  area,
  track,
  real: realJson,
  recorded,
}: {
  dataThrough: string;
  area: AreaSlug;
  track: Track;
  real: JsonProp<InputValues>;
  recorded: Track | null;
}) {
  const ruleset = useMemo(() => rulesetFor(dataThrough), [dataThrough]);
  const real = useMemo(() => readJsonProp(realJson), [realJson]);
  const groups = useMemo(() => inputGroups(ruleset, area, track, real), [ruleset, area, track, real]);
  const initial = useMemo(
    () => Object.fromEntries(groups.flatMap((g) => g.fields.map((f) => [`${f.key}|${f.field}`, f.value]))),
    [groups],
  );
  const [text, setText] = useState<Record<string, string>>(initial);

  let inputs = real;
  const invalid: string[] = [];
  for (const g of groups)
    for (const f of g.fields) {
      const v = parseField(text[`${f.key}|${f.field}`] ?? "", f.decimal);
      if (v === null) invalid.push(`${f.key}|${f.field}`);
      else inputs = withField(inputs, f.key, f.field, v);
    }
  let result: ReturnType<typeof evaluateArea> | null = null;
  let viewed: ReturnType<typeof evaluateTrack> | null = null;
  let error: string | null = null;
  if (invalid.length === 0) {
    try {
      result = evaluateArea(ruleset, area, inputs, recorded ?? undefined);
      viewed = result.tracks[track] ?? evaluateTrack(ruleset, area, track, inputs); // an assigned track may change with the segment mix
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
  }
  const changed = Object.keys(initial).filter((k) => text[k] !== initial[k]).length;

  return (
    <section aria-labelledby="sp-whatif-title" className="mt-6 rounded-md border border-brand-100 bg-brand-50/40 p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="sp-whatif-title" className="text-lg font-semibold">
            What-if simulator — {trackLabel(track)} track
          </h2>
          <p className="text-sm text-neutral-700">
            Change the figures the metrics read and see points, total and qualification at once. Nothing is saved.
          </p>
        </div>
        <Button variant="secondary" onClick={() => setText(initial)} disabled={changed === 0}>
          Reset to real data
        </Button>
      </div>
      <div
        className="mt-3 rounded border border-neutral-200 bg-white p-3 text-sm"
        aria-live="polite"
        data-testid="sp-whatif-result"
      >
        {result && viewed ? (
          <div className="space-y-1">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-semibold">Simulated {trackLabel(track)} track:</span>
              <span data-testid="sp-whatif-total">{viewed.totalText} / 100</span>
              <span data-testid="sp-whatif-qualification">{viewed.qualified ? "Qualified" : "Not qualified"}</span>
              <span className="text-neutral-600">
                · {changed === 0 ? "real data" : `${changed} ${changed === 1 ? "figure" : "figures"} changed`}
              </span>
            </p>
            <p className="flex flex-wrap items-center gap-2">
              Area: <ProgramStatus status={result.status} /> {formatScore(result.totalExact)} points on the{" "}
              {trackLabel(result.track)} track that counts ({result.trackReason})
            </p>
            <ul className="grid gap-x-4 text-xs sm:grid-cols-2">
              {viewed.metrics.map((m) => (
                <li key={m.id}>
                  {METRIC_NAMES[m.id]}: <strong>{m.pointsText}</strong> / {m.max}
                  {m.points === 0 ? " — at 0, the area cannot qualify" : ""}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <span role="alert" className="text-red-800">
            {error ?? "Enter whole numbers of 0 or more (usage: decimal numbers) in the highlighted fields."}
          </span>
        )}
      </div>
      <div className="mt-4 grid gap-3 md:grid-cols-2 xl:grid-cols-3">
        {groups.map((g) => (
          <fieldset key={g.key} className="rounded border border-neutral-200 bg-white p-3">
            <legend className="px-1 text-sm font-semibold">{g.title}</legend>
            {g.hint ? <p className="mb-1 text-xs text-neutral-600">{g.hint}</p> : null}
            <div className="space-y-2">
              {g.fields.map((f) => {
                const k = `${f.key}|${f.field}`;
                return (
                  <div key={k} className="flex items-center justify-between gap-2">
                    <label htmlFor={id(f.key, f.field)} className="text-sm">
                      {f.label.slice(g.title.length + 2)}
                    </label>
                    <input
                      id={id(f.key, f.field)}
                      aria-label={f.label}
                      className={INPUT}
                      inputMode={f.decimal ? "decimal" : "numeric"}
                      value={text[k] ?? ""}
                      aria-invalid={invalid.includes(k) || undefined}
                      onChange={(e) => setText((t) => ({ ...t, [k]: e.target.value }))}
                    />
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}
      </div>
    </section>
  );
}
