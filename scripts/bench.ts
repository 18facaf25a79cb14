// `npm run bench`: one self-contained run that measures the console against its own sandbox.
//   1. builds the console if it is stale, starts a sandbox (free port, temp data dir) and `next start` (free port);
//   2. seeds 1,000 gateways through the real SDK;
//   3. times the gateway list page (first page, pageSize=100, a name filter that scans pages);
//   4. times the create-gateway server action over HTTP (as the browser posts it) against a direct SDK CreateGateway, interleaved;
//   5. prints a table, writes bench-results/latest.json, and always cleans up.
// The create phase runs in a second region (--create-region, default us-west-2; the console is switched with its
// agc-region cookie, as the region switcher does): AgentCore's quota of 1,000 gateways per region, which the sandbox
// enforces, is already used up by the seed in us-east-1.
// Flags: --no-build (never build; needs .next/BUILD_ID), --force-build, --gateways=N, --list-n=N, --create-n=N, --warmup=N, --create-region=R.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import zlib from "node:zlib";
import path from "node:path";
import { performance } from "node:perf_hooks";
import {
  BedrockAgentCoreControlClient,
  CreateGatewayCommand,
  GetGatewayCommand,
  ListGatewaysCommand,
  type CreateGatewayRequest,
} from "@aws-sdk/client-bedrock-agentcore-control";
import { createSandbox, type Sandbox } from "../sandbox/core";
import { emptyGatewayForm, gatewaySchema, type GatewayFormValues } from "../lib/schemas/gateway";
import { toGatewayRequest } from "../lib/schemas/gateway-mapping";

const root = path.resolve(__dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const REGION = "us-east-1";
const CREDENTIALS = { accessKeyId: "sandbox", secretAccessKey: "sandbox" };
const ROLE_ARN = "arn:aws:iam::123456789012:role/AgentCoreGatewayRole";
const DISCOVERY_URL = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_BenchPool1/.well-known/openid-configuration";
/** The console under measurement signs in like any browser: a fixed token for this run, exchanged for a session cookie. */
const BENCH_TOKEN = randomBytes(24).toString("base64url");
let sessionCookie = "";

// ---------- options ----------

function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}
function intFlag(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const n = arg ? Number(arg.slice(name.length + 3)) : NaN;
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

const opts = {
  gateways: intFlag("gateways", 1000),
  seedBatch: intFlag("seed-batch", 50),
  listN: intFlag("list-n", 40),
  createN: intFlag("create-n", 30),
  warmup: intFlag("warmup", 5),
  createRegion: process.argv.find((a) => a.startsWith("--create-region="))?.slice("--create-region=".length) || "us-west-2",
  noBuild: flag("no-build"),
  forceBuild: flag("force-build"),
};

// ---------- small helpers ----------

type Stats = { n: number; median: number; p90: number; min: number; max: number; mean: number };

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const n = s.length;
  const at = (q: number) => s[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))]; // nearest rank
  const median = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  const round = (x: number) => Math.round(x * 100) / 100;
  return { n, median: round(median), p90: round(at(0.9)), min: round(s[0]), max: round(s[n - 1]), mean: round(s.reduce((a, b) => a + b, 0) / n) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pad = (n: number, width = 4) => String(n).padStart(width, "0");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Same rule as scripts/start.ts: no production build, or a source file newer than it. */
function buildIsStale(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "public"].filter((d) => fs.existsSync(path.join(root, d)));
  const files = ["package.json", "next.config.ts", "postcss.config.mjs", "tsconfig.json"].filter((f) => fs.existsSync(path.join(root, f)));
  const newest = Math.max(...sources.map((d) => newestMtime(path.join(root, d))), ...files.map((f) => fs.statSync(path.join(root, f)).mtimeMs));
  return newest > built;
}

function ensureBuild(): { built: boolean; ms: number } {
  const hasBuild = fs.existsSync(path.join(root, ".next", "BUILD_ID"));
  if (opts.noBuild) {
    if (!hasBuild) throw new Error("--no-build given but .next/BUILD_ID is missing: run `next build` first.");
    return { built: false, ms: 0 };
  }
  if (!opts.forceBuild && !buildIsStale()) return { built: false, ms: 0 };
  console.log(hasBuild ? "Sources changed since the last build: running next build…" : "No production build: running next build…");
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status ?? r.signal})`);
  return { built: true, ms: performance.now() - t0 };
}

// ---------- the server action id ----------

type ManifestEntry = { workers?: Record<string, unknown>; filename?: string; exportedName?: string };

/**
 * .next/server/server-reference-manifest.json maps each action id to the workers (route entries)
 * that can run it, plus the defining module (`filename`) and export (`exportedName`).
 */
function findActionId(exportName: string, moduleFile: string, worker: string): string {
  const file = path.join(root, ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node?: Record<string, ManifestEntry> };
  const entries = Object.entries(manifest.node ?? {});
  const byExport = entries.filter(([, e]) => e.exportedName === exportName && (e.filename === undefined || e.filename.replace(/\\/g, "/").endsWith(moduleFile)));
  const candidates = byExport.length ? byExport : entries.filter(([, e]) => e.filename?.replace(/\\/g, "/").endsWith(moduleFile));
  const forWorker = candidates.filter(([, e]) => e.workers && worker in e.workers);
  const pick = forWorker.length ? forWorker : candidates;
  if (pick.length !== 1) {
    throw new Error(`expected exactly one action for ${exportName} in ${moduleFile}, found ${pick.length}: ${pick.map(([id]) => id).join(", ")}`);
  }
  return pick[0][0];
}

// ---------- processes ----------

type NextServer = { child: ChildProcess; url: string; output: string[]; exited: Promise<number | null> };

function startNext(port: number, sandboxUrl: string): NextServer {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ["AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_DEFAULT_REGION", "NODE_ENV"]) {
    delete env[k];
  }
  for (const k of Object.keys(env)) if (k.startsWith("AWS_ENDPOINT_URL_")) delete env[k];
  Object.assign(env, {
    CONSOLE_BACKEND: "sandbox",
    AWS_ENDPOINT_URL: sandboxUrl,
    AWS_ACCESS_KEY_ID: "sandbox",
    AWS_SECRET_ACCESS_KEY: "sandbox",
    AWS_REGION: REGION,
    AWS_EC2_METADATA_DISABLED: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    CONSOLE_TOKEN: BENCH_TOKEN,
    PORT: String(port),
  });
  // Own process group, so cleanup can end next and anything it forks by this one id.
  const child = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(port)], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split("\n").filter(Boolean));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${port}`, output, exited };
}

async function stopNext(next: NextServer): Promise<void> {
  const { child } = next;
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const done = await Promise.race([next.exited.then(() => true), sleep(5000).then(() => false)]);
  if (!done) {
    signal("SIGKILL");
    await Promise.race([next.exited, sleep(2000)]);
  }
}

async function waitForNext(next: NextServer, timeoutMs = 60_000): Promise<number> {
  const t0 = performance.now();
  let exitCode: number | null | undefined;
  void next.exited.then((c) => (exitCode = c));
  while (performance.now() - t0 < timeoutMs) {
    if (exitCode !== undefined) throw new Error(`next start exited (code ${exitCode}):\n${next.output.slice(-30).join("\n")}`);
    try {
      const res = await fetch(`${next.url}/gateways`, { signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      if (res.status < 500) {
        await signIn(next.url);
        return performance.now() - t0;
      }
    } catch {
      // not listening yet
    }
    await sleep(150);
  }
  throw new Error(`next start did not answer within ${timeoutMs} ms:\n${next.output.slice(-30).join("\n")}`);
}

/** Signs in with the token URL, as a person would, and keeps the session cookie for every later request. */
async function signIn(base: string): Promise<void> {
  const res = await fetch(`${base}/?token=${BENCH_TOKEN}`, { redirect: "manual" });
  const cookie = /agc-session=[^;]+/.exec(res.headers.get("set-cookie") ?? "")?.[0];
  if (!cookie) throw new Error(`signing in failed: HTTP ${res.status}`);
  sessionCookie = cookie;
}

/** fetch with the session cookie (and any other cookie the caller adds). */
function authedFetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("cookie", [sessionCookie, headers.get("cookie")].filter(Boolean).join("; "));
  return fetch(url, { ...init, headers });
}

// ---------- the work ----------

function formValues(name: string): GatewayFormValues {
  const v = emptyGatewayForm();
  v.name = name;
  v.description = "Benchmark gateway";
  v.roleMode = "arn";
  v.roleArn = ROLE_ARN;
  v.authorizerType = "CUSTOM_JWT";
  v.jwtSource = "oidc";
  v.jwt.discoveryUrl = DISCOVERY_URL;
  v.jwt.allowedClients = ["bench-client-1"];
  return v;
}

/** The request the console's action sends for these form values (same schema + mapping), for the direct SDK side. */
function sdkRequest(values: GatewayFormValues): Omit<CreateGatewayRequest, "clientToken"> {
  return toGatewayRequest(gatewaySchema.parse(values));
}

async function seed(client: BedrockAgentCoreControlClient, count: number, batch: number): Promise<{ ms: number; names: string[] }> {
  const names = Array.from({ length: count }, (_, i) => `bench-${pad(i)}`);
  const t0 = performance.now();
  for (let i = 0; i < names.length; i += batch) {
    await Promise.all(names.slice(i, i + batch).map((name) => client.send(new CreateGatewayCommand({ ...sdkRequest(formValues(name)), clientToken: randomUUID() }))));
  }
  return { ms: performance.now() - t0, names };
}

type PageCase = { label: string; path: string; mustContain: string[] };

async function timePage(base: string, c: PageCase): Promise<{ ms: number; bytes: number; rows: number }> {
  const t0 = performance.now();
  const res = await authedFetch(base + c.path, { headers: { Accept: "text/html" } });
  const body = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`GET ${c.path}: HTTP ${res.status}\n${body.slice(0, 500)}`);
  if (body.includes("Gateways could not be listed")) throw new Error(`GET ${c.path}: the page shows the list error callout`);
  for (const s of c.mustContain) if (!body.includes(s)) throw new Error(`GET ${c.path}: response does not contain ${JSON.stringify(s)}`);
  return { ms, bytes: Buffer.byteLength(body), rows: new Set(body.match(/\bbench-\d{4}\b/g) ?? []).size };
}

async function benchPages(base: string, cases: PageCase[], n: number, warmup: number) {
  const out: Record<string, Stats & { path: string; bytes: number; rows: number }> = {};
  for (const c of cases) {
    for (let i = 0; i < warmup; i++) await timePage(base, c);
    const samples: number[] = [];
    let bytes = 0;
    let rows = 0;
    for (let i = 0; i < n; i++) {
      const r = await timePage(base, c);
      samples.push(r.ms);
      bytes = r.bytes;
      rows = r.rows;
    }
    out[c.label] = { path: c.path, bytes, rows, ...stats(samples) };
  }
  return out;
}

/** The Next-Router-State-Tree of a browser sitting on /gateways/new (segments of app/(console)/gateways/new/page.tsx). */
const NEW_GATEWAY_TREE = ["", { children: ["(console)", { children: ["gateways", { children: ["new", { children: ["__PAGE__", {}] }] }] }] }];

type ActionCall = { ms: number; bytes: number; gatewayId: string; revalidated: string | null };

/** Posts to the server action exactly like the browser's fetch (encodeReply of plain JSON args = JSON.stringify(args)). */
async function postAction(base: string, actionId: string, args: unknown[], region?: string): Promise<{ ms: number; status: number; body: string; headers: Headers }> {
  const t0 = performance.now();
  const res = await authedFetch(`${base}/gateways/new`, {
    method: "POST",
    headers: {
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      "Next-Action": actionId,
      "Next-Router-State-Tree": encodeURIComponent(JSON.stringify(NEW_GATEWAY_TREE)),
      Origin: base,
      ...(region ? { Cookie: `agc-region=${region}` } : {}),
    },
    body: JSON.stringify(args),
  });
  const body = await res.text();
  return { ms: performance.now() - t0, status: res.status, body, headers: res.headers };
}

async function callCreateAction(base: string, actionId: string, name: string, region: string): Promise<ActionCall> {
  const r = await postAction(base, actionId, [formValues(name), randomUUID()], region);
  if (r.status !== 200) throw new Error(`action ${name}: HTTP ${r.status}\n${r.body.slice(0, 500)}`);
  if (!(r.headers.get("content-type") ?? "").startsWith("text/x-component")) throw new Error(`action ${name}: not an RSC response (${r.headers.get("content-type")})`);
  const m = /"ok":true,"data":\{"gatewayId":"([0-9a-z-]+)"/.exec(r.body);
  if (!m) throw new Error(`action ${name}: no {"ok":true} result in the response:\n${r.body.slice(0, 800)}`);
  return { ms: r.ms, bytes: Buffer.byteLength(r.body), gatewayId: m[1], revalidated: r.headers.get("x-action-revalidated") };
}

async function callCreateSdk(client: BedrockAgentCoreControlClient, name: string): Promise<{ ms: number; gatewayId: string }> {
  const t0 = performance.now();
  const out = await client.send(new CreateGatewayCommand({ ...sdkRequest(formValues(name)), clientToken: randomUUID() }));
  const ms = performance.now() - t0;
  if (!out.gatewayId || out.name !== name) throw new Error(`SDK CreateGateway ${name}: unexpected response`);
  return { ms, gatewayId: out.gatewayId };
}

async function listAllNames(client: BedrockAgentCoreControlClient): Promise<Set<string>> {
  const names = new Set<string>();
  let nextToken: string | undefined;
  do {
    const out = await client.send(new ListGatewaysCommand({ maxResults: 1000, nextToken }));
    for (const g of out.items ?? []) if (g.name) names.add(g.name);
    nextToken = out.nextToken;
  } while (nextToken);
  return names;
}

// ---------- main ----------

/** The JavaScript a browser loads for a page: every <script src> of its HTML, raw and gzip-compressed. */
async function clientJs(base: string, pagePath: string): Promise<{ scripts: number; rawKiB: number; gzipKiB: number }> {
  const html = await (await authedFetch(base + pagePath)).text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&")))];
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await authedFetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gz += zlib.gzipSync(body, { level: 9 }).length;
  }
  return { scripts: srcs.length, rawKiB: Math.round(raw / 102.4) / 10, gzipKiB: Math.round(gz / 102.4) / 10 };
}

async function main() {
  const started = performance.now();
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const cleanups: (() => Promise<void> | void)[] = [];
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const fn of cleanups.reverse()) {
        try {
          await fn();
        } catch (err) {
          console.error("cleanup:", err instanceof Error ? err.message : err);
        }
      }
    })());
  const onSignal = (sig: NodeJS.Signals) => {
    console.error(`\n${sig}: cleaning up…`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    const build = ensureBuild();
    const actionId = findActionId("createGatewayAction", "lib/actions/gateways.ts", "app/(console)/gateways/new/page");
    const buildId = fs.readFileSync(path.join(root, ".next", "BUILD_ID"), "utf8").trim();

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "agc-bench-"));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const sandbox: Sandbox = await createSandbox({ port: await freePort(), host: "127.0.0.1", dataDir, lifecycleDelayMs: 0, faults: { latencyMs: 0, faults: [] } });
    cleanups.push(() => sandbox.close());

    const next = startNext(await freePort(), sandbox.url);
    cleanups.push(() => stopNext(next));
    const readyMs = await waitForNext(next);
    console.log(`Sandbox ${sandbox.url} (data ${dataDir}); console ${next.url} answered after ${readyMs.toFixed(0)} ms; action id ${actionId}`);

    const client = new BedrockAgentCoreControlClient({ region: REGION, endpoint: sandbox.url, credentials: CREDENTIALS });
    cleanups.push(() => client.destroy());
    const createClient = new BedrockAgentCoreControlClient({ region: opts.createRegion, endpoint: sandbox.url, credentials: CREDENTIALS });
    cleanups.push(() => createClient.destroy());

    // The id must really be createGatewayAction: invalid values must come back as its validation failure, not as another action's.
    const probe = await postAction(next.url, actionId, [{}, "x"]);
    if (probe.status !== 200 || !probe.body.includes('"ok":false') || !probe.body.includes("Some fields need attention")) {
      throw new Error(`action id ${actionId} does not behave like createGatewayAction (HTTP ${probe.status}):\n${probe.body.slice(0, 500)}`);
    }

    // 2. seed
    console.log(`Seeding ${opts.gateways} gateways (batches of ${opts.seedBatch})…`);
    const seeded = await seed(client, opts.gateways, opts.seedBatch);
    const afterSeed = await listAllNames(client);
    if (afterSeed.size !== opts.gateways) throw new Error(`after seeding ListGateways shows ${afterSeed.size} gateways, expected ${opts.gateways}`);

    // 3. list page
    const last = (k: number) => seeded.names[Math.min(k, seeded.names.length) - 1];
    const filter = "bench-09";
    const firstMatch = seeded.names.find((n) => n.includes(filter));
    const pageCases: PageCase[] = [
      { label: "GET /gateways", path: "/gateways", mustContain: [seeded.names[0], last(25)] },
      { label: "GET /gateways?pageSize=100", path: "/gateways?pageSize=100", mustContain: [seeded.names[0], last(100)] },
      { label: `GET /gateways?name=${filter}`, path: `/gateways?name=${filter}`, mustContain: firstMatch ? [firstMatch] : [] },
    ];
    console.log(`Timing the list page (${opts.warmup} warm-up + ${opts.listN} sequential requests per URL)…`);
    const pages = await benchPages(next.url, pageCases, opts.listN, opts.warmup);

    // 4. create: server action over HTTP vs direct SDK, interleaved
    console.log(`Timing create in ${opts.createRegion}: server action vs SDK (${Math.min(3, opts.warmup)} warm-up + ${opts.createN} each, alternating)…`);
    const run = Date.now().toString(36);
    const created: { name: string; gatewayId: string; via: "action" | "sdk" }[] = [];
    for (let i = 0; i < Math.min(3, opts.warmup); i++) {
      const a = await callCreateAction(next.url, actionId, `bench-warm-act-${run}-${i}`, opts.createRegion);
      created.push({ name: `bench-warm-act-${run}-${i}`, gatewayId: a.gatewayId, via: "action" });
      const s = await callCreateSdk(createClient, `bench-warm-sdk-${run}-${i}`);
      created.push({ name: `bench-warm-sdk-${run}-${i}`, gatewayId: s.gatewayId, via: "sdk" });
    }
    const actionMs: number[] = [];
    const sdkMs: number[] = [];
    let actionBytes = 0;
    let revalidated: string | null = null;
    for (let i = 0; i < opts.createN; i++) {
      const doAction = async () => {
        const name = `bench-act-${run}-${pad(i, 3)}`;
        const a = await callCreateAction(next.url, actionId, name, opts.createRegion);
        actionMs.push(a.ms);
        actionBytes = a.bytes;
        revalidated = a.revalidated;
        created.push({ name, gatewayId: a.gatewayId, via: "action" });
      };
      const doSdk = async () => {
        const name = `bench-sdk-${run}-${pad(i, 3)}`;
        const s = await callCreateSdk(createClient, name);
        sdkMs.push(s.ms);
        created.push({ name, gatewayId: s.gatewayId, via: "sdk" });
      };
      // A/B then B/A, so neither side always runs right after the other.
      if (i % 2 === 0) {
        await doAction();
        await doSdk();
      } else {
        await doSdk();
        await doAction();
      }
    }
    // 4b. the default create (new role + Cognito quick create) through the action, with 100 ms per AWS call, beside its critical path.
    const LATENCY = 100;
    const CRITICAL_CALLS = 4; // CreateUserPool → CreateResourceServer → CreateUserPoolClient → CreateGateway
    const setLatency = (latencyMs: number) =>
      fetch(`${sandbox.url}/_sandbox/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ latencyMs, faults: [] }) });
    await setLatency(LATENCY);
    const defaultMs: number[] = [];
    for (let i = 0; i < 9; i++) {
      const name = `bench-def-${run}-${i}`;
      const v = emptyGatewayForm(`${run.slice(-4)}${i}`.toLowerCase().replace(/[aeiou]/g, "x"));
      v.name = name;
      v.newRoleName = `agentcore-${name}-role`;
      const r = await postAction(next.url, actionId, [v, randomUUID()], opts.createRegion);
      const m = /"ok":true,"data":\{"gatewayId":"([0-9a-z-]+)"/.exec(r.body);
      if (!m) throw new Error(`default create ${name}: no {"ok":true} result:\n${r.body.slice(0, 800)}`);
      created.push({ name, gatewayId: m[1], via: "action" });
      if (i > 0) defaultMs.push(r.ms); // the first one warms STS (asked once per process) and the action
    }
    await setLatency(0);
    const defaultCreate = stats(defaultMs);
    const criticalMs = CRITICAL_CALLS * LATENCY;
    // Every action call must have made its gateway, with the name it was given.
    for (const c of created) {
      const g = await createClient.send(new GetGatewayCommand({ gatewayIdentifier: c.gatewayId }));
      if (g.name !== c.name) throw new Error(`gateway ${c.gatewayId} (${c.via}) is named ${g.name}, expected ${c.name}`);
    }
    const finalNames = await listAllNames(createClient);
    const missing = created.filter((c) => !finalNames.has(c.name));
    if (missing.length) throw new Error(`ListGateways misses ${missing.length} created gateways, e.g. ${missing[0].name}`);
    if (finalNames.size !== created.length) throw new Error(`ListGateways in ${opts.createRegion} shows ${finalNames.size} gateways, expected ${created.length}`);
    if ((await listAllNames(client)).size !== opts.gateways) throw new Error(`the seeded region no longer holds exactly ${opts.gateways} gateways`);

    // 5. client JS per page (what the browser downloads, gzip as served over the network)
    // A gateway of the console's own region, so its pages render (not the not-found page).
    const someId = (await client.send(new ListGatewaysCommand({ maxResults: 1 }))).items?.[0]?.gatewayId ?? "";
    const jsPages = ["/gateways", "/gateways/new", `/gateways/${someId}`, `/gateways/${someId}/targets/new`, "/identity", "/roles"];
    const js: Record<string, Awaited<ReturnType<typeof clientJs>>> = {};
    for (const pth of jsPages) js[pth.replace(someId, "{id}")] = await clientJs(next.url, pth);

    const action = stats(actionMs);
    const sdk = stats(sdkMs);
    const ratio = Math.round((action.median / sdk.median) * 100) / 100;

    // 5. report
    const fmt = (x: number) => x.toFixed(1).padStart(8);
    const rows: [string, Stats, string][] = [
      ...Object.entries(pages).map(([label, s]): [string, Stats, string] => [label, s, `${(s.bytes / 1024).toFixed(0)} KiB, ${s.rows} gateways`]),
      ["create: server action (HTTP)", action, `${(actionBytes / 1024).toFixed(1)} KiB`],
      ["create: SDK CreateGateway", sdk, ""],
    ];
    const w = Math.max(...rows.map((r) => r[0].length));
    console.log("");
    console.log(`${"".padEnd(w)}    n   median      p90      min      max   body`);
    for (const [label, s, extra] of rows) console.log(`${label.padEnd(w)} ${String(s.n).padStart(4)} ${fmt(s.median)} ${fmt(s.p90)} ${fmt(s.min)} ${fmt(s.max)}   ${extra}`);
    console.log("(ms; time to the full response body)");
    console.log(`create ratio (action median / SDK median): ${ratio.toFixed(2)}×  (action − SDK median: ${(action.median - sdk.median).toFixed(1)} ms)`);
    console.log(
      `default create (role + Cognito) at ${LATENCY} ms/call: median ${defaultCreate.median} ms over ${defaultCreate.n}; critical path ${CRITICAL_CALLS} calls = ${criticalMs} ms; ratio ${(defaultCreate.median / criticalMs).toFixed(2)}× (goal ≤ 1.2× + 100 ms = ${1.2 * criticalMs + 100} ms)`,
    );
    console.log(`seeding ${opts.gateways} gateways: ${seeded.ms.toFixed(0)} ms (${((opts.gateways / seeded.ms) * 1000).toFixed(0)}/s, batches of ${opts.seedBatch})`);
    if (build.built) console.log(`next build: ${(build.ms / 1000).toFixed(1)} s`);
    console.log("client JS a browser loads (all <script src> of the page):");
    for (const [pth, j] of Object.entries(js)) console.log(`  ${pth.padEnd(28)} ${String(j.scripts).padStart(3)} scripts  ${j.gzipKiB.toFixed(1).padStart(6)} KiB gzip  ${j.rawKiB.toFixed(1).padStart(7)} KiB raw`);

    const results = {
      timestamp: new Date().toISOString(),
      node: process.version,
      platform: `${os.platform()} ${os.arch()}, ${os.cpus().length} CPUs`,
      buildId,
      build: { rebuilt: build.built, ms: Math.round(build.ms) },
      actionId,
      options: opts,
      seed: { gateways: opts.gateways, batch: opts.seedBatch, ms: Math.round(seeded.ms), perSecond: Math.round((opts.gateways / seeded.ms) * 1000) },
      listPage: pages,
      create: { region: opts.createRegion, action: { ...action, responseBytes: actionBytes, revalidatedHeader: revalidated }, sdk, ratio, verifiedGateways: created.length },
      clientJs: js,
      totalMs: 0,
    };
    results.totalMs = Math.round(performance.now() - started);
    const outDir = path.join(root, "bench-results");
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, "latest.json"), JSON.stringify(results, null, 2) + "\n");
    console.log(`total ${(results.totalMs / 1000).toFixed(1)} s${build.built ? " (including the build)" : ""}; results in bench-results/latest.json`);
  } finally {
    await cleanup();
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`bench failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
