// Test-only helpers: build InputValues for the 2026 ruleset by hand (not used by the app).
import type { AreaSlug } from "../areas";
import type { CertLevel, CertStep } from "./certification-catalog";
import type { TrackEvaluation } from "./evaluate";
import {
  associationChoices,
  azureServicesKey,
  certificationsKey,
  customersKey,
  deploymentsKey,
  type InputValues,
  segmentMixKey,
  usageKey,
  zeroInputs,
} from "./inputs";
import { RULESET_2026 } from "./ruleset-2026";
import type { MetricResult } from "./score";
import { perPersonThreshold } from "./steps";
import type { Association, MetricId, Track, UsageMeasure } from "./types";

export const R = RULESET_2026;
export const blank = (): InputValues => zeroInputs(R);

export const setCustomers = (
  i: InputValues,
  area: AreaSlug,
  seg: Track,
  a: Association[],
  atEnd: number,
  atStart = 0,
) => {
  i[customersKey(area, seg, a)] = { atEnd, atStart };
  return i;
};
export const setCerts = (i: InputValues, area: AreaSlug, level: CertLevel, step: CertStep | null, persons: number) => {
  i[certificationsKey(area, level, step)] = { persons };
  return i;
};
export const setUsage = (
  i: InputValues,
  area: AreaSlug,
  m: UsageMeasure,
  a: Association[],
  current: number | string,
  yearEarlier: number | string,
  windowTotal: number | string = current,
) => {
  i[usageKey(area, m, a)] = { current, yearEarlier, windowTotal };
  return i;
};
export const setDeployments = (i: InputValues, area: AreaSlug, a: Association[], atEnd: number, atStart = 0) => {
  i[deploymentsKey(area, a)] = { atEnd, atStart };
  return i;
};
export const setServices = (i: InputValues, area: AreaSlug, a: Association[], services: number) => {
  i[azureServicesKey(area, a)] = { services };
  return i;
};
export const setMix = (
  i: InputValues,
  area: AreaSlug,
  smbCustomers: number,
  enterpriseCustomers: number,
  totalCustomers = smbCustomers + enterpriseCustomers,
) => {
  i[segmentMixKey(area)] = { smbCustomers, enterpriseCustomers, totalCustomers };
  return i;
};

/** Every metric of (area, track) exactly at its threshold (first option / first usage part), total 100. */
export function atThresholds(area: AreaSlug, track: Track, i: InputValues = blank()): InputValues {
  const rules = R.areas[area];
  if (rules.trackRule.kind === "smb-share") setMix(i, area, track === "smb" ? 10 : 0, track === "smb" ? 0 : 10);
  if (rules.trackRule.kind === "enterprise-customers")
    setMix(i, area, track === "smb" ? 10 : 0, track === "smb" ? 0 : rules.trackRule.atLeast);
  for (const m of rules.tracks[track]) {
    switch (m.source) {
      case "customers": {
        const c = associationChoices(m.associations)[0];
        setCustomers(i, area, track, c.associations, c.threshold);
        break;
      }
      case "deployments": {
        const c = associationChoices(m.associations)[0];
        setDeployments(i, area, c.associations, c.threshold);
        break;
      }
      case "azure-services": {
        const c = associationChoices(m.associations)[0];
        setServices(i, area, c.associations, c.threshold);
        break;
      }
      case "certifications":
        if (m.model.kind === "proportional") setCerts(i, area, m.level, null, m.model.threshold);
        else
          for (const s of m.model.steps)
            setCerts(
              i,
              area,
              m.level,
              s.step,
              s.role === "elective" ? perPersonThreshold(m.model.steps, m.max) : s.minPersons,
            );
        break;
      case "usage": {
        const part = m.parts[0];
        const c = associationChoices(part.associations)[0];
        if (m.mode === "absolute") setUsage(i, area, part.measure, c.associations, c.threshold, 0);
        else setUsage(i, area, part.measure, c.associations, 100_000 + 1000 * c.threshold, 100_000, 1_000_000);
        break;
      }
    }
  }
  return i;
}

export const metric = (t: TrackEvaluation | undefined, id: MetricId): MetricResult => {
  const m = t?.metrics.find((x) => x.id === id);
  if (!m) throw new Error(`no metric ${id}`);
  return m;
};
