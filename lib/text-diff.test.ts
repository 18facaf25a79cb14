import { describe, expect, it } from "vitest";
import { hasChanges, lineDiff } from "./text-diff";

describe("lineDiff", () => {
  it("marks identical texts as unchanged", () => {
    const d = lineDiff("a\nb", "a\nb");
    expect(d).toEqual([
      { type: "same", text: "a" },
      { type: "same", text: "b" },
    ]);
    expect(hasChanges(d)).toBe(false);
  });

  it("shows added and removed lines in order around the common ones", () => {
    expect(lineDiff("a\nb\nc", "a\nx\nc\nd")).toEqual([
      { type: "same", text: "a" },
      { type: "remove", text: "b" },
      { type: "add", text: "x" },
      { type: "same", text: "c" },
      { type: "add", text: "d" },
    ]);
  });

  it("treats an empty side as all added or all removed", () => {
    expect(lineDiff("", "a\nb")).toEqual([
      { type: "add", text: "a" },
      { type: "add", text: "b" },
    ]);
    expect(lineDiff("a", "")).toEqual([{ type: "remove", text: "a" }]);
    expect(hasChanges(lineDiff("a", ""))).toBe(true);
  });
});
