// Latency and fault injection (throttling, internal errors) for the sandbox, set from env or at runtime.

export type FaultType = "throttling" | "internal";

export interface FaultRule {
  /** throttling → the protocol's throttling error; internal → a 500 server error. */
  type: FaultType;
  /** Service name in the registry (e.g. "agentcore-control", "cognito", "iam", "sts"); any when omitted. */
  service?: string;
  /** Operation name (e.g. "CreateGateway"); any when omitted. */
  operation?: string;
  /** Chance in [0, 1] that a matching call fails; 1 when omitted. */
  probability?: number;
  /** Fail only the next N matching calls, then the rule is spent; unlimited when omitted. */
  count?: number;
}

export interface FaultConfig {
  latencyMs?: number;
  jitterMs?: number;
  faults?: FaultRule[];
}

export class Faults {
  private config: Required<FaultConfig> = { latencyMs: 0, jitterMs: 0, faults: [] };

  constructor(initial?: FaultConfig, private random: () => number = Math.random) {
    if (initial) this.set(initial);
  }

  /** Replaces the whole configuration (after validating it). */
  set(config: FaultConfig): void {
    const parsed = parseFaultConfig(config);
    this.config = { latencyMs: parsed.latencyMs ?? 0, jitterMs: parsed.jitterMs ?? 0, faults: parsed.faults ?? [] };
  }

  /** Merges: latency fields replace, fault rules are appended. */
  add(config: FaultConfig): void {
    const parsed = parseFaultConfig(config);
    this.config = {
      latencyMs: parsed.latencyMs ?? this.config.latencyMs,
      jitterMs: parsed.jitterMs ?? this.config.jitterMs,
      faults: [...this.config.faults, ...(parsed.faults ?? [])],
    };
  }

  clear(): void {
    this.config = { latencyMs: 0, jitterMs: 0, faults: [] };
  }

  get(): Required<FaultConfig> {
    return { ...this.config, faults: this.config.faults.map((f) => ({ ...f })) };
  }

  /** Milliseconds to wait before answering. */
  latency(): number {
    const { latencyMs, jitterMs } = this.config;
    return Math.max(0, latencyMs + (jitterMs ? Math.round((this.random() * 2 - 1) * jitterMs) : 0));
  }

  /** Decides whether this call fails, consuming a "next N calls" rule when it fires. */
  pick(service: string, operation: string): FaultType | undefined {
    for (const rule of this.config.faults) {
      if (rule.service && rule.service !== service) continue;
      if (rule.operation && rule.operation !== operation) continue;
      if (rule.count !== undefined && rule.count <= 0) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      if (rule.count !== undefined) rule.count -= 1;
      this.config.faults = this.config.faults.filter((r) => r.count === undefined || r.count > 0);
      return rule.type;
    }
    return undefined;
  }
}

export class FaultConfigError extends Error {}

/** Injected latency and jitter stay under a minute: beyond it Node's timers overflow and SDK calls time out anyway. */
export const MAX_LATENCY_MS = 60_000;
const MAX_RULES = 1000;

/** Validates an untrusted fault configuration (control endpoint body or SANDBOX_FAULTS). */
export function parseFaultConfig(input: unknown): FaultConfig {
  const raw = Array.isArray(input) ? { faults: input } : input;
  if (!raw || typeof raw !== "object") throw new FaultConfigError("fault config must be an object or an array of rules");
  const o = raw as Record<string, unknown>;
  const out: FaultConfig = {};
  for (const k of ["latencyMs", "jitterMs"] as const) {
    if (o[k] === undefined) continue;
    if (typeof o[k] !== "number" || !Number.isFinite(o[k]) || (o[k] as number) < 0 || (o[k] as number) > MAX_LATENCY_MS) {
      throw new FaultConfigError(`${k} must be a number of milliseconds from 0 to ${MAX_LATENCY_MS} (got ${JSON.stringify(o[k])})`);
    }
    out[k] = o[k] as number;
  }
  if (o.faults !== undefined) {
    if (!Array.isArray(o.faults)) throw new FaultConfigError("faults must be an array");
    if (o.faults.length > MAX_RULES) throw new FaultConfigError(`faults may hold at most ${MAX_RULES} rules`);
    out.faults = o.faults.map((r, i) => {
      if (!r || typeof r !== "object") throw new FaultConfigError(`faults[${i}] must be an object`);
      const rule = r as Record<string, unknown>;
      if (rule.type !== "throttling" && rule.type !== "internal") throw new FaultConfigError(`faults[${i}].type must be "throttling" or "internal"`);
      for (const k of ["service", "operation"]) {
        if (rule[k] !== undefined && typeof rule[k] !== "string") throw new FaultConfigError(`faults[${i}].${k} must be a string`);
      }
      if (rule.probability !== undefined && (typeof rule.probability !== "number" || !Number.isFinite(rule.probability) || rule.probability < 0 || rule.probability > 1)) {
        throw new FaultConfigError(`faults[${i}].probability must be a number in [0, 1]`);
      }
      if (rule.count !== undefined && (!Number.isSafeInteger(rule.count) || (rule.count as number) < 1)) {
        throw new FaultConfigError(`faults[${i}].count must be a positive integer`);
      }
      return {
        type: rule.type,
        service: rule.service as string | undefined,
        operation: rule.operation as string | undefined,
        probability: rule.probability as number | undefined,
        count: rule.count as number | undefined,
      };
    });
  }
  return out;
}

/** Reads SANDBOX_LATENCY_MS, SANDBOX_LATENCY_JITTER_MS and SANDBOX_FAULTS (JSON). */
export function faultConfigFromEnv(env: Record<string, string | undefined> = process.env): FaultConfig {
  let config: FaultConfig = {};
  if (env.SANDBOX_FAULTS) {
    try {
      config = parseFaultConfig(JSON.parse(env.SANDBOX_FAULTS));
    } catch (e) {
      throw e instanceof FaultConfigError ? new FaultConfigError(`SANDBOX_FAULTS: ${e.message}`) : new FaultConfigError(`SANDBOX_FAULTS is not valid JSON: ${(e as Error).message}`);
    }
  }
  for (const [name, key] of [["SANDBOX_LATENCY_MS", "latencyMs"], ["SANDBOX_LATENCY_JITTER_MS", "jitterMs"]] as const) {
    const raw = env[name];
    if (raw === undefined || raw === "") continue;
    // Number() also takes "0x10", "1e12" and "Infinity": only plain decimals are taken, then range-checked.
    const n = /^\s*\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isFinite(n) || n > MAX_LATENCY_MS) throw new FaultConfigError(`${name} must be a number of milliseconds from 0 to ${MAX_LATENCY_MS} (got ${JSON.stringify(raw)})`);
    config[key] = n;
  }
  return parseFaultConfig(config);
}
