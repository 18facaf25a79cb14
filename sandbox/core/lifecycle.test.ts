import { describe, expect, it } from "vitest";
import { startTransition, statusAt } from "./lifecycle";

describe("lifecycle", () => {
  it("computes the status from timestamps", () => {
    const t = startTransition(1000, 500, "CREATING", "READY");
    expect(statusAt(t, "READY", 1000)).toBe("CREATING");
    expect(statusAt(t, "READY", 1499)).toBe("CREATING");
    expect(statusAt(t, "READY", 1500)).toBe("READY");
    expect(statusAt(undefined, "ACTIVE", 0)).toBe("ACTIVE");
  });

  it("a finished deletion means gone; a zero delay finishes at once", () => {
    const t = startTransition(1000, 0, "DELETING", null);
    expect(statusAt(t, "READY", 1000)).toBeNull();
  });
});
