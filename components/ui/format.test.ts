import { describe, expect, it } from "vitest";
import { formatDateTime, formatDuration, formatRelative, plural } from "./format";

describe("formatRelative", () => {
  const now = 1_700_000_000_000;
  it("says how far in the future or the past", () => {
    expect(formatRelative(now + 3_600_000, now)).toBe("in 1 h");
    expect(formatRelative(now + 3_540_000, now)).toBe("in 59 min");
    expect(formatRelative(now + 90_000, now)).toBe("in 1 min 30 s");
    expect(formatRelative(now + 5_000, now)).toBe("in 5 s");
    expect(formatRelative(now - 5_000, now)).toBe("5 s ago");
    expect(formatRelative(now + 2 * 86_400_000, now)).toBe("in 2 d");
    expect(formatRelative(now + 5_400_000, now)).toBe("in 1 h 30 min");
  });
});

describe("formatDuration", () => {
  it("uses the largest whole unit", () => {
    expect(formatDuration(3600)).toBe("1 h");
    expect(formatDuration(300)).toBe("5 min");
    expect(formatDuration(86400)).toBe("1 d");
    expect(formatDuration(45)).toBe("45 s");
  });
});

describe("formatDateTime", () => {
  it("shows an ISO time in UTC to the second, the same on the server and in the browser", () => {
    expect(formatDateTime("2024-05-01T12:34:56.789Z")).toBe("2024-05-01 12:34:56 UTC");
    expect(formatDateTime("2024-05-01T14:34:56+02:00")).toBe("2024-05-01 12:34:56 UTC");
  });
  it("says — for no time and keeps text that is not a date", () => {
    expect(formatDateTime(undefined)).toBe("—");
    expect(formatDateTime("")).toBe("—");
    expect(formatDateTime("soon")).toBe("soon");
  });
});

describe("plural", () => {
  it("uses the singular for one only", () => {
    expect(plural(1, "target")).toBe("1 target");
    expect(plural(2, "target")).toBe("2 targets");
    expect(plural(0, "target")).toBe("0 targets");
    expect(plural(1, "entry", "entries")).toBe("1 entry");
    expect(plural(12, "entry", "entries")).toBe("12 entries");
    expect(plural(1200, "policy", "policies")).toBe("1,200 policies");
  });
});
