// SPEC §4.4 / §6 — the four Solutions Partner line-item kinds.
import {
  isKnownCertificationCode,
  normalizeCertificationCode,
} from "@/lib/rules/solutions-partner/certification-catalog";
import { area, date, decimal, knownCode, month, notBefore, oneOf, row, text } from "./fields";
import type { KindRules } from "./kinds";

const SEGMENTS = ["enterprise", "smb"] as const;
const ASSOCIATIONS = ["cpor", "dpor", "csp", "pal"] as const;
export const MEASURES = [
  "azure-consumption-usd",
  "active-users",
  "protected-users",
  "security-consumption-usd",
  "consumption-value",
] as const;
type PartnerKind = "customers" | "certifications" | "usage" | "deployments";

export const PARTNER_KINDS: Record<PartnerKind, KindRules> = {
  customers: {
    table: "customers",
    types: {
      customer_id: "text",
      customer_name: "text",
      solution_area: "text",
      segment: "segment",
      association: "association",
      eligible_from: "date",
      eligible_until: "date",
    },
    rowSchema: () =>
      row(
        {
          customer_id: text(),
          customer_name: text({ max: 500 }),
          solution_area: area(),
          segment: oneOf(SEGMENTS),
          association: oneOf(ASSOCIATIONS),
          eligible_from: date(),
          eligible_until: date(false),
        },
        notBefore("eligible_from", "eligible_until"),
      ),
    rollup: [],
    needsCourses: false,
  },
  certifications: {
    table: "certifications",
    types: {
      person_id: "text",
      person_name: "text",
      certification_code: "text",
      earned_on: "date",
      expires_on: "date",
    },
    rowSchema: (ctx) =>
      row(
        {
          person_id: text(),
          person_name: text({ max: 500 }),
          certification_code: knownCode(
            (upper) => (isKnownCertificationCode(ctx.catalog, upper) ? normalizeCertificationCode(upper) : undefined),
            "certification code",
          ),
          earned_on: date(),
          expires_on: date(false),
        },
        notBefore("earned_on", "expires_on"),
      ),
    rollup: [],
    needsCourses: false,
  },
  usage: {
    table: "usage",
    types: { solution_area: "text", association: "association", measure: "text", month: "text", value: "numeric" },
    rowSchema: () =>
      row({
        solution_area: area(),
        association: oneOf(ASSOCIATIONS),
        measure: oneOf(MEASURES),
        month: month(),
        value: decimal(),
      }),
    rollup: [],
    needsCourses: false,
  },
  deployments: {
    table: "deployments",
    types: {
      customer_id: "text",
      solution_area: "text",
      workload: "text",
      association: "association",
      deployed_on: "date",
      removed_on: "date",
    },
    rowSchema: () =>
      row(
        {
          customer_id: text(),
          solution_area: area(),
          workload: text({ lower: true }),
          association: oneOf(ASSOCIATIONS),
          deployed_on: date(),
          removed_on: date(false),
        },
        notBefore("deployed_on", "removed_on"),
      ),
    rollup: [],
    needsCourses: false,
  },
};
