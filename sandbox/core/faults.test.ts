import { describe, expect, it } from "vitest";
import { Faults, faultConfigFromEnv, parseFaultConfig } from "./faults";

describe("Faults", () => {
  it("fails the next N matching calls, then stops", () => {
    const f = new Faults({ faults: [{ type: "throttling", operation: "CreateGateway", count: 2 }] });
    expect(f.pick("agentcore-control", "GetGateway")).toBeUndefined();
    expect(f.pick("agentcore-control", "CreateGateway")).toBe("throttling");
    expect(f.pick("agentcore-control", "CreateGateway")).toBe("throttling");
    expect(f.pick("agentcore-control", "CreateGateway")).toBeUndefined();
    expect(f.get().faults).toEqual([]);
  });

  it("matches by service and applies probability with the injected random", () => {
    let r = 0.9;
    const f = new Faults({ faults: [{ type: "internal", service: "iam", probability: 0.5 }] }, () => r);
    expect(f.pick("sts", "GetCallerIdentity")).toBeUndefined();
    expect(f.pick("iam", "GetRole")).toBeUndefined();
    r = 0.1;
    expect(f.pick("iam", "GetRole")).toBe("internal");
    expect(f.pick("iam", "GetRole")).toBe("internal");
  });

  it("latency with jitter stays within bounds", () => {
    const lo = new Faults({ latencyMs: 100, jitterMs: 20 }, () => 0);
    const hi = new Faults({ latencyMs: 100, jitterMs: 20 }, () => 0.999999);
    expect(lo.latency()).toBe(80);
    expect(hi.latency()).toBe(120);
    expect(new Faults().latency()).toBe(0);
  });

  it("set replaces, add appends, clear empties", () => {
    const f = new Faults({ latencyMs: 5, faults: [{ type: "internal" }] });
    f.add({ faults: [{ type: "throttling" }] });
    expect(f.get().faults.map((x) => x.type)).toEqual(["internal", "throttling"]);
    expect(f.get().latencyMs).toBe(5);
    f.set({ faults: [] });
    expect(f.get()).toEqual({ latencyMs: 0, jitterMs: 0, faults: [] });
    f.set({ latencyMs: 3 });
    f.clear();
    expect(f.get().latencyMs).toBe(0);
  });

  it("validates the config", () => {
    expect(() => parseFaultConfig({ faults: [{ type: "boom" }] })).toThrow(/type/);
    expect(() => parseFaultConfig({ faults: [{ type: "internal", probability: 2 }] })).toThrow(/probability/);
    expect(() => parseFaultConfig({ faults: [{ type: "internal", count: 0 }] })).toThrow(/count/);
    expect(() => parseFaultConfig({ latencyMs: -1 })).toThrow(/latencyMs/);
    expect(() => parseFaultConfig("x")).toThrow();
    expect(parseFaultConfig([{ type: "internal" }])).toEqual({ faults: [{ type: "internal" }] });
  });

  it("reads the environment", () => {
    expect(faultConfigFromEnv({ SANDBOX_LATENCY_MS: "50", SANDBOX_LATENCY_JITTER_MS: "5", SANDBOX_FAULTS: '[{"type":"throttling","count":1}]' })).toEqual({
      latencyMs: 50,
      jitterMs: 5,
      faults: [{ type: "throttling", count: 1 }],
    });
    expect(faultConfigFromEnv({})).toEqual({});
  });

  it("refuses latencies a timer cannot honour, with the variable's name", () => {
    // 1e12 ms used to overflow setTimeout and silently become 1 ms.
    expect(() => faultConfigFromEnv({ SANDBOX_LATENCY_MS: "1e12" })).toThrow(/SANDBOX_LATENCY_MS must be a number of milliseconds from 0 to 60000 \(got "1e12"\)/);
    expect(() => faultConfigFromEnv({ SANDBOX_LATENCY_MS: "1000000000000" })).toThrow(/SANDBOX_LATENCY_MS/);
    expect(() => faultConfigFromEnv({ SANDBOX_LATENCY_JITTER_MS: "abc" })).toThrow(/SANDBOX_LATENCY_JITTER_MS/);
    expect(() => faultConfigFromEnv({ SANDBOX_FAULTS: "{" })).toThrow(/SANDBOX_FAULTS is not valid JSON/);
    expect(() => faultConfigFromEnv({ SANDBOX_FAULTS: '{"latencyMs":1e12}' })).toThrow(/SANDBOX_FAULTS: latencyMs must be/);
    expect(() => parseFaultConfig({ latencyMs: 1e12 })).toThrow(/latencyMs must be a number of milliseconds from 0 to 60000/);
    expect(() => parseFaultConfig({ jitterMs: 60_001 })).toThrow(/jitterMs/);
    expect(() => parseFaultConfig({ faults: [{ type: "internal", probability: Number.NaN }] })).toThrow(/probability/);
    expect(parseFaultConfig({ latencyMs: 60_000 })).toEqual({ latencyMs: 60_000 });
  });
});
