// Hostile HTTP requests for the reliability suite (SPEC §9): malformed server-action payloads,
// malformed addresses and oversized bodies, generated from a seed. Every one must get an answer
// below 500, fast, and the server must stay up.
import http from "node:http";
import { prng } from "../../tests/fuzz/generator";

export type HostileRequest = {
  name: string;
  path: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: BodyInit | (() => BodyInit);
};

const WEIRD_VALUES = [
  '"$@1"',
  '"$@ff"',
  '"$h1"',
  '"$Q2"',
  '"$W3"',
  '"$B4"',
  '"$F5"',
  '"$T"',
  '"$S6"',
  '"$R7"',
  '"$r8"',
  '"$X9"',
  '"$i1"',
  '"$K"',
  '"$Kzz"',
  "null",
  "1e400",
  "-0",
  '"\\u0000"',
  "{}",
  "[]",
  '{"__proto__":{"x":1}}',
  '{"constructor":{"prototype":{}}}',
  '"$$"',
  '"$"',
];

export function hostileRequests(count: number, actions: { id: string; page: string }[], seed = 8): HostileRequest[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const out: HostileRequest[] = [];
  const fetchAction = (name: string, body: BodyInit, type?: string): HostileRequest => {
    const a = pick(actions);
    return {
      name,
      path: a.page,
      method: "POST",
      headers: { "next-action": a.id, ...(type ? { "content-type": type } : {}) },
      body,
    };
  };
  const makers: (() => HostileRequest)[] = [
    () =>
      fetchAction(
        "args with a dangling reference",
        `[${pick(WEIRD_VALUES)},${pick(WEIRD_VALUES)}]`,
        "text/plain;charset=UTF-8",
      ),
    () =>
      fetchAction(
        "args that are not a list",
        pick(['{"a":1}', '"x"', "42", "null", "true", "", " ", "[", "]]", "[1,]"]),
        "text/plain",
      ),
    () => {
      const bytes = new Uint8Array(16 + Math.floor(rand() * 2048));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rand() * 256);
      return fetchAction(
        "random bytes",
        bytes,
        pick(["text/plain", "application/octet-stream", "multipart/form-data; boundary=zz", "application/json"]),
      );
    },
    () => {
      const f = new FormData();
      f.append("0", pick(['[{},"$K1"', "not json", `[${pick(WEIRD_VALUES)}]`, '{"0":1}']));
      f.append("_1_userId", "x");
      return fetchAction("multipart with a broken root", f);
    },
    () => {
      const f = new FormData();
      for (let i = 0; i < 3000; i++) f.append(`_1_f${i}`, "v".repeat(Math.floor(rand() * 40)));
      f.append("0", '[{},"$K1"]');
      return fetchAction("multipart with 3,000 fields", f);
    },
    () => fetchAction("deeply nested arguments", "[".repeat(5000) + "]".repeat(5000), "text/plain"),
    () => {
      const text = `--zz\r\ncontent-disposition: form-data; name="0"\r\n\r\n[{},"$K1"]\r\n--zz\r\ncontent-disposition: form-data; name="_1_x"\r\n\r\n${"y".repeat(Math.floor(rand() * 500))}`;
      return fetchAction(
        "truncated multipart",
        text.slice(0, Math.floor(text.length * rand())),
        "multipart/form-data; boundary=zz",
      );
    },
    () => {
      const a = pick(actions);
      const f = new FormData();
      f.append("$ACTION_REF_1", "");
      f.append("$ACTION_1:0", JSON.stringify({ id: a.id, bound: pick(["$@1", "$@9", "$h1", null, 7]) }));
      if (rand() < 0.5) f.append("$ACTION_1:1", pick(["garbage", '[{},"$@3"]', "[{}]", "{}"]));
      f.append("$ACTION_KEY", "k");
      return { name: "form post with broken bound arguments", path: a.page, method: "POST", headers: {}, body: f };
    },
    () => ({
      name: "unknown action id",
      path: pick(actions).page,
      method: "POST",
      headers: {
        "next-action": Array.from({ length: 42 }, () => "0123456789abcdef"[Math.floor(rand() * 16)]).join(""),
        "content-type": "text/plain",
      },
      body: "[]",
    }),
    () => ({
      name: "action id that is not hex",
      path: pick(actions).page,
      method: "POST",
      headers: {
        "next-action": pick(["../../etc/passwd", "%00", "x".repeat(5000), "<script>"]),
        "content-type": "text/plain",
      },
      body: "[]",
    }),
    () => ({
      name: "malformed %-escape in the address",
      path: `${pick(["/membership/orders/", "/membership/solutions-partner/", "/membership/training-services/areas/security/", "/api/auth/", "/membership/orders/PMC-1/proofs/"])}${pick(["%", "%E0%A4%A", "%ZZ", "%C0", "a%2"])}`,
      method: "GET",
      headers: {},
    }),
    () => ({ name: "overlong address", path: `/membership/orders/${"9".repeat(8000)}`, method: "GET", headers: {} }),
    () => ({
      name: "header abuse",
      path: "/membership",
      method: "GET",
      headers: {
        rsc: "1",
        "next-router-state-tree": pick(["%%%", "[", "x".repeat(7000), encodeURIComponent('["",{"children":"$@1"}]')]),
      },
    }),
  ];
  for (let i = 0; i < count; i++) out.push(makers[i % makers.length]!());
  out.push(...oversized(actions[0]!));
  return out;
}

/** Bodies over the 8 MB action limit (lib/request-guard.ts): each must be refused with 413, fast. */
export function oversized(action: { id: string; page: string }): HostileRequest[] {
  const big = () => new Uint8Array(12 * 1024 * 1024).fill(0x5b);
  const streamed = (mb: number) => () => streamOf(mb * 1024 * 1024);
  return [
    {
      name: "oversized: 12 MB action body with its length",
      path: action.page,
      method: "POST",
      headers: { "next-action": action.id, "content-type": "text/plain" },
      body: big(),
    },
    {
      name: "oversized: 12 MB action body streamed without a length",
      path: action.page,
      method: "POST",
      headers: { "next-action": action.id, "content-type": "text/plain" },
      body: streamed(12),
    },
    {
      name: "oversized: 9 MB action body streamed without a length",
      path: action.page,
      method: "POST",
      headers: { "next-action": action.id, "content-type": "text/plain" },
      body: streamed(9),
    },
    {
      name: "oversized: 12 MB form post",
      path: action.page,
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=zz" },
      body: big(),
    },
    {
      name: "oversized: 1 MB sign-in post to Auth.js",
      path: "/api/auth/callback/credentials",
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new Uint8Array(1024 * 1024).fill(0x61),
    },
  ];
}

function streamOf(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x5b);
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

/** Sends each request with this site's Origin and a signed-in cookie; reports anything 5xx or slow. */
export async function sendHostile(
  base: string,
  cookie: string,
  requests: HostileRequest[],
): Promise<{
  sent: number;
  failures: string[];
  statuses: Record<string, number>;
  results: { name: string; status: number; ms: number }[];
}> {
  const failures: string[] = [];
  const statuses: Record<string, number> = {};
  const results: { name: string; status: number; ms: number }[] = [];
  for (const r of requests) {
    const started = Date.now();
    let status = 0;
    try {
      const body = typeof r.body === "function" ? r.body() : r.body;
      const res = await fetch(base + r.path, {
        method: r.method,
        redirect: "manual",
        headers: { origin: base, cookie, ...r.headers },
        body,
        ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
        signal: AbortSignal.timeout(15_000),
      } as RequestInit);
      await res.arrayBuffer();
      status = res.status;
    } catch (error) {
      failures.push(`${r.name}: ${(error as Error).message}`);
      continue;
    }
    statuses[status] = (statuses[status] ?? 0) + 1;
    const ms = Date.now() - started;
    results.push({ name: r.name, status, ms });
    if (status >= 500) failures.push(`${r.name} (${r.method} ${r.path.slice(0, 60)}): ${status}`);
    if (ms > 5_000) failures.push(`${r.name}: took ${ms} ms`);
  }
  return { sent: requests.length, failures, statuses, results };
}

/** Announces `bytes` in Content-Length, sends 64 KB of them and reads the answer (node:http: fetch cannot lie about a length). */
export function announcedUpload(
  url: string,
  headers: Record<string, string>,
  bytes: number,
): Promise<{ status: number; ms: number; body: string }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const req = http.request(
      url,
      { method: "POST", headers: { ...headers, "content-length": String(bytes) } },
      (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString("utf8")));
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, ms: Date.now() - started, body });
          req.destroy();
        });
      },
    );
    req.on("error", (e) => resolve({ status: 0, ms: Date.now() - started, body: e.message }));
    req.setTimeout(15_000, () => req.destroy(new Error("no answer in 15 s")));
    req.write(Buffer.alloc(64 * 1024, 0x61));
  });
}
