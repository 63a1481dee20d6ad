// React's server-action body format as the React that Next.js ships writes it today: if an upgrade
// of next (or React) changes it, these fail — check lib/react-reply.ts against the new format.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { FormState } from "./actions";
import { validActionArgs, validNoJsActionForm } from "./react-reply";
import { checkActionPost } from "./request-guard";

const require = createRequire(import.meta.url);
type ReactLike = typeof import("react");
const React = require("next/dist/compiled/react") as ReactLike;
const { renderToReadableStream } = require("next/dist/compiled/react-dom/server.node.js") as {
  renderToReadableStream: (node: unknown) => Promise<ReadableStream & { allReady: Promise<void> }>;
};
const { encodeReply, createServerReference } =
  require("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
    encodeReply: (args: unknown[]) => Promise<string | FormData>;
    createServerReference: (id: string, call: () => void) => (...a: unknown[]) => unknown;
  };

const ACTION_ID = "7f60aa0123456789abcdef0123456789abcdef0123";
// Previous states as runFormAction returns them (lib/actions.ts), with strings React must escape.
const STATES: FormState[] = [
  {},
  { ok: false, message: "$5 is not an email", errors: { email: ["Enter an email like a@b.example"] } },
  { ok: true, message: "Saved." },
];

function formOf(entries: [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

const same = { origin: "http://127.0.0.1", host: "127.0.0.1" };

describe("a fetched server action's body (React's encodeReply)", () => {
  it("passes for our actions' (previousState, formData) and for argument lists", async () => {
    for (const state of STATES) {
      const body = await encodeReply([
        state,
        formOf([
          ["email", "a@b.example"],
          ["role", "member"],
        ]),
      ]);
      expect(body).toBeInstanceOf(FormData);
      expect(validActionArgs((body as FormData).get("0"))).toBe(true);
      const request = new Request("http://127.0.0.1/membership/users", {
        method: "POST",
        body: body as FormData,
        headers: { ...same, "next-action": ACTION_ID },
      });
      expect(await checkActionPost(request)).toBeNull();
    }
    for (const args of [[], ["$x", undefined, -0, Number.NaN, 10n, new Date(0), [{ a: null }]]]) {
      const body = await encodeReply(args);
      expect(typeof body).toBe("string");
      expect(validActionArgs(body)).toBe(true);
    }
  });

  it("is refused when it refers to another part (the references React writes now)", async () => {
    const body = (await encodeReply([new Map([["a", 1]])])) as FormData;
    expect(String(body.get("0"))).toMatch(/"\$[A-Za-z@]\d+"/);
    expect(validActionArgs(body.get("0"))).toBe(false);
  });
});

function StateForm({ action, state }: { action: (s: FormState) => FormState; state: FormState }) {
  const [, formAction] = React.useActionState(action, state);
  return React.createElement("form", { action: formAction }, React.createElement("input", { name: "email" }));
}

/** The hidden fields React DOM renders for a form whose action is a server action. */
async function renderedFormFields(node: unknown): Promise<[string, string][]> {
  const stream = await renderToReadableStream(node);
  await stream.allReady;
  const html = await new Response(stream).text();
  const decodeHtml = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  return [...html.matchAll(/<input type="hidden" name="([^"]*)"(?: value="([^"]*)")?\/>/g)].map((m) => [
    decodeHtml(m[1]!),
    decodeHtml(m[2] ?? ""),
  ]);
}

describe("a server action's form posted before JavaScript loads (React DOM's hidden fields)", () => {
  it("passes for a useActionState form, and only with its bound state", async () => {
    const action = createServerReference(ACTION_ID, () => {}) as (s: FormState) => FormState;
    for (const state of STATES) {
      const element = React.createElement(StateForm, { action, state });
      const fields = await renderedFormFields(element);
      expect(fields.map(([k]) => k)).toContain("$ACTION_REF_1");
      const form = formOf([...fields, ["email", "a@b.example"]]);
      expect(validNoJsActionForm(form)).toBe(true);
      const request = new Request("http://127.0.0.1/membership/users", { method: "POST", body: form, headers: same });
      expect(await checkActionPost(request)).toBeNull();
      expect(validNoJsActionForm(formOf(fields.filter(([k]) => k !== "$ACTION_1:1")))).toBe(false);
    }
  });
});
