// Measuring helpers: timings, process memory from /proc, HTTP load with autocannon.
import fs from "node:fs";
import autocannon, { type Result } from "autocannon";

export const MB = 1024 * 1024;

export function median(xs: number[]): number {
  return quantile(xs, 0.5);
}

export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export type Timing = { median: number; p90: number; min: number; runs: number };

/** Runs fn `warmup` times untimed, then `runs` times; milliseconds. */
export async function timeIt(fn: () => Promise<unknown>, runs = 20, warmup = 2): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return { median: median(ms), p90: quantile(ms, 0.9), min: Math.min(...ms), runs };
}

/** VmRSS and VmHWM (peak RSS) of a process, in bytes; null once it has exited. */
export function memoryOf(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
  } catch {
    return null;
  }
}

/** The process and all its descendants (next start may fork its server). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // exited meanwhile
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    for (const c of children.get(pid) ?? []) walk(c);
  };
  walk(root);
  return out;
}

/**
 * Samples the memory of a process tree every `everyMs` until stopped: the peak of the summed
 * RSS, and the largest VmHWM (the kernel's own peak of one process, which misses nothing between samples).
 */
export function sampleMemory(pids: () => number[], everyMs = 50) {
  let peakRss = 0;
  let peakHwm = 0;
  const sample = () => {
    let sum = 0;
    for (const pid of pids()) {
      const m = memoryOf(pid);
      if (!m) continue;
      sum += m.rss;
      peakHwm = Math.max(peakHwm, m.hwm);
    }
    peakRss = Math.max(peakRss, sum);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop(): { peakRss: number; peakHwm: number } {
      clearInterval(timer);
      sample();
      return { peakRss, peakHwm };
    },
  };
}

export type LoadResult = {
  requestsPerSec: number;
  p50: number;
  p99: number;
  mean: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  rounds?: number;
};

type LoadOptions = { connections: number; duration: number; headers?: Record<string, string> };
export type Round = { result: Result; latencies: number[] };

/** One autocannon run, with every response's latency kept so that rounds combine exactly. */
export async function round(url: string, o: LoadOptions): Promise<Round> {
  const latencies: number[] = [];
  const run = autocannon({
    url,
    connections: o.connections,
    duration: o.duration,
    headers: o.headers ?? {},
    timeout: 30,
  });
  run.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  return { result: await run, latencies };
}

/** Rounds of one URL as one figure: requests/s over their summed duration, exact percentiles. */
export function combine(rounds: Round[]): LoadResult {
  const all = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const at = (q: number) => (all.length ? all[Math.min(all.length - 1, Math.ceil(q * all.length) - 1)]! : 0);
  const sum = (f: (r: Result) => number) => rounds.reduce((n, r) => n + f(r.result), 0);
  const seconds = sum((r) => r.duration);
  return {
    requestsPerSec: sum((r) => r.requests.total) / seconds,
    p50: at(0.5),
    p99: at(0.99),
    mean: all.reduce((n, x) => n + x, 0) / Math.max(1, all.length),
    requests: sum((r) => r.requests.total),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    seconds,
    rounds: rounds.length,
  };
}

/** autocannon: `connections` keep-alive connections for `duration` seconds, on one URL. */
export async function load(url: string, o: LoadOptions): Promise<LoadResult> {
  return combine([await round(url, o)]);
}

/** CPU time of processes so far, in clock ticks (1/100 s): utime + stime from /proc/<pid>/stat. */
export function cpuTicks(pids: number[]): number {
  return pids.reduce((sum, pid) => sum + ticksOf(`/proc/${pid}/stat`), 0);
}

/** User + system ticks of a /proc stat file; 0 when the process or thread has exited. */
function ticksOf(statFile: string): number {
  try {
    const f = fs.readFileSync(statFile, "utf8");
    const parts = f.slice(f.lastIndexOf(")") + 2).split(" ");
    return Number(parts[11]) + Number(parts[12]);
  } catch {
    return 0;
  }
}

/** CPU ticks of one thread (a task of a process): the main thread's tid is the process id. */
export function threadTicks(pid: number, tid = pid): number {
  return ticksOf(`/proc/${pid}/task/${tid}/stat`);
}

/** Every process of the PostgreSQL server on this machine (postmaster, backends, background workers). */
export function postgresPids(): number[] {
  return fs.readdirSync("/proc").flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      return stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) === "postgres" ? [Number(entry)] : [];
    } catch {
      return [];
    }
  });
}

/** Busy ticks of the whole machine, every core (all of /proc/stat's first line but idle and iowait). */
export function machineBusyTicks(): number {
  const [, ...f] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.split(/\s+/);
  const n = f.map(Number);
  return n.slice(0, 8).reduce((a, b) => a + b, 0) - n[3]! - n[4]!;
}
