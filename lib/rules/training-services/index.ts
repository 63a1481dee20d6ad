// SPEC §3, §8 — public API of the Training Services rules engine (pure; no I/O, no clock).
export * from "./ruleset";
export * from "./evaluate";
export * from "./planner";
export * from "./forecast";
export { assertValidAggregates, countedAnswers, MAX_AGGREGATE } from "./aggregates";
