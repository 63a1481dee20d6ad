import { describe, expect, it } from "vitest";
import { ImportGate } from "./limits";

describe("concurrent imports gate", () => {
  it("admits up to the per-organization limit, then refuses that organization only", () => {
    const gate = new ImportGate({ perOrganization: 2, perInstance: 10 });
    const a1 = gate.tryEnter("a");
    const a2 = gate.tryEnter("a");
    expect(a1.ok && a2.ok).toBe(true);
    const a3 = gate.tryEnter("a");
    expect(a3).toEqual({ ok: false, message: expect.stringContaining("already has 2 imports in progress") });
    expect(gate.tryEnter("b").ok).toBe(true);
    if (a1.ok) a1.release();
    if (a1.ok) a1.release(); // released once only
    expect(gate.tryEnter("a").ok).toBe(true);
    expect(gate.tryEnter("a").ok).toBe(false);
  });

  it("refuses everyone beyond the per-instance limit until a slot is released", () => {
    const gate = new ImportGate({ perOrganization: 5, perInstance: 3 });
    const slots = ["a", "b", "c"].map((o) => gate.tryEnter(o));
    expect(slots.every((s) => s.ok)).toBe(true);
    expect(gate.tryEnter("d")).toEqual({ ok: false, message: expect.stringContaining("busy with other imports") });
    const first = slots[0]!;
    if (first.ok) first.release();
    expect(gate.tryEnter("d").ok).toBe(true);
  });
});
