// SPEC §4 — public API of the Solutions Partner (partner capability score) engine.

export * from "./certification-catalog";
export * from "./credentials";
export * from "./evaluate";
export * from "./inputs";
export * from "./json";
export * from "./recommendations";
export { RULESET_2026 } from "./ruleset-2026";
export { rulesetFor, SP_RULESETS } from "./rulesets";
export { type Candidate, type MetricResult, proportionalPoints, scoreMetric } from "./score";
export type { StepResult } from "./steps";
export * from "./types";
