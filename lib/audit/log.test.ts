// Writing and tail-reading the audit log file: newest first, only the tail read, bad lines skipped, oversize lines bounded.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_LINE_BYTES, readAuditEntries, recordAudit, type AuditEntry } from "./log";

import { TEST_SESSION_ID } from "@/test/support/next-headers";

vi.mock("next/headers", async () => (await import("@/test/support/next-headers")).nextHeaders);

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-unit-"));
  file = path.join(dir, "logs", "audit.log");
  process.env.CONSOLE_AUDIT_LOG = file;
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const entry = (i: number): AuditEntry => ({
  time: new Date(Date.UTC(2026, 0, 1, 0, 0, i % 60, i % 1000)).toISOString(),
  who: "session abc",
  backend: "sandbox",
  region: "us-east-1",
  service: "bedrock-agentcore-control",
  operation: "CreateGateway",
  resources: { name: `gw-${i}` },
  outcome: "ok",
  requestId: `req-${i}`,
});

describe("recordAudit", () => {
  it("creates a private folder and file and appends one line per entry, with who, when and the backend", async () => {
    await recordAudit({ region: "us-east-1", service: "iam", operation: "CreateRole", resources: { RoleName: "r" }, outcome: "ok", requestId: "req-1" });
    await recordAudit({ region: "us-east-1", service: "iam", operation: "DeleteRole", resources: { RoleName: "r" }, outcome: "NoSuchEntityException" });
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const lines = fs.readFileSync(file, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines).toMatchObject([
      { who: `session ${TEST_SESSION_ID.slice(0, 8)}`, backend: "sandbox", operation: "CreateRole", outcome: "ok", requestId: "req-1" },
      { operation: "DeleteRole", outcome: "NoSuchEntityException" },
    ]);
    expect(Date.parse(lines[0].time)).not.toBeNaN();
  });

  it("keeps every line under 4 KiB, dropping the resources of an entry that would not fit", async () => {
    const resources = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}${"x".repeat(190)}`, "v".repeat(200)]));
    await recordAudit({ region: "us-east-1", service: "iam", operation: "CreateRole", resources, outcome: "ok" });
    const l = fs.readFileSync(file, "utf8");
    expect(Buffer.byteLength(l)).toBeLessThanOrEqual(MAX_LINE_BYTES + 1);
    expect(JSON.parse(l)).toMatchObject({ operation: "CreateRole", resources: {} });
  });

  it("never throws when the file cannot be written, and says so on the console", async () => {
    fs.writeFileSync(path.join(dir, "file"), "");
    process.env.CONSOLE_AUDIT_LOG = path.join(dir, "file", "audit.log");
    const err = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(recordAudit({ region: "r", service: "s", operation: "CreateX", resources: {}, outcome: "ok" })).resolves.toBeUndefined();
    expect(err).toHaveBeenCalled();
    err.mockRestore();
  });
});

describe("readAuditEntries", () => {
  it("is empty when there is no log yet", async () => {
    expect(await readAuditEntries()).toEqual([]);
  });

  it("returns the newest entries first, at most the limit, reading only the tail of a file too large to read whole", async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // A sparse 3 GiB head: reading the whole file would fail (Node refuses buffers over 2 GiB) or take far too long.
    fs.writeFileSync(file, "");
    fs.truncateSync(file, 3 * 1024 ** 3);
    const total = 1000;
    fs.appendFileSync(file, `\n${Array.from({ length: total }, (_, i) => `${JSON.stringify(entry(i))}\n`).join("")}`);
    const got = await readAuditEntries(200);
    expect(got).toHaveLength(200);
    expect(got[0].resources.name).toBe(`gw-${total - 1}`);
    expect(got[199].resources.name).toBe(`gw-${total - 200}`);
    expect((await readAuditEntries(5)).map((e) => e.requestId)).toEqual(["req-999", "req-998", "req-997", "req-996", "req-995"]);
  });

  it("skips lines that are not valid entries (torn writes, hand edits, hostile content)", async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const lines = [
      JSON.stringify(entry(1)),
      "{not json",
      JSON.stringify({ ...entry(2), backend: "mainframe" }),
      JSON.stringify({ ...entry(3), resources: { a: { nested: true } } }),
      "",
      JSON.stringify({ ...entry(4), who: "x".repeat(10_000) }),
      JSON.stringify(entry(5)),
      '{"time":"2026-01-01T00:00:0',
    ];
    fs.writeFileSync(file, lines.join("\n"));
    expect((await readAuditEntries()).map((e) => e.requestId)).toEqual(["req-5", "req-1"]);
  });
});
