// SPEC §3, §8 — public API of the Training Services rules engine (pure; no I/O, no clock).

export { assertValidAggregates, countedAnswers, MAX_AGGREGATE } from "./aggregates";
export * from "./evaluate";
export * from "./forecast";
export * from "./planner";
export * from "./ruleset";
