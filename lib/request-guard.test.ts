import { describe, expect, it } from "vitest";
import { selfContained } from "./react-reply";
import {
  checkActionPost,
  checkAuthPost,
  MAX_ACTION_BODY_BYTES,
  MAX_AUTH_BODY_BYTES,
  wellFormedPath,
} from "./request-guard";

const URL_ = "http://127.0.0.1/membership/users";
const SAME_SITE = { origin: "http://127.0.0.1", host: "127.0.0.1" };

function fetchAction(body: BodyInit, type?: string): Request {
  return new Request(URL_, {
    method: "POST",
    body,
    headers: { ...SAME_SITE, "next-action": "60aa", ...(type ? { "content-type": type } : {}) },
  });
}

/** A form posted without JavaScript, from this site. */
function formPost(body: FormData): Request {
  return new Request(URL_, { method: "POST", body, headers: SAME_SITE });
}

function form(entries: [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("request guard", () => {
  it("finds malformed percent-encodings in a path", () => {
    expect(wellFormedPath("/membership/orders/PMC-1%20")).toBe(true);
    expect(wellFormedPath("/membership/orders/%E0%A4%A")).toBe(false);
    expect(wellFormedPath("/api/auth/%")).toBe(false);
  });

  it("lets what React sends through", async () => {
    expect(
      await checkActionPost(
        fetchAction(
          form([
            ["_1_userId", "u"],
            ["0", '[{},"$K1"]'],
          ]),
        ),
      ),
    ).toBeNull();
    expect(await checkActionPost(fetchAction("[]", "text/plain;charset=UTF-8"))).toBeNull();
    expect(
      await checkActionPost(fetchAction('[{"ok":false,"message":"$$5","errors":"$undefined"},"$K1"]', "text/plain")),
    ).toBeNull();
    const mpa = form([
      ["$ACTION_REF_1", ""],
      ["$ACTION_1:0", '{"id":"60aa","bound":"$@1"}'],
      ["$ACTION_1:1", "[{}]"],
      ["$ACTION_KEY", "k1"],
      ["email", "a@b"],
    ]);
    expect(await checkActionPost(formPost(mpa))).toBeNull();
    expect(await checkActionPost(formPost(form([["$ACTION_ID_60aa", ""]])))).toBeNull();
    // a browser's multipart boundary has capitals (WebKit: ----WebKitFormBoundaryAbC…)
    const boundary = "----WebKitFormBoundaryX7aQ";
    const body = `--${boundary}\r\ncontent-disposition: form-data; name="_1_email"\r\n\r\na@b\r\n--${boundary}\r\ncontent-disposition: form-data; name="0"\r\n\r\n[{},"$K1"]\r\n--${boundary}--\r\n`;
    expect(await checkActionPost(fetchAction(body, `multipart/form-data; boundary=${boundary}`))).toBeNull();
  });

  it.each([
    ["not JSON", fetchAction("not json{", "text/plain")],
    ["an object, not an argument list", fetchAction('{"a":1}', "text/plain")],
    ["a reference to a part that never comes", fetchAction('["$@9"]', "text/plain")],
    ["a server reference", fetchAction('["$h1"]', "text/plain")],
    ["a multipart root that is not JSON", fetchAction(form([["0", '[{},"$K1"']]))],
    ["a multipart without its root", fetchAction(form([["_1_userId", "u"]]))],
    [
      "a truncated multipart",
      fetchAction('--xx\r\ncontent-disposition: form-data; name="0"\r\n\r\n[]', "multipart/form-data; boundary=xx"),
    ],
    [
      "a form whose bound arguments are not JSON",
      formPost(
        form([
          ["$ACTION_REF_1", ""],
          ["$ACTION_1:0", '{"id":"60aa","bound":"$@1"}'],
          ["$ACTION_1:1", "garbage"],
        ]),
      ),
    ],
    [
      "a form whose bound arguments are missing",
      formPost(
        form([
          ["$ACTION_REF_1", ""],
          ["$ACTION_1:0", '{"id":"60aa","bound":"$@1"}'],
        ]),
      ),
    ],
    [
      "a state form without its bound state",
      formPost(
        form([
          ["$ACTION_REF_1", ""],
          ["$ACTION_1:0", '{"id":"60aa","bound":null}'],
        ]),
      ),
    ],
    [
      "a form naming no action id",
      formPost(
        form([
          ["$ACTION_REF_1", ""],
          ["$ACTION_1:0", "{}"],
        ]),
      ),
    ],
  ])("refuses %s with 400", async (_name, request) => {
    expect((await checkActionPost(request))?.status).toBe(400);
  });

  it("refuses a foreign or a missing Origin with 403 (every action, sign-in and sign-out included)", async () => {
    const post = (headers: Record<string, string>) =>
      new Request(URL_, {
        method: "POST",
        body: "[]",
        headers: { "next-action": "60aa", "content-type": "text/plain", host: "127.0.0.1", ...headers },
      });
    expect((await checkActionPost(post({ origin: "https://evil.example" })))?.status).toBe(403);
    expect((await checkActionPost(post({ origin: "null" })))?.status).toBe(403);
    expect(await checkActionPost(post({ origin: "http://127.0.0.1" }))).toBeNull();
    const missing = await checkActionPost(post({}));
    expect(missing?.status).toBe(403);
    expect(await missing?.text()).toContain("Cross-site request refused");
    const form = new Request(URL_, { method: "POST", body: new FormData(), headers: { host: "127.0.0.1" } });
    expect((await checkActionPost(form))?.status).toBe(403);
  });

  it("refuses an oversized body from its Content-Length, before reading it", async () => {
    const request = new Request(URL_, {
      method: "POST",
      body: "[]",
      headers: { ...SAME_SITE, "next-action": "60aa", "content-length": String(MAX_ACTION_BODY_BYTES + 1) },
    });
    const res = await checkActionPost(request);
    expect(res?.status).toBe(413);
    expect(res?.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("refuses an oversized body sent without a length, once it has read past the limit", async () => {
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x5b);
    const body = new ReadableStream<Uint8Array>({
      pull: (c) =>
        sent >= MAX_ACTION_BODY_BYTES + chunk.length ? c.close() : ((sent += chunk.length), c.enqueue(chunk)),
    });
    const request = new Request(URL_, {
      method: "POST",
      body,
      duplex: "half",
      headers: { ...SAME_SITE, "next-action": "60aa", "content-type": "text/plain" },
    } as RequestInit);
    expect((await checkActionPost(request))?.status).toBe(413);
    const proof = form([
      ["_1_orderNumber", "PMC-1"],
      ["_1_file", "x".repeat(5 * 1024 * 1024)],
      ["0", '[{},"$K1"]'],
    ]); // a 5 MB proof passes
    expect(await checkActionPost(fetchAction(proof))).toBeNull();
  });

  it("refuses an Auth.js POST larger than its form could be", () => {
    const auth = (length: number) =>
      new Request("http://127.0.0.1/api/auth/callback/credentials", {
        method: "POST",
        body: "x",
        headers: { "content-length": String(length) },
      });
    expect(checkAuthPost(auth(MAX_AUTH_BODY_BYTES + 1))?.status).toBe(413);
    expect(checkAuthPost(auth(300))).toBeNull();
  });

  it("bounds the depth of nested arguments", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(selfContained(deep)).toBe(false);
    expect(selfContained([{ a: [1, "b", null, "$undefined"] }])).toBe(true);
  });
});
