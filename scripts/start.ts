// `npm start`: builds the console if its sources changed, starts the sandbox (unless CONSOLE_BACKEND=aws), then serves the console on 127.0.0.1.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { createSandbox, faultConfigFromEnv } from "../sandbox/core";
import { DEFAULT_DATA_DIR, DEFAULT_LIFECYCLE_DELAY_MS, DEFAULT_PORT } from "../sandbox/core/constants";
import { signInUrl, startupAuth } from "../lib/auth/startup";

const root = path.resolve(__dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const dev = process.argv.includes("--dev");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** True when there is no production build or a source file is newer than it. */
function buildIsStale(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "public"].filter((d) => existsSync(path.join(root, d)));
  const files = ["package.json", "next.config.ts", "postcss.config.mjs", "tsconfig.json"].filter((f) => existsSync(path.join(root, f)));
  const newest = Math.max(...sources.map((d) => newestMtime(path.join(root, d))), ...files.map((f) => statSync(path.join(root, f)).mtimeMs));
  return newest > built;
}

/** Two starts at once (e.g. parallel test runs) must not build into the same .next folder together. */
async function withBuildLock<T>(fn: () => T): Promise<T> {
  const lock = path.join(root, ".next-build.lock");
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function main() {
  const backend = process.env.CONSOLE_BACKEND === "aws" ? "aws" : "sandbox";
  const host = process.env.HOST || "127.0.0.1";
  const port = process.env.PORT || "3000";
  // Access is decided before anything starts: an unsafe setup never serves a single request.
  const auth = startupAuth({ ...process.env, HOST: host, PORT: port });
  if (!auth.ok) {
    console.error(auth.message);
    process.exit(1);
  }
  if (auth.warning) console.warn(auth.warning);
  const env: NodeJS.ProcessEnv = { ...process.env, CONSOLE_BACKEND: backend, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", HOST: host, PORT: port };
  if (auth.mode === "token") env.CONSOLE_TOKEN = auth.token;
  let closeSandbox: () => Promise<void> = async () => {};

  if (backend === "sandbox") {
    const sandbox = await createSandbox({
      port: Number(process.env.SANDBOX_PORT ?? DEFAULT_PORT),
      host: "127.0.0.1",
      dataDir: process.env.SANDBOX_DATA_DIR ?? DEFAULT_DATA_DIR,
      lifecycleDelayMs: Number(process.env.SANDBOX_LIFECYCLE_DELAY_MS ?? DEFAULT_LIFECYCLE_DELAY_MS),
      faults: faultConfigFromEnv(process.env),
    });
    closeSandbox = () => sandbox.close();
    console.log(`Sandbox (local AWS) listening on ${sandbox.url}`);
    // Every SDK client of the console reaches the sandbox through the standard endpoint variable, with throwaway credentials:
    // real credentials from the shell never leave this process in sandbox mode.
    for (const k of ["AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"]) delete env[k];
    Object.assign(env, {
      AWS_ENDPOINT_URL: sandbox.url,
      AWS_ACCESS_KEY_ID: "sandbox",
      AWS_SECRET_ACCESS_KEY: "sandbox",
      AWS_REGION: process.env.AWS_REGION || "us-east-1",
      AWS_EC2_METADATA_DISABLED: "true",
    });
  } else {
    console.log(`Backend: AWS (region ${process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || "us-east-1"}, default credential chain${process.env.AWS_PROFILE ? `, profile ${process.env.AWS_PROFILE}` : ""})`);
  }

  if (!dev && buildIsStale()) {
    const status = await withBuildLock(() => {
      if (!buildIsStale()) return 0; // another start built it while we waited
      console.log("Building the console (next build)…");
      return spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } }).status ?? 1;
    });
    if (status !== 0) {
      await closeSandbox();
      process.exit(status);
    }
  }

  const child = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-H", host, "-p", port], {
    cwd: root,
    stdio: "inherit",
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (auth.mode === "token") {
    // Printed once: the token is the key to this console (a fixed CONSOLE_TOKEN is not echoed).
    console.log(auth.generated ? `Console: ${signInUrl(env, auth.token)}` : `Console: ${signInUrl(env, undefined)} (sign in with your CONSOLE_TOKEN)`);
  } else {
    console.log(`Console: ${signInUrl(env, undefined)}`);
  }
  const stop = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  child.on("exit", async (code) => {
    await closeSandbox();
    process.exit(code ?? 0);
  });
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
