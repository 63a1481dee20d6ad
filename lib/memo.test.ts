import { describe, expect, it } from "vitest";
import { versionedMemo, versionedMemoAsync } from "./memo";

describe("versionedMemo", () => {
  it("computes once per key, always without a key, and forgets the oldest beyond its limit", () => {
    let calls = 0;
    const memo = versionedMemo<number>(2);
    const f = (key: string | null, v: number) => memo(key, () => (calls++, v));
    expect([f("a", 1), f("a", 2), f(null, 3), f(null, 4)]).toEqual([1, 1, 3, 4]);
    expect(calls).toBe(3);
    f("b", 5);
    f("c", 6); // "a" leaves
    expect(f("a", 7)).toBe(7);
    expect(f("c", 8)).toBe(6);
  });

  it("async: concurrent calls share one computation, and a failure is computed again next time", async () => {
    let calls = 0;
    const memo = versionedMemoAsync<number>();
    const ok = () => memo("k", async () => (calls++, 1));
    expect(await Promise.all([ok(), ok()])).toEqual([1, 1]);
    expect(calls).toBe(1);
    await expect(
      memo("bad", async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await memo("bad", async () => 2)).toBe(2);
  });
});
