// Summarizes a V8 .cpuprofile (node --cpu-prof): self time by the package or app folder the code
// comes from, and the hottest functions. Frames in bundles (.next-bench chunks, Next's compiled
// runtime) are mapped back to their original sources through the bundles' source maps.
import fs from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

type Frame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type Node = { id: number; callFrame: Frame; hitCount?: number; children?: number[] };
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

export type CpuSummary = {
  seconds: number;
  busyShare: number;
  byArea: { area: string; share: number }[];
  topFunctions: { fn: string; where: string; share: number }[];
  /** Each sample charged to the outermost app-code function on its stack, with everything it called. */
  byAppFunction: { fn: string; where: string; share: number }[];
};

const maps = new Map<string, SourceMap | null>();

function sourceMapOf(url: string): SourceMap | null {
  if (maps.has(url)) return maps.get(url)!;
  let map: SourceMap | null = null;
  try {
    const file = url.startsWith("file://") ? fileURLToPath(url) : url;
    if (file.endsWith(".js") && fs.existsSync(`${file}.map`))
      map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, "utf8")));
  } catch {
    map = null;
  }
  maps.set(url, map);
  return map;
}

/** The original source file of a frame (through the bundle's source map), else the frame's own URL. */
function originalOf(frame: Frame): { file: string; line: number } {
  const map = frame.url ? sourceMapOf(frame.url) : null;
  if (map) {
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as {
      originalSource?: string;
      originalLine?: number;
    };
    if (entry?.originalSource) return { file: entry.originalSource, line: (entry.originalLine ?? 0) + 1 };
  }
  return { file: frame.url, line: frame.lineNumber + 1 };
}

/** Where code comes from, in words a reader of the report knows. */
export function areaOf(file: string, fn: string, bundle = ""): string {
  if (!file)
    return fn === "(idle)"
      ? "idle"
      : fn === "(garbage collector)"
        ? "garbage collector"
        : "V8 and native code (builtins, fs, module loading)";
  if (file.startsWith("node:")) return "Node.js core (http, streams, crypto…)";
  const f = file.replace(/\\/g, "/");
  if (
    /react-dom|react-server-dom|\/react\/|compiled\/react|scheduler|webpack:\/\/next\/\.\/dist\/compiled\/react/.test(f)
  )
    return "React (rendering, RSC serialization)";
  if (f.startsWith("webpack://next/")) return "Next.js (server, router, app render)";
  // drizzle-orm ships maps to its own ../src/*.ts, which the bundle's map resolves to node_modules/src/.
  if (/node_modules\/src\//.test(f)) return "database client (drizzle-orm, postgres.js)";
  if (/build-base\.ts|base-server\.ts|\[turbopack\]/.test(f)) return "Next.js (server, router, app render)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f);
  if (m) {
    const pkg = m[1]!;
    if (pkg === "next") return "Next.js (server, router, app render)";
    if (/^(next-auth|@auth|%40auth|jose|@panva|oauth4webapi)/.test(pkg)) return "Auth.js (session JWT)";
    if (pkg === "drizzle-orm" || pkg === "postgres") return "database client (drizzle-orm, postgres.js)";
    return pkg;
  }
  if (/^(?:\.\.\/)*(?:app|components|lib|db|proxy\.ts|instrumentation\.ts)/.test(f.replace(/^.*\/work\/[^/]+\//, ""))) {
    const rel = f.replace(/^.*\/work\/[^/]+\//, "").replace(/^(\.\.\/)+/, "");
    const [top, second] = rel.split("/");
    return `app code: ${top}${second && !second.includes(".") ? `/${second}` : ""}`;
  }
  // Sources a package maps to paths of its own (Next's server is built from its src/).
  if (/node_modules\/next\//.test(bundle)) return "Next.js (server, router, app render)";
  return path.basename(f);
}

/** `skipUs`: samples of the profile's first microseconds (the server's start and warm-up) are left out. */
export function summarizeCpuProfile(file: string, top = 15, skipUs = 0): CpuSummary {
  const p = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let at = 0;
  for (let i = 0; i < p.samples.length; i++) {
    at += p.timeDeltas[i] ?? 0;
    if (at < skipUs) continue;
    selfUs.set(p.samples[i]!, (selfUs.get(p.samples[i]!) ?? 0) + (p.timeDeltas[i] ?? 0));
  }
  let total = 0;
  let idle = 0;
  const areas = new Map<string, number>();
  const fns = new Map<string, { fn: string; where: string; us: number }>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    const original = originalOf(n.callFrame);
    const area = areaOf(original.file, n.callFrame.functionName, n.callFrame.url);
    total += us;
    if (area === "idle") {
      idle += us;
      continue;
    }
    areas.set(area, (areas.get(area) ?? 0) + us);
    const source = original.file
      .replace(/^.*?(node_modules\/|\/work\/[^/]+\/)/, (_, g: string) => (g.startsWith("node_modules") ? g : ""))
      .replace(/^(\.\.\/)+/, "");
    const where = `${source}:${original.line}`;
    const key = `${n.callFrame.functionName}@${where}`;
    const f = fns.get(key) ?? { fn: n.callFrame.functionName || "(anonymous)", where, us: 0 };
    f.us += us;
    fns.set(key, f);
  }
  const busy = total - idle;
  // Inclusive time of app code: a sample's stack is walked from the root, and the first app-code frame met takes it.
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const appFrameOf = new Map<number, { fn: string; where: string } | null>();
  const outermostApp = (id: number): { fn: string; where: string } | null => {
    if (appFrameOf.has(id)) return appFrameOf.get(id)!;
    const up = parent.get(id);
    let found = up === undefined ? null : outermostApp(up);
    if (!found) {
      const n = byId.get(id)!;
      const original = originalOf(n.callFrame);
      if (areaOf(original.file, n.callFrame.functionName, n.callFrame.url).startsWith("app code"))
        found = {
          fn: n.callFrame.functionName || "(anonymous)",
          where: `${original.file.replace(/^.*\/work\/[^/]+\//, "").replace(/^(\.\.\/)+/, "")}:${original.line}`,
        };
    }
    appFrameOf.set(id, found);
    return found;
  };
  const apps = new Map<string, { fn: string; where: string; us: number }>();
  for (const [id, us] of selfUs) {
    const f = outermostApp(id);
    if (!f) continue;
    const key = `${f.fn}@${f.where}`;
    const a = apps.get(key) ?? { ...f, us: 0 };
    a.us += us;
    apps.set(key, a);
  }
  return {
    seconds: total / 1e6,
    busyShare: busy / total,
    byArea: [...areas].map(([area, us]) => ({ area, share: us / busy })).sort((a, b) => b.share - a.share),
    topFunctions: [...fns.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ fn: f.fn, where: f.where, share: f.us / busy })),
    byAppFunction: [...apps.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ fn: f.fn, where: f.where, share: f.us / busy })),
  };
}
