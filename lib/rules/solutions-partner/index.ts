// SPEC §4 — public API of the Solutions Partner (partner capability score) engine.
export * from "./types";
export * from "./certification-catalog";
export { RULESET_2026 } from "./ruleset-2026";
export { SP_RULESETS, rulesetFor } from "./rulesets";
export * from "./inputs";
export { proportionalPoints, scoreMetric, type Candidate, type MetricResult } from "./score";
export type { StepResult } from "./steps";
export * from "./evaluate";
export * from "./json";
export * from "./recommendations";
