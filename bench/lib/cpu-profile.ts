// Summarizes a V8 .cpuprofile (node --cpu-prof): self time by function and by where the code lives.
import fs from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

export type CpuSummary = {
  seconds: number;
  busyShare: number;
  byArea: { area: string; share: number }[];
  topFunctions: { fn: string; where: string; share: number }[];
};

/** Where a frame's code comes from, in words a reader of the report knows. */
export function areaOf(url: string, fn: string): string {
  if (!url) return fn === "(idle)" ? "idle" : fn === "(garbage collector)" ? "garbage collector" : "V8 and native code (builtins, fs, module loading)";
  if (url.startsWith("node:")) return "Node.js core (http, streams, crypto…)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) {
    const pkg = m[1]!;
    if (pkg === "next") {
      if (/react-dom|react-server-dom|compiled\/react/.test(url)) return "React (server rendering, RSC)";
      return "Next.js (router, server, proxy)";
    }
    if (/^(next-auth|@auth|jose|@panva)/.test(pkg)) return "Auth.js (session JWT)";
    return pkg;
  }
  if (/\.next[^/]*\/server\/chunks\/ssr\//.test(url)) return "app bundle (server components, libraries)";
  if (/\.next[^/]*\/server\//.test(url)) return "app bundle (route handlers, proxy)";
  return url.replace(/^.*\/work\/[^/]+\//, "");
}

export function summarizeCpuProfile(file: string, top = 15): CpuSummary {
  const p = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) selfUs.set(p.samples[i]!, (selfUs.get(p.samples[i]!) ?? 0) + (p.timeDeltas[i] ?? 0));
  let total = 0;
  let idle = 0;
  const areas = new Map<string, number>();
  const fns = new Map<string, { fn: string; where: string; us: number }>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    const area = areaOf(n.callFrame.url, n.callFrame.functionName);
    total += us;
    if (area === "idle") {
      idle += us;
      continue;
    }
    areas.set(area, (areas.get(area) ?? 0) + us);
    const where = `${n.callFrame.url.replace(/^.*\/(node_modules|\.next[^/]*)\//, "$1/")}:${n.callFrame.lineNumber + 1}`;
    const key = `${n.callFrame.functionName}@${where}`;
    const f = fns.get(key) ?? { fn: n.callFrame.functionName || "(anonymous)", where, us: 0 };
    f.us += us;
    fns.set(key, f);
  }
  const busy = total - idle;
  return {
    seconds: total / 1e6,
    busyShare: busy / total,
    byArea: [...areas].map(([area, us]) => ({ area, share: us / busy })).sort((a, b) => b.share - a.share),
    topFunctions: [...fns.values()].sort((a, b) => b.us - a.us).slice(0, top).map((f) => ({ fn: f.fn, where: f.where, share: f.us / busy })),
  };
}
