// SPEC §4.1 — rules change over time: evaluate with the ruleset in force on data_through.
// To change the rules, append a new SpRuleset (object literal) with a later effectiveFrom.
import { RULESET_2026 } from "./ruleset-2026";
import type { SpRuleset } from "./types";

/** Oldest first. */
export const SP_RULESETS: readonly SpRuleset[] = [RULESET_2026];

/**
 * The newest ruleset with effectiveFrom ≤ dataThrough (YYYY-MM-DD strings compare as dates).
 * Data older than every ruleset is evaluated with the oldest one (there is no earlier rule).
 */
export function rulesetFor(dataThrough: string, rulesets: readonly SpRuleset[] = SP_RULESETS): SpRuleset {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dataThrough))
    throw new RangeError(`dataThrough must be YYYY-MM-DD, got "${dataThrough}"`);
  if (rulesets.length === 0) throw new RangeError("no Solutions Partner ruleset");
  let chosen: SpRuleset | undefined;
  let oldest = rulesets[0];
  for (const r of rulesets) {
    if (r.effectiveFrom < oldest.effectiveFrom) oldest = r;
    if (r.effectiveFrom <= dataThrough && (!chosen || r.effectiveFrom > chosen.effectiveFrom)) chosen = r;
  }
  return chosen ?? oldest;
}
