// Request-level helpers for the security specs (SPEC §9): sign in without a browser, call a
// server action directly over HTTP (bypassing the UI), and read the built action manifest.
import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext, type APIResponse, expect, request as playwrightRequest } from "@playwright/test";
import { E2E_PASSWORD } from "../fixtures";

export const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

/** A cookie jar of its own, signed out. */
export function newClient(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: BASE_URL, maxRedirects: 0 });
}

/** Signs in through Auth.js's own credentials endpoint (CSRF token + form post), as a browser would. */
export async function signedInClient(email: string, password = E2E_PASSWORD): Promise<APIRequestContext> {
  const client = await newClient();
  const csrf = await client.get("/api/auth/csrf");
  expect(csrf.status()).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await client.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: "/membership" },
    headers: { origin: BASE_URL },
  });
  expect(res.status(), `sign-in of ${email}`).toBeGreaterThanOrEqual(300);
  expect(res.status()).toBeLessThan(400);
  const state = await client.storageState();
  expect(
    state.cookies.map((c) => c.name),
    `session cookie for ${email}`,
  ).toContain("authjs.session-token");
  return client;
}

export type ActionEntry = { id: string; filename: string; exportedName: string; pages: string[] };

/** Every server action of the build: id, source file, exported name and the pages that load it. */
export function builtActions(): ActionEntry[] {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const file = path.join(distDir, "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  return Object.entries(manifest.node).map(([id, v]) => ({
    id,
    filename: v.filename ?? "?",
    exportedName: v.exportedName ?? "?",
    pages: Object.keys(v.workers),
  }));
}

export function actionId(filename: string, exportedName: string): string {
  const found = builtActions().find((a) => a.filename === filename && a.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${filename}#${exportedName} in the build`);
  return found.id;
}

export type ActionCall = {
  id: string;
  /** The page the action is posted to (any page that loads it). */
  path: string;
  /** The FormData fields of a `(previousState, formData)` action. */
  fields: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;
  /** The Origin header: this site by default; null sends none. */
  origin?: string | null;
};

/**
 * POSTs a server action the way React's client does: `Next-Action: <id>` and a multipart body whose
 * part "0" is the argument list — here `[{}, $K1]`: the previous state and a FormData whose fields
 * are the parts prefixed "_1_".
 */
export async function callAction(
  client: APIRequestContext,
  call: ActionCall,
): Promise<{ status: number; body: string; response: APIResponse }> {
  // The fields come before the root part "0", as React sends them: the server resolves "$K1"
  // when part "0" arrives, from the fields received until then.
  const form = new FormData();
  for (const [k, v] of Object.entries(call.fields)) {
    form.append(
      `_1_${k}`,
      typeof v === "string" ? v : new File([new Uint8Array(v.buffer)], v.name, { type: v.mimeType }),
    );
  }
  form.append("0", JSON.stringify([{}, "$K1"]));
  const origin = call.origin === undefined ? BASE_URL : call.origin;
  const response = await client.post(call.path, {
    multipart: form,
    headers: { "next-action": call.id, accept: "text/x-component", ...(origin === null ? {} : { origin }) },
  });
  return { status: response.status(), body: await response.text(), response };
}

/** The visible content of a page's <main>, without per-request noise (nonces, ids, scripts). */
export function mainText(html: string): string {
  const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? html;
  return main
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/\s(nonce|id|for|aria-[a-z]+|data-[a-z-]+)="[^"]*"/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
