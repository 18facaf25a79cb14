// Lambda's execution environments: a pool of warm Node.js processes per function version, with timeouts and crash recovery.
import { fork, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Store } from "../../core/store";

const RUNNER = path.join(path.dirname(fileURLToPath(import.meta.url)), "runner.mjs");
/** Concurrent environments per function version; more invocations wait for one to be free. */
const MAX_ENVIRONMENTS = 4;
/** How much log each function keeps in memory (the sandbox's stand-in for CloudWatch Logs). */
const LOG_KEEP_BYTES = 64 * 1024;

export interface FunctionSpec {
  /** Identifies a code + configuration version: a new key means new environments. */
  key: string;
  functionName: string;
  functionArn: string;
  region: string;
  handler: string;
  runtime: string;
  memorySize: number;
  timeoutSeconds: number;
  taskRoot: string;
  variables: Record<string, string>;
}

export interface ErrorPayload {
  errorType: string;
  errorMessage: string;
  trace?: string[];
}

export interface RunResult {
  requestId: string;
  /** The function's answer (JSON text), or the error payload when `error` is set. */
  payload: string;
  error?: ErrorPayload & { kind: "function-error" | "timeout" };
  /** This invocation's log: START, the function's lines, END and REPORT. */
  log: string;
  memory?: number;
}

interface Outcome {
  payload?: string;
  error?: ErrorPayload;
  fatal?: boolean;
  exit?: string;
  /** The environment's resident memory after the invocation, in MB (REPORT's Max Memory Used). */
  memory?: number;
}

interface Pending {
  requestId: string;
  lines: string[];
  resolve(r: Outcome): void;
}

class Environment {
  readonly child: ChildProcess;
  readonly ready: Promise<ErrorPayload | undefined>;
  pending: Pending | undefined;
  dead = false;

  constructor(
    readonly spec: FunctionSpec,
    private readonly onLine: (line: string) => void,
  ) {
    const streamName = `${new Date().toISOString().slice(0, 10).replace(/-/g, "/")}/[$LATEST]${crypto.randomUUID().replace(/-/g, "")}`;
    this.child = fork(RUNNER, [], {
      cwd: spec.taskRoot,
      // Nothing of the sandbox's own environment: the function's variables and the ones Lambda sets.
      env: {
        ...spec.variables,
        AWS_REGION: spec.region,
        AWS_DEFAULT_REGION: spec.region,
        AWS_LAMBDA_FUNCTION_NAME: spec.functionName,
        AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memorySize),
        AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${spec.functionName}`,
        AWS_LAMBDA_LOG_STREAM_NAME: streamName,
        AWS_LAMBDA_INITIALIZATION_TYPE: "on-demand",
        AWS_EXECUTION_ENV: `AWS_Lambda_${spec.runtime}`,
        LAMBDA_TASK_ROOT: spec.taskRoot,
        LAMBDA_RUNTIME_DIR: path.dirname(RUNNER),
        _HANDLER: spec.handler,
        TZ: ":UTC",
        LANG: "en_US.UTF-8",
        PATH: "/usr/local/bin:/usr/bin:/bin",
      } as unknown as NodeJS.ProcessEnv,
      // No loaders or flags of the parent (tsx, vitest): a plain Node.js, with the function's memory as the heap limit.
      execArgv: [`--max-old-space-size=${spec.memorySize}`],
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      serialization: "json",
    });
    const raw = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) if (line) this.line(line);
    };
    this.child.stdout?.on("data", raw);
    this.child.stderr?.on("data", raw);
    this.ready = new Promise((resolve) => {
      this.child.on("message", (msg: Outcome & { type: string; line?: string; requestId?: string | null }) => {
        if (msg.type === "ready") resolve(undefined);
        else if (msg.type === "init-error") resolve(msg.error);
        else if (msg.type === "log") this.line(msg.line ?? "");
        else if (msg.type === "result" || msg.type === "error") {
          const p = this.pending;
          if (!p || (msg.requestId && msg.requestId !== p.requestId)) return;
          this.pending = undefined;
          p.resolve(msg.type === "result" ? { payload: msg.payload, memory: msg.memory } : { error: msg.error, fatal: msg.fatal, memory: msg.memory });
        }
      });
      this.child.on("exit", (code, signal) => {
        this.dead = true;
        resolve({ errorType: "Runtime.ExitError", errorMessage: `Runtime exited with error: ${signal ? `signal: ${signal}` : `exit status ${code}`}` });
        const p = this.pending;
        this.pending = undefined;
        p?.resolve({ exit: signal ? `signal: ${signal}` : `exit status ${code}` });
      });
      this.child.on("error", (e) => {
        this.dead = true;
        resolve({ errorType: "Runtime.ExitError", errorMessage: `Runtime could not start: ${e.message}` });
      });
    });
    this.child.send({
      type: "init",
      config: {
        taskRoot: spec.taskRoot,
        handler: spec.handler,
        functionName: spec.functionName,
        functionArn: spec.functionArn,
        functionVersion: "$LATEST",
        memorySize: spec.memorySize,
        logGroupName: `/aws/lambda/${spec.functionName}`,
        logStreamName: streamName,
      },
    });
  }

  private line(line: string) {
    this.pending?.lines.push(line);
    this.onLine(line);
  }

  kill() {
    this.dead = true;
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
  }

  exited(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => this.child.once("exit", () => resolve()));
  }
}

interface Pool {
  idle: Environment[];
  busy: Set<Environment>;
  waiting: ((env: Environment) => void)[];
}

/** The environments of one sandbox (one store): created lazily, killed on close. */
export class LambdaRuntime {
  private pools = new Map<string, Pool>();
  private logs = new Map<string, string>();
  private closed = false;

  constructor(private readonly log: (line: string) => void = () => {}) {}

  /** The kept log of a function (newest last), as `GET /_sandbox/lambda/.../logs` shows it. */
  functionLog(functionArn: string): string {
    return this.logs.get(functionArn) ?? "";
  }

  private keep(spec: FunctionSpec, line: string) {
    const text = `${this.logs.get(spec.functionArn) ?? ""}${line}\n`;
    this.logs.set(spec.functionArn, text.length > LOG_KEEP_BYTES ? text.slice(text.length - LOG_KEEP_BYTES) : text);
    this.log(`[lambda ${spec.functionName}] ${line}`);
  }

  private acquire(spec: FunctionSpec): Promise<Environment> {
    let pool = this.pools.get(spec.key);
    if (!pool) {
      pool = { idle: [], busy: new Set(), waiting: [] };
      this.pools.set(spec.key, pool);
    }
    const p = pool;
    while (p.idle.length) {
      const env = p.idle.pop()!;
      if (!env.dead) {
        p.busy.add(env);
        return Promise.resolve(env);
      }
    }
    if (p.busy.size < MAX_ENVIRONMENTS) {
      const env = new Environment(spec, (line) => this.keep(spec, line));
      p.busy.add(env);
      return Promise.resolve(env);
    }
    return new Promise((resolve) => p.waiting.push(resolve));
  }

  private release(spec: FunctionSpec, env: Environment) {
    const pool = this.pools.get(spec.key);
    if (!pool) return env.kill();
    pool.busy.delete(env);
    const next = pool.waiting.shift();
    if (next) {
      if (env.dead) {
        const fresh = new Environment(spec, (line) => this.keep(spec, line));
        pool.busy.add(fresh);
        next(fresh);
      } else {
        pool.busy.add(env);
        next(env);
      }
      return;
    }
    if (!env.dead && !this.closed) pool.idle.push(env);
  }

  /** Runs one invocation in a warm (or new) environment of the function. */
  async run(spec: FunctionSpec, event: unknown, clientContext: unknown, invokedFunctionArn?: string): Promise<RunResult> {
    if (this.closed) throw new Error("the sandbox is closing");
    const requestId = crypto.randomUUID();
    const started = performance.now();
    const lines: string[] = [`START RequestId: ${requestId} Version: $LATEST`];
    this.keep(spec, lines[0]);
    const env = await this.acquire(spec);
    let result: RunResult;
    try {
      result = await this.runIn(env, spec, requestId, event, clientContext, invokedFunctionArn, lines);
    } finally {
      this.release(spec, env);
    }
    const ms = performance.now() - started;
    for (const line of [
      `END RequestId: ${requestId}`,
      `REPORT RequestId: ${requestId}\tDuration: ${ms.toFixed(2)} ms\tBilled Duration: ${Math.max(1, Math.ceil(ms))} ms\tMemory Size: ${spec.memorySize} MB\tMax Memory Used: ${result.memory ?? 0} MB`,
    ]) {
      lines.push(line);
      this.keep(spec, line);
    }
    result.log = lines.join("\n") + "\n";
    return result;
  }

  private async runIn(env: Environment, spec: FunctionSpec, requestId: string, event: unknown, clientContext: unknown, invokedFunctionArn: string | undefined, lines: string[]): Promise<RunResult> {
    const fail = (error: ErrorPayload, kind: "function-error" | "timeout" = "function-error"): RunResult => ({ requestId, payload: JSON.stringify(error), error: { ...error, kind }, log: "" });
    const timeoutMs = spec.timeoutSeconds * 1000;
    const deadline = Date.now() + timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), timeoutMs);
    });
    const timeoutError = (): RunResult => {
      env.kill();
      const message = `Task timed out after ${spec.timeoutSeconds.toFixed(2)} seconds`;
      const line = `${new Date().toISOString()} ${requestId} ${message}`;
      lines.push(line);
      this.keep(spec, line);
      return fail({ errorType: "Sandbox.Timedout", errorMessage: `RequestId: ${requestId} Error: ${message}` }, "timeout");
    };
    try {
      // Initialization counts against the timeout, as Lambda's on-demand init does.
      const initError = await Promise.race([env.ready, timedOut]);
      if (initError === "timeout") return timeoutError();
      if (initError) {
        env.kill();
        return fail(initError);
      }
      if (env.dead) return fail({ errorType: "Runtime.ExitError", errorMessage: `RequestId: ${requestId} Error: Runtime exited without providing a reason` });
      const answer = new Promise<Outcome>((resolve) => {
        env.pending = { requestId, lines, resolve };
      });
      env.child.send({ type: "invoke", requestId, event, clientContext, deadline, invokedFunctionArn });
      const outcome = await Promise.race([answer, timedOut]);
      if (outcome === "timeout") {
        env.pending = undefined;
        return timeoutError();
      }
      if (outcome.exit) return fail({ errorType: "Runtime.ExitError", errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: ${outcome.exit}` });
      if (outcome.error) {
        if (outcome.fatal) env.kill();
        return { ...fail(outcome.error), memory: outcome.memory };
      }
      return { requestId, payload: outcome.payload ?? "null", log: "", memory: outcome.memory };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends the environments of one function (after new code, a new configuration or a delete). */
  async retire(functionArn: string, keepKey?: string): Promise<void> {
    const ending: Promise<void>[] = [];
    for (const [key, pool] of this.pools) {
      if (!key.startsWith(`${functionArn}#`) || key === keepKey) continue;
      this.pools.delete(key);
      for (const env of [...pool.idle, ...pool.busy]) {
        env.kill();
        ending.push(env.exited());
      }
    }
    if (!keepKey) this.logs.delete(functionArn);
    await Promise.all(ending);
  }

  /** Kills every environment; with `final`, no more invocations are accepted. */
  async close(final = true): Promise<void> {
    if (final) this.closed = true;
    const ending: Promise<void>[] = [];
    for (const pool of this.pools.values()) {
      for (const env of [...pool.idle, ...pool.busy]) {
        env.kill();
        ending.push(env.exited());
      }
    }
    this.pools.clear();
    if (final) this.logs.clear();
    await Promise.all(ending);
  }

  /** Process ids of the live environments (tests check none is left behind). */
  pids(): number[] {
    return [...this.pools.values()].flatMap((p) => [...p.idle, ...p.busy]).filter((e) => !e.dead && e.child.pid).map((e) => e.child.pid!);
  }
}

const runtimes = new WeakMap<Store, LambdaRuntime>();

/** The runtime of a sandbox, created on first use (the service attaches one with the sandbox's log). */
export function runtimeFor(store: Store, log?: (line: string) => void): LambdaRuntime {
  let r = runtimes.get(store);
  if (!r) {
    r = new LambdaRuntime(log);
    runtimes.set(store, r);
  }
  return r;
}

export function dropRuntime(store: Store): LambdaRuntime | undefined {
  const r = runtimes.get(store);
  runtimes.delete(store);
  return r;
}
