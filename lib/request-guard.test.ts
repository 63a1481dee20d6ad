import { describe, expect, it } from "vitest";
import { checkActionPost, MAX_ACTION_BODY_BYTES, selfContained, wellFormedPath } from "./request-guard";

const URL_ = "http://127.0.0.1/membership/users";

function fetchAction(body: BodyInit, type?: string): Request {
  return new Request(URL_, { method: "POST", body, headers: { "next-action": "60aa", ...(type ? { "content-type": type } : {}) } });
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
    expect(await checkActionPost(fetchAction(form([["_1_userId", "u"], ["0", '[{},"$K1"]']])))).toBeNull();
    expect(await checkActionPost(fetchAction("[]", "text/plain;charset=UTF-8"))).toBeNull();
    expect(await checkActionPost(fetchAction('[{"ok":false,"message":"$$5","errors":"$undefined"},"$K1"]', "text/plain"))).toBeNull();
    const mpa = form([["$ACTION_REF_1", ""], ["$ACTION_1:0", '{"id":"60aa","bound":"$@1"}'], ["$ACTION_1:1", "[{}]"], ["$ACTION_KEY", "k1"], ["email", "a@b"]]);
    expect(await checkActionPost(new Request(URL_, { method: "POST", body: mpa }))).toBeNull();
    expect(await checkActionPost(new Request(URL_, { method: "POST", body: form([["$ACTION_ID_60aa", ""]]) }))).toBeNull();
  });

  it.each([
    ["not JSON", fetchAction("not json{", "text/plain")],
    ["an object, not an argument list", fetchAction('{"a":1}', "text/plain")],
    ["a reference to a part that never comes", fetchAction('["$@9"]', "text/plain")],
    ["a server reference", fetchAction('["$h1"]', "text/plain")],
    ["a multipart root that is not JSON", fetchAction(form([["0", '[{},"$K1"']]))],
    ["a multipart without its root", fetchAction(form([["_1_userId", "u"]]))],
    ["a truncated multipart", fetchAction("--xx\r\ncontent-disposition: form-data; name=\"0\"\r\n\r\n[]", "multipart/form-data; boundary=xx")],
    ["a form whose bound arguments are not JSON", new Request(URL_, { method: "POST", body: form([["$ACTION_REF_1", ""], ["$ACTION_1:0", '{"id":"60aa","bound":"$@1"}'], ["$ACTION_1:1", "garbage"]]) })],
    ["a form whose bound arguments are missing", new Request(URL_, { method: "POST", body: form([["$ACTION_REF_1", ""], ["$ACTION_1:0", '{"id":"60aa","bound":"$@1"}']]) })],
    ["a state form without its bound state", new Request(URL_, { method: "POST", body: form([["$ACTION_REF_1", ""], ["$ACTION_1:0", '{"id":"60aa","bound":null}']]) })],
    ["a form naming no action id", new Request(URL_, { method: "POST", body: form([["$ACTION_REF_1", ""], ["$ACTION_1:0", "{}"]]) })],
  ])("refuses %s with 400", async (_name, request) => {
    expect((await checkActionPost(request))?.status).toBe(400);
  });

  it("refuses a foreign Origin with 403; a missing one is left to the action", async () => {
    const post = (headers: Record<string, string>) => new Request(URL_, { method: "POST", body: "[]", headers: { "next-action": "60aa", "content-type": "text/plain", host: "127.0.0.1", ...headers } });
    expect((await checkActionPost(post({ origin: "https://evil.example" })))?.status).toBe(403);
    expect((await checkActionPost(post({ origin: "null" })))?.status).toBe(403);
    expect(await checkActionPost(post({ origin: "http://127.0.0.1" }))).toBeNull();
    expect(await checkActionPost(post({}))).toBeNull();
  });

  it("refuses an oversized body from its Content-Length, before reading it", async () => {
    const request = new Request(URL_, { method: "POST", body: "[]", headers: { "next-action": "60aa", "content-length": String(MAX_ACTION_BODY_BYTES + 1) } });
    const res = await checkActionPost(request);
    expect(res?.status).toBe(413);
    expect(res?.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("bounds the depth of nested arguments", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(selfContained(deep)).toBe(false);
    expect(selfContained([{ a: [1, "b", null, "$undefined"] }])).toBe(true);
  });
});
