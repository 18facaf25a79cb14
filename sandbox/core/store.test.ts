import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Store, writeFileAtomic } from "./store";

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "store-test-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  vi.restoreAllMocks();
  while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
});

describe("Store", () => {
  it("persists one file per service and loads it back", () => {
    const dir = tmp();
    const a = new Store(dir);
    a.get<{ n: number }>("svc", () => ({ n: 0 })).n = 42;
    a.save("svc");
    expect(fs.readdirSync(dir)).toEqual(["svc.json"]);
    expect(new Store(dir).get<{ n: number }>("svc", () => ({ n: 0 })).n).toBe(42);
  });

  it("in memory when no dir is given", () => {
    const s = new Store();
    s.get<{ n: number }>("svc", () => ({ n: 1 })).n = 2;
    s.save("svc");
    expect(s.get<{ n: number }>("svc").n).toBe(2);
  });

  it("ignores and removes a leftover temp file from a crash mid-write", () => {
    const dir = tmp();
    const a = new Store(dir);
    a.get<{ v: string }>("svc", () => ({ v: "good" }));
    a.save("svc");
    // A crash between write and rename leaves a partial temp file beside the real one.
    fs.writeFileSync(path.join(dir, ".svc.json.999.deadbeef.tmp"), '{"v": "hal');
    const b = new Store(dir);
    expect(b.get<{ v: string }>("svc").v).toBe("good");
    expect(fs.readdirSync(dir)).toEqual(["svc.json"]);
  });

  it("a write that fails before the rename leaves the previous state intact", () => {
    const dir = tmp();
    const a = new Store(dir);
    a.get<{ v: number }>("svc", () => ({ v: 1 }));
    a.save("svc");
    a.get<{ v: number }>("svc").v = 2;
    const spy = vi.spyOn(fs, "renameSync").mockImplementationOnce(() => {
      throw new Error("simulated crash");
    });
    expect(() => a.save("svc")).toThrow("simulated crash");
    spy.mockRestore();
    expect(JSON.parse(fs.readFileSync(path.join(dir, "svc.json"), "utf8"))).toEqual({ v: 1 });
    expect(fs.readdirSync(dir)).toEqual(["svc.json"]);
    expect(new Store(dir).get<{ v: number }>("svc").v).toBe(1);
  });

  it("moves an unreadable state file aside instead of crashing", () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "svc.json"), "{garbage");
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const s = new Store(dir);
    expect(s.get("svc", () => ({ fresh: true }))).toEqual({ fresh: true });
    expect(fs.readdirSync(dir).some((f) => f.startsWith("svc.json.corrupt-"))).toBe(true);
  });

  it("reset wipes memory and files; set replaces or drops", () => {
    const dir = tmp();
    const s = new Store(dir);
    s.set("a", { x: 1 });
    s.set("b", { y: 2 });
    s.set("b", undefined);
    expect(fs.readdirSync(dir)).toEqual(["a.json"]);
    s.reset();
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(s.get("a", () => ({ empty: true }))).toEqual({ empty: true });
  });

  it("refuses unsafe service names", () => {
    const s = new Store(tmp());
    expect(() => s.get("../evil")).toThrow(/invalid service name/);
  });

  it("writeFileAtomic replaces content whole", () => {
    const file = path.join(tmp(), "f.json");
    writeFileAtomic(file, "one");
    writeFileAtomic(file, "two");
    expect(fs.readFileSync(file, "utf8")).toBe("two");
    expect(fs.readdirSync(path.dirname(file))).toEqual(["f.json"]);
  });
});
