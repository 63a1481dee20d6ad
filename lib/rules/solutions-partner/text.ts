// SPEC §4.6 — small wording helpers for criteria, reasons and recommendations (English, en-US).
import { type Fraction, floor, formatOneDecimal, frac } from "../fraction";
import type { Association, MetricRule, Track, UsageMeasure } from "./types";

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Whole numbers with thousands separators; other values to one decimal ("1,234.5"). */
export function formatAmount(value: Fraction | number): string {
  const f = typeof value === "number" ? frac(value) : value;
  const neg = f.n < 0n;
  const abs = neg ? frac(-f.n, f.d) : f;
  const [int, dec] = abs.d === 1n ? [abs.n.toString(), ""] : formatOneDecimal(abs).split(".");
  const text = dec ? `${group(int)}.${dec}` : group(int);
  return neg && text !== "0" && text !== "0.0" ? `-${text}` : text;
}

/** "1 person" / "3 people", "1 customer" / "2 customers". */
export function plural(n: number | bigint, one: string, many = `${one}s`): string {
  return `${formatAmount(Number(n))} ${Number(n) === 1 ? one : many}`;
}

export const trackLabel = (t: Track) => (t === "enterprise" ? "Enterprise" : "SMB");
export const associationLabel = (a: Association) => a.toUpperCase();

export function associationsText(list: readonly Association[]): string {
  const labels = list.map(associationLabel);
  return labels.length === 1 ? `via ${labels[0]}` : `${labels.join(", ")} pooled`;
}

/**
 * Which associations a deployments choice counts through, in words (SPEC §4.3 corrections):
 * "via CPOR", or per workload family "Power Platform and Customer Insights via PAL; Dynamics 365 CPOR, DPOR, CSP pooled".
 */
export function deploymentAssociationsText(
  rule: Extract<MetricRule, { source: "deployments" }>,
  associations: readonly Association[],
): string {
  if (!rule.families?.length) return associationsText(associations);
  return rule.families
    .map((f) => {
      const via = associations.filter((a) => f.associations.includes(a));
      return `${f.label} ${via.length ? associationsText(via) : "not counted"}`;
    })
    .join("; ");
}

/** What one deployments metric counts, in words: tenants (Modern Work, Security) or customer-workload pairs. */
export const deploymentUnitText = (rule: Extract<MetricRule, { source: "deployments" }>) =>
  rule.unit === "customer"
    ? {
        one: "more customer (tenant) with a new qualifying deployment",
        many: "more customers (tenants) with a new qualifying deployment",
        label: "net new customers (tenants) with a deployment",
      }
    : { one: "more net new deployment", many: "more net new deployments", label: "net new deployments" };

export const MEASURE_UNITS: Record<UsageMeasure, { one: string; many: string }> = {
  "azure-consumption-usd": { one: "USD of Azure consumption", many: "USD of Azure consumption" },
  "active-users": { one: "active user", many: "active users" },
  "protected-users": { one: "protected user", many: "protected users" },
  "security-consumption-usd": { one: "USD of Azure security consumption", many: "USD of Azure security consumption" },
  "consumption-value": { one: "of monthly consumption value", many: "of monthly consumption value" },
};

/**
 * "88%" (rounded half up), but never a rounded figure that crosses `boundaryPercent` the other way:
 * 79.96% next to an 80% rule reads "79.9%".
 */
export function percentText(part: number, whole: number, boundaryPercent?: number): string {
  if (whole === 0) return "0%";
  const rounded = Math.floor((part * 200 + whole) / (2 * whole)); // round(part / whole × 100), halves up
  const below = part * 100 < (boundaryPercent ?? 0) * whole;
  if (boundaryPercent !== undefined && below && rounded >= boundaryPercent) {
    const tenths = floor(frac(part * 1000, whole));
    return `${tenths / 10n}.${tenths % 10n}%`;
  }
  return `${rounded}%`;
}
