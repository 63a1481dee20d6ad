import { expect, it } from "vitest";
import { jsonProp, readJsonProp } from "./json-prop";

it("sends a value as one JSON text and reads the same value back", () => {
  const value = { rows: [["A & B", 1, true, null, [{ offer: "x", anniversary: "2027-01-01" }]]], note: 'say "hi"' };
  const prop = jsonProp(value);
  expect(typeof prop).toBe("string");
  expect(readJsonProp(prop)).toEqual(value);
});

it("drops undefined object fields, as a reader of optional fields expects", () => {
  const prop = jsonProp<{ a: number; b?: string }>({ a: 1, b: undefined });
  expect(prop).toBe('{"a":1}');
  expect(readJsonProp(prop).b).toBeUndefined();
});
