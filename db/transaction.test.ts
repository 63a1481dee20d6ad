import { describe, expect, it } from "vitest";
import type { Db } from "./client";
import { inTransaction, pgError } from "./transaction";

function fakeDb(failures: unknown[]) {
  let calls = 0;
  const db = {
    transaction: async (fn: (tx: unknown) => Promise<unknown>) => {
      calls++;
      const f = failures.shift();
      if (f) throw f;
      return fn({});
    },
  };
  return { db: db as unknown as Db, calls: () => calls };
}

describe("one transaction per verb, retried on serialization failures", () => {
  it("reads SQLSTATE and constraint through Drizzle's wrapper", () => {
    expect(pgError(new Error("x", { cause: { code: "23505", constraint_name: "orders_one_open_key" } }))).toEqual({
      code: "23505",
      constraint: "orders_one_open_key",
    });
    expect(pgError({ code: "40P01", constraint: undefined })).toEqual({ code: "40P01", constraint: undefined });
    expect(pgError(new Error("plain"))).toEqual({});
  });
  it("retries 40001 and 40P01, then succeeds", async () => {
    const f = fakeDb([new Error("a", { cause: { code: "40001" } }), { code: "40P01" }]);
    await expect(inTransaction(f.db, async () => "done")).resolves.toBe("done");
    expect(f.calls()).toBe(3);
  });
  it("does not retry other errors, and gives up after the last attempt", async () => {
    const unique = fakeDb([{ code: "23505" }]);
    await expect(inTransaction(unique.db, async () => "x")).rejects.toMatchObject({ code: "23505" });
    expect(unique.calls()).toBe(1);
    const busy = fakeDb(Array.from({ length: 5 }, () => ({ code: "40001" })));
    await expect(inTransaction(busy.db, async () => "x", 5)).rejects.toMatchObject({ code: "40001" });
    expect(busy.calls()).toBe(5);
  });
});
