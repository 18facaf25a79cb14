// `npm run sandbox`: runs the sandbox alone so the console, the AWS CLI or any SDK script can use it.
import { createSandbox } from "./core/server";
import { faultConfigFromEnv } from "./core/faults";
import { DEFAULT_DATA_DIR, DEFAULT_HOST, DEFAULT_LIFECYCLE_DELAY_MS, DEFAULT_PORT } from "./core/constants";

function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = args[i];
  return a.includes("=") ? a.slice(a.indexOf("=") + 1) : (args[i + 1] ?? "");
}

function num(value: string | undefined, fallback: number, what: string, max: number): number {
  if (value === undefined || value === "") return fallback;
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(n) || n > max) {
    console.error(`invalid ${what}: ${value} (a whole number from 0 to ${max})`);
    process.exit(2);
  }
  return n;
}

async function main() {
  if (process.argv.includes("--help")) {
    console.log(`Usage: npm run sandbox -- [--port N] [--host H] [--data-dir DIR] [--lifecycle-delay-ms N] [--memory] [--log]
Env: SANDBOX_PORT, SANDBOX_HOST, SANDBOX_DATA_DIR, SANDBOX_LIFECYCLE_DELAY_MS, SANDBOX_LATENCY_MS, SANDBOX_LATENCY_JITTER_MS, SANDBOX_FAULTS, SANDBOX_LOG=1, SANDBOX_ALLOW_HTTP_MCP=1, SANDBOX_SECRET_ACCESS_KEY`);
    return;
  }
  const env = process.env;
  const port = num(flag("port") ?? env.SANDBOX_PORT, DEFAULT_PORT, "port", 65535);
  const host = flag("host") ?? env.SANDBOX_HOST ?? DEFAULT_HOST;
  const dataDir = process.argv.includes("--memory") ? null : (flag("data-dir") ?? env.SANDBOX_DATA_DIR ?? DEFAULT_DATA_DIR);
  const lifecycleDelayMs = num(flag("lifecycle-delay-ms") ?? env.SANDBOX_LIFECYCLE_DELAY_MS, DEFAULT_LIFECYCLE_DELAY_MS, "lifecycle delay", 86_400_000);
  let faults;
  try {
    faults = faultConfigFromEnv(env);
  } catch (e) {
    console.error(`invalid fault injection settings: ${(e as Error).message}`);
    process.exit(2);
  }
  const sandbox = await createSandbox({
    port,
    host,
    dataDir,
    lifecycleDelayMs,
    faults,
    log: process.argv.includes("--log") || env.SANDBOX_LOG === "1",
    allowHttpMcpEndpoints: process.argv.includes("--allow-http-mcp") || env.SANDBOX_ALLOW_HTTP_MCP === "1",
  });
  console.log(`AWS sandbox listening on ${sandbox.url} (state: ${dataDir ?? "in memory"}, lifecycle delay ${lifecycleDelayMs} ms)`);
  console.log(`Services: ${sandbox.services.map((s) => s.name).join(", ")}. Health: ${sandbox.url}/_sandbox/health`);
  console.log("\nTo point the AWS CLI or an SDK script at it:\n");
  console.log(`export AWS_ENDPOINT_URL=${sandbox.url}`);
  console.log("export AWS_ACCESS_KEY_ID=sandbox AWS_SECRET_ACCESS_KEY=sandbox AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1\n");

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the sandbox`);
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    sandbox.close().then(
      () => process.exit(0),
      (e) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
