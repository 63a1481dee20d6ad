// The production build and server of the benchmark: `next build` into its own folder, then
// `next start` on a free port as one child process (stopped by its id).
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";

export const BENCH_DIST_DIR = ".next-bench"; // unless env.NEXT_DIST_DIR names another (npm run bench -- --dist-dir)

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Runs a command to completion with inherited output; rejects on a non-zero exit. */
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "inherit", "inherit"], env });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${[cmd, ...args].join(" ")} failed (${code ?? signal})`)),
    );
  });
}

export async function nextBuild(env: NodeJS.ProcessEnv): Promise<void> {
  await run(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    ...env,
    NEXT_DIST_DIR: env.NEXT_DIST_DIR || BENCH_DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
  });
}

export type Server = { url: string; pid: number; child: ChildProcess; stop: () => Promise<void>; output: () => string };

export async function startServer(
  env: NodeJS.ProcessEnv,
  port: number,
  nodeArgs: string[] = [],
  cwd = process.cwd(),
  /** A program that runs node, with its own arguments first (bench/instructions.ts: valgrind). */
  launcher: string[] = [],
): Promise<Server> {
  const command = [...launcher, process.execPath];
  const child = spawn(
    command[0]!,
    [
      ...command.slice(1),
      ...nodeArgs,
      "node_modules/next/dist/bin/next",
      "start",
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...env,
        NEXT_DIST_DIR: env.NEXT_DIST_DIR || BENCH_DIST_DIR,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(port),
      },
    },
  );
  let output = "";
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer /api/health within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, pid: child.pid!, child, stop, output: () => output };
}
