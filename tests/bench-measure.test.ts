// SPEC §9 (fast at any size): the benchmark's rounds (the control before and after, each route's 1M and 10k in
// A B B A) combine into one figure exactly: percentiles over every response, not averaged.

import type { Result } from "autocannon";
import { describe, expect, it } from "vitest";
import { combine, type Round } from "@/bench/lib/measure";

const histogram = { average: 0, mean: 0, stddev: 0, min: 0, max: 0, total: 0, p50: 0, p90: 0, p99: 0, p99_9: 0 };
const roundOf = (latencies: number[], seconds: number, extra: Partial<Result> = {}): Round => ({
  latencies,
  result: {
    duration: seconds,
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    latency: histogram,
    requests: { ...histogram, total: latencies.length, sent: latencies.length },
    throughput: histogram,
    ...extra,
  },
});

describe("combining load rounds", () => {
  it("takes requests/s over the summed duration and percentiles over all responses", () => {
    const fast = roundOf(
      Array.from({ length: 100 }, () => 10),
      5,
    );
    const slow = roundOf(
      Array.from({ length: 50 }, () => 100),
      5,
      { non2xx: 2, errors: 1 },
    );
    const r = combine([fast, slow]);
    expect(r.requestsPerSec).toBe(15);
    expect(r.requests).toBe(150);
    expect(r.seconds).toBe(10);
    expect(r.p50).toBe(10); // 100 of 150 answers took 10 ms: the median is 10, not (10 + 100) / 2
    expect(r.p99).toBe(100);
    expect(r.mean).toBe(40);
    expect([r.non2xx, r.errors, r.rounds]).toEqual([2, 1, 2]);
  });

  it("gives the exact order statistic (nearest rank)", () => {
    const r = combine([roundOf([5, 1, 4], 1), roundOf([2, 3], 1)]);
    expect([r.p50, r.p99]).toEqual([3, 5]);
  });

  it("reports nothing as zero, not NaN, for a round without answers", () => {
    const r = combine([roundOf([], 1)]);
    expect([r.p50, r.p99, r.mean, r.requestsPerSec]).toEqual([0, 0, 0, 0]);
  });
});
