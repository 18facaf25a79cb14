// Shared helpers for integration suites: a sandbox on a free port with a temp data dir, and real SDK clients.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { BedrockAgentCoreControlClient } from "@aws-sdk/client-bedrock-agentcore-control";
import { STSClient } from "@aws-sdk/client-sts";
import { createSandbox, type Sandbox, type SandboxOptions } from "../../sandbox/core/server";
import type { FaultConfig } from "../../sandbox/core/faults";

export const REGION = "us-east-1";
export const CREDENTIALS = { accessKeyId: "AKIASANDBOXTEST00000", secretAccessKey: "sandbox-secret" };
export const ROLE_ARN = "arn:aws:iam::123456789012:role/AgentCoreGatewayRole";
/** The sandbox's control endpoints take JSON only (a web page cannot send it without a CORS preflight). */
export const JSON_CONTENT = { "content-type": "application/json" };
export const DISCOVERY_URL = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEfGhI/.well-known/openid-configuration";

export interface TestSandbox extends Sandbox {
  dataDir: string;
  /** Close and start again on the same data dir (and port 0 → possibly another port). */
  restart(options?: Partial<SandboxOptions>): Promise<TestSandbox>;
  /** Close and delete the temp data dir. */
  dispose(): Promise<void>;
}

export function tempDataDir(prefix = "sandbox-it-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Starts a sandbox on 127.0.0.1:0 with a fresh temp data dir (or the one given). */
export async function startSandbox(options: Partial<SandboxOptions> & { dataDir?: string } = {}): Promise<TestSandbox> {
  const dataDir = options.dataDir ?? tempDataDir();
  const sandbox = await createSandbox({ lifecycleDelayMs: 0, ...options, port: options.port ?? 0, dataDir });
  const t: TestSandbox = Object.assign(sandbox, {
    dataDir,
    async restart(more: Partial<SandboxOptions> = {}) {
      await sandbox.close();
      return startSandbox({ ...options, ...more, dataDir });
    },
    async dispose() {
      await sandbox.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  });
  return t;
}

export interface ClientOptions {
  region?: string;
  maxAttempts?: number;
}

function config(sandbox: Pick<Sandbox, "url">, options: ClientOptions = {}) {
  return { endpoint: sandbox.url, region: options.region ?? REGION, credentials: CREDENTIALS, maxAttempts: options.maxAttempts };
}

export function agentCoreClient(sandbox: Pick<Sandbox, "url">, options?: ClientOptions) {
  return new BedrockAgentCoreControlClient(config(sandbox, options));
}

export function stsClient(sandbox: Pick<Sandbox, "url">, options?: ClientOptions) {
  return new STSClient(config(sandbox, options));
}

/** Real SDK clients pointed at the sandbox over HTTP. */
export function clients(sandbox: Pick<Sandbox, "url">, options?: ClientOptions) {
  return { agentcore: agentCoreClient(sandbox, options), sts: stsClient(sandbox, options) };
}

/** Runs `fn` and returns the error it throws (fails if it does not). */
export async function catchError<E = Error & { name: string; $metadata: { httpStatusCode?: number; attempts?: number } }>(fn: () => Promise<unknown>): Promise<E> {
  try {
    await fn();
  } catch (e) {
    return e as E;
  }
  throw new Error("expected the call to fail");
}

/** Sets faults through the control endpoint, as an out-of-process test would. */
export async function setFaults(sandbox: Pick<Sandbox, "url">, config: FaultConfig, mode: "replace" | "add" = "replace"): Promise<void> {
  const res = await fetch(`${sandbox.url}/_sandbox/faults${mode === "add" ? "?mode=add" : ""}`, { method: "POST", headers: JSON_CONTENT, body: JSON.stringify(config) });
  if (!res.ok) throw new Error(`setFaults: ${res.status} ${await res.text()}`);
}

export async function clearFaults(sandbox: Pick<Sandbox, "url">): Promise<void> {
  await fetch(`${sandbox.url}/_sandbox/faults`, { method: "DELETE", headers: JSON_CONTENT });
}

/** Runs `fn` with these faults set and clears them afterwards, even when `fn` throws (so one test's faults never leak). */
export async function withFaults<T>(sandbox: Pick<Sandbox, "url">, config: FaultConfig, fn: () => Promise<T>): Promise<T> {
  await setFaults(sandbox, config);
  try {
    return await fn();
  } finally {
    await clearFaults(sandbox);
  }
}

/** A suite's sandbox and one client on it, for beforeAll: `({ sandbox, client } = await startWithClient(agentCoreClient))`. */
export async function startWithClient<C>(makeClient: (sandbox: TestSandbox) => C, options?: Parameters<typeof startSandbox>[0]): Promise<{ sandbox: TestSandbox; client: C }> {
  const sandbox = await startSandbox(options);
  return { sandbox, client: makeClient(sandbox) };
}

/** The matching afterAll; either may be missing when beforeAll failed part way. */
export async function stopWithClient(sandbox: TestSandbox | undefined, client: { destroy(): void } | undefined): Promise<void> {
  client?.destroy();
  await sandbox?.dispose();
}

/** AgentCore Control's ValidationException as the SDK surfaces it. */
export type ValidationError = Error & { reason?: string; fieldList?: { name: string; message: string }[]; $metadata: { httpStatusCode?: number } };

/** Expects `fn` to fail with a 400 ValidationException that names `field` (and whose message matches `message`). */
export async function expectValidation(fn: () => Promise<unknown>, field: string, message?: RegExp): Promise<ValidationError> {
  const e = await catchError<ValidationError>(fn);
  expect(e.name).toBe("ValidationException");
  expect(e.$metadata.httpStatusCode).toBe(400);
  expect(e.fieldList?.map((f) => f.name)).toContain(field);
  if (message) expect(e.message).toMatch(message);
  return e;
}

/** Polls `fn` until `until` holds (no fixed sleeps); throws after `timeoutMs`. */
export async function waitFor<T>(fn: () => Promise<T>, until: (v: T) => boolean, timeoutMs = 5000, everyMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (until(v)) return v;
    if (Date.now() > deadline) throw new Error(`waitFor: condition not met within ${timeoutMs} ms (last: ${JSON.stringify(v)})`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export { seedGatewayTarget, removeGatewayTarget, gatewayTargets } from "../../sandbox/services/agentcore-control/models";

/** Points the console's own lib/aws clients at this sandbox (they read the standard endpoint variable, as under `npm start`). */
export function useSandboxForConsole(sandbox: Pick<Sandbox, "url">): void {
  process.env.CONSOLE_BACKEND = "sandbox";
  process.env.AWS_ENDPOINT_URL = sandbox.url;
  process.env.AWS_ACCESS_KEY_ID = CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = CREDENTIALS.secretAccessKey;
  process.env.AWS_REGION = REGION;
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_SESSION_TOKEN;
}
