import { openDatabase, useDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { organizations } from "@/db/schema";
import { importCsv } from "@/lib/imports/pipeline";
import fs from "node:fs"; import os from "node:os"; import path from "node:path";
const MB = 1024 * 1024;
const url = process.env.DATABASE_URL;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scr-"));
const h = url ? openDatabase({ url }) : openDatabase({ dir: path.join(dir, "pg") });
await migrateDatabase(h); useDatabase(h);
const [org] = await h.db.insert(organizations).values({ partnerId: "s" + Date.now(), name: "x", country: "US" }).returning();
await importCsv({ kind: "courses", orgId: null, actor: { kind: "cli" }, fileName: "c", today: "2026-11-15", input: ["course_code,title,solution_area,category\nAZ-104T00,a,,fundamentals\n"] });
const ROWS = Number(process.argv[2] ?? 100000);
async function* gen() { yield "achievement_code,course_code,redeemed_on\n"; let c = ""; for (let i = 0; i < ROWS; i++) { c += `A${Date.now() % 1000}-${i},AZ-104T00,2026-01-01\n`; if (c.length > 65536) { yield c; c = ""; } } yield c; }
(globalThis as any).gc?.();
const before = process.memoryUsage();
let peak = 0, peakRss = 0;
const t = performance.now();
const r = await importCsv({ kind: "courseware-completions", orgId: org!.id, actor: { kind: "cli" }, fileName: "c", today: "2026-11-15", input: gen(), onProgress: (n) => {
  if (n % 10000 === 0) { (globalThis as any).gc?.(); const m = process.memoryUsage(); peak = Math.max(peak, m.heapUsed - before.heapUsed); peakRss = Math.max(peakRss, m.rss - before.rss); }
} });
console.log(r.ok, ((performance.now() - t) / 1000).toFixed(2), "s", "heap after gc peak MB", (peak / MB).toFixed(1), "rss", (peakRss / MB).toFixed(1));
await h.close(); fs.rmSync(dir, { recursive: true, force: true });
