import { describe, expect, it } from "vitest";
import { describeError, scrubError } from "./log";

// SPEC §9: error logs carry the detail without secrets — query parameters (session ids, hashes) are redacted.
describe("error logging", () => {
  const failed = () => {
    const e = new Error(
      "Failed query: select * from sessions where id = $1\nparams: 0e3892ac-5540-4fcf-bfda-cccd42b0cf6f,2026-11-15",
    );
    e.cause = Object.assign(new Error("Connection terminated unexpectedly"), { code: "57P01" });
    return e;
  };

  it("describes an error with its cause, parameters redacted", () => {
    const d = describeError(failed());
    expect(JSON.stringify(d)).not.toContain("0e3892ac");
    expect(d).toMatchObject({
      name: "Error",
      message: "Failed query: select * from sessions where id = $1\nparams: [redacted]",
      cause: { message: "Connection terminated unexpectedly", code: "57P01" },
    });
  });

  it("scrubs errors printed by the framework, keeping their digest", () => {
    const e = Object.assign(failed(), { digest: "123" });
    const s = scrubError(e) as Error & { digest?: string };
    expect(`${s.message}${s.stack}`).not.toContain("0e3892ac");
    expect(s.digest).toBe("123");
    const plain = new Error("nothing secret");
    expect(scrubError(plain)).toBe(plain);
    expect(scrubError("text")).toBe("text");
  });
});
