// A small, bounded load generator (SPEC §9): N connections each loop over signed-in dashboards
// and JSON endpoints until the time is up. Only 127.0.0.1 targets. Records every request's
// status and latency; an error is any network failure or an unexpected status.

export type LoadTarget = { path: string; cookie?: string; expect?: number };
export type Sample = { start: number; end: number; status: number; path: string; error?: string; body?: string };
export type LoadReport = {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  byPath: Record<string, { requests: number; errors: number; p99: number }>;
  samples: Sample[];
};

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export async function runLoad(
  base: string,
  targets: LoadTarget[],
  opts: {
    connections: number;
    seconds: number;
    keepBodies?: (s: Sample) => boolean;
    timeoutMs?: number;
    until?: () => boolean;
  },
): Promise<LoadReport> {
  const host = new URL(base).hostname;
  if (host !== "127.0.0.1") throw new Error(`load is only ever aimed at 127.0.0.1, not ${host}`);
  const deadline = Date.now() + opts.seconds * 1000;
  const samples: Sample[] = [];
  let next = 0;
  const worker = async () => {
    while (Date.now() < deadline && !opts.until?.()) {
      const t = targets[next++ % targets.length]!;
      const start = Date.now();
      try {
        const res = await fetch(base + t.path, {
          headers: t.cookie ? { cookie: t.cookie } : {},
          redirect: "manual",
          signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
        });
        const body = await res.text();
        const s: Sample = { start, end: Date.now(), status: res.status, path: t.path };
        if (res.status !== (t.expect ?? 200)) s.error = `status ${res.status}`;
        if (opts.keepBodies?.(s)) s.body = body.slice(0, 20_000);
        samples.push(s);
      } catch (error) {
        samples.push({ start, end: Date.now(), status: 0, path: t.path, error: (error as Error).message });
      }
    }
  };
  const began = Date.now();
  await Promise.all(Array.from({ length: opts.connections }, worker));
  const elapsed = (Date.now() - began) / 1000;
  const latencies = samples.map((s) => s.end - s.start).sort((a, b) => a - b);
  const byPath: LoadReport["byPath"] = {};
  for (const t of new Set(samples.map((s) => s.path))) {
    const mine = samples.filter((s) => s.path === t);
    byPath[t] = {
      requests: mine.length,
      errors: mine.filter((s) => s.error).length,
      p99: quantile(
        mine.map((s) => s.end - s.start).sort((a, b) => a - b),
        0.99,
      ),
    };
  }
  return {
    requests: samples.length,
    errors: samples.filter((s) => s.error).length,
    perSecond: Math.round(samples.length / elapsed),
    p50: quantile(latencies, 0.5),
    p90: quantile(latencies, 0.9),
    p99: quantile(latencies, 0.99),
    max: latencies.at(-1) ?? 0,
    byPath,
    samples,
  };
}

export function describeLoad(r: LoadReport): string {
  const lines = [
    `${r.requests} requests, ${r.errors} errors, ${r.perSecond} req/s, latency p50 ${r.p50} ms, p90 ${r.p90} ms, p99 ${r.p99} ms, max ${r.max} ms`,
  ];
  for (const [p, v] of Object.entries(r.byPath))
    lines.push(`  ${p.padEnd(44)} ${String(v.requests).padStart(6)} requests, ${v.errors} errors, p99 ${v.p99} ms`);
  return lines.join("\n");
}
