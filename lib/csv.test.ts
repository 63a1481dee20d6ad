import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./csv";

describe("CSV download cells (SPEC §6)", () => {
  it.each([
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
    ["\rx", '"\'\rx"'],
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["=1,2", `"'=1,2"`],
  ])("%j → %j", (input, expected) => expect(csvCell(input)).toBe(expected));
  it("writes empty cells for null and a CRLF line end", () => {
    expect(csvLine(["a", null, 3])).toBe("a,,3\r\n");
  });
});
