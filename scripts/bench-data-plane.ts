// `npm run bench` (second part): the sandbox's gateway data plane. A Lambda tool call through a gateway beside a direct
// Lambda Invoke of the same function (interleaved), and tools/list on a gateway with 100 targets. Sandbox only, no console.
// Flags: --call-n=N (default 50), --list-n=N (default 30), --targets=N (default 100), --warmup=N (default 5).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { strToU8, zipSync } from "fflate";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import {
  BedrockAgentCoreControlClient,
  CreateGatewayCommand,
  CreateGatewayTargetCommand,
  GetGatewayCommand,
  ListGatewayTargetsCommand,
  type ToolDefinition,
} from "@aws-sdk/client-bedrock-agentcore-control";
import { CreateFunctionCommand, InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { createSandbox } from "../sandbox/core";
import { buildGatewayTrustPolicy } from "../lib/policies/trust-policy";
import { buildExecutionRolePolicy, type TargetInput } from "../lib/policies/execution-permissions";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const REGION = "us-east-1";
const ACCOUNT = "123456789012";
const CREDENTIALS = { accessKeyId: "sandbox", secretAccessKey: "sandbox" };

function intFlag(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const n = arg ? Number(arg.slice(name.length + 3)) : NaN;
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
const opts = { callN: intFlag("call-n", 50), listN: intFlag("list-n", 30), targets: intFlag("targets", 100), warmup: intFlag("warmup", 5) };

type Stats = { n: number; median: number; p90: number; min: number; max: number };
function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const n = s.length;
  const round = (x: number) => Math.round(x * 10) / 10;
  const median = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  return { n, median: round(median), p90: round(s[Math.min(n - 1, Math.ceil(0.9 * n) - 1)]), min: round(s[0]), max: round(s[n - 1]) };
}
async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

const HANDLER = `exports.handler = async (event, context) => ({ tool: ((context.clientContext || {}).custom || {}).bedrockAgentCoreToolName, event });`;
const tools = (name: string): ToolDefinition[] => [{ name, description: `Echo ${name}`, inputSchema: { type: "object", properties: { q: { type: "string" } } } }];

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "agc-bench-dp-"));
  const sandbox = await createSandbox({ port: 0, host: "127.0.0.1", dataDir, lifecycleDelayMs: 0 });
  const cfg = { endpoint: sandbox.url, region: REGION, credentials: CREDENTIALS };
  const agentcore = new BedrockAgentCoreControlClient(cfg);
  const lambda = new LambdaClient(cfg);
  const iam = new IAMClient(cfg);
  const clients: Client[] = [];
  try {
    const fn = await lambda.send(
      new CreateFunctionCommand({ FunctionName: "bench-echo", Runtime: "nodejs20.x", Handler: "index.handler", Role: `arn:aws:iam::${ACCOUNT}:role/bench-lambda`, Code: { ZipFile: zipSync({ "index.js": strToU8(HANDLER) }) } }),
    );
    const functionArn = fn.FunctionArn!;

    /** A READY gateway whose role is exactly what the console generates for it and its targets. */
    async function gateway(name: string, targetCount: number) {
      const role = await iam.send(new CreateRoleCommand({ RoleName: `${name}-role`, AssumeRolePolicyDocument: JSON.stringify(buildGatewayTrustPolicy({ accountId: ACCOUNT, region: REGION, gatewayName: name })) }));
      const g = await agentcore.send(new CreateGatewayCommand({ name, roleArn: role.Role!.Arn!, protocolType: "MCP", authorizerType: "NONE" }));
      const targets: TargetInput[] = [];
      for (let i = 0; i < targetCount; i++) {
        const t = await agentcore.send(
          new CreateGatewayTargetCommand({
            gatewayIdentifier: g.gatewayId,
            name: `t${i}`,
            targetConfiguration: { mcp: { lambda: { lambdaArn: functionArn, toolSchema: { inlinePayload: tools(`echo${i}`) } } } },
            credentialProviderConfigurations: [{ credentialProviderType: "GATEWAY_IAM_ROLE" }],
          }),
        );
        targets.push({ name: `t${i}`, targetId: t.targetId, targetConfiguration: { mcp: { lambda: { lambdaArn: functionArn } } }, credentialProviderConfigurations: [{ credentialProviderType: "GATEWAY_IAM_ROLE" }] });
      }
      const policy = buildExecutionRolePolicy({ accountId: ACCOUNT, region: REGION, gateway: { gatewayId: g.gatewayId!, gatewayArn: g.gatewayArn!, name }, targets });
      if ("policy" in policy) await iam.send(new PutRolePolicyCommand({ RoleName: `${name}-role`, PolicyName: "permissions", PolicyDocument: JSON.stringify(policy.policy) }));
      for (;;) {
        const got = await agentcore.send(new GetGatewayCommand({ gatewayIdentifier: g.gatewayId }));
        const listed = await agentcore.send(new ListGatewayTargetsCommand({ gatewayIdentifier: g.gatewayId, maxResults: 100 }));
        if (got.status === "READY" && (listed.items ?? []).every((t) => t.status === "READY")) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const client = new Client({ name: "bench", version: "1.0.0" });
      await client.connect(new StreamableHTTPClientTransport(new URL(g.gatewayUrl!)));
      clients.push(client);
      return client;
    }

    console.log(`Sandbox ${sandbox.url}; Lambda tool call vs direct Invoke (${opts.warmup} warm-up + ${opts.callN} each, interleaved)…`);
    const one = await gateway("bench-call", 1);
    const viaGateway: number[] = [];
    const direct: number[] = [];
    for (let i = 0; i < opts.warmup + opts.callN; i++) {
      const [g, res] = await timed(() => one.callTool({ name: "t0___echo0", arguments: { q: `x${i}` } }));
      if (res.isError) throw new Error(`tools/call failed: ${JSON.stringify(res.content)}`);
      const [d, inv] = await timed(() => lambda.send(new InvokeCommand({ FunctionName: functionArn, Payload: strToU8(JSON.stringify({ q: `x${i}` })) })));
      if (inv.FunctionError) throw new Error(`Invoke failed: ${inv.FunctionError}`);
      if (i >= opts.warmup) {
        viaGateway.push(g);
        direct.push(d);
      }
    }

    console.log(`tools/list on a gateway with ${opts.targets} targets (${opts.warmup} warm-up + ${opts.listN})…`);
    const many = await gateway("bench-list", opts.targets);
    const lists: number[] = [];
    let listed = 0;
    for (let i = 0; i < opts.warmup + opts.listN; i++) {
      const [ms, res] = await timed(() => many.listTools());
      listed = res.tools.length;
      if (i >= opts.warmup) lists.push(ms);
    }

    const rows = { "tools/call via the gateway (Lambda)": stats(viaGateway), "direct Lambda Invoke (SDK)": stats(direct), [`tools/list, ${opts.targets} targets (${listed} tools)`]: stats(lists) };
    console.log(`\n${"".padEnd(38)}${"n".padStart(4)}${"median".padStart(9)}${"p90".padStart(9)}${"min".padStart(9)}${"max".padStart(9)}`);
    for (const [k, s] of Object.entries(rows)) console.log(`${k.padEnd(38)}${String(s.n).padStart(4)}${s.median.toFixed(1).padStart(9)}${s.p90.toFixed(1).padStart(9)}${s.min.toFixed(1).padStart(9)}${s.max.toFixed(1).padStart(9)}`);
    const ratio = Math.round((rows["tools/call via the gateway (Lambda)"].median / rows["direct Lambda Invoke (SDK)"].median) * 100) / 100;
    console.log(`(ms) tools/call ÷ direct Invoke, medians: ${ratio}×`);
    fs.mkdirSync("bench-results", { recursive: true });
    fs.writeFileSync("bench-results/data-plane.json", JSON.stringify({ at: new Date().toISOString(), opts, rows, ratio }, null, 2));
  } finally {
    await Promise.all(clients.map((c) => c.close().catch(() => {})));
    await sandbox.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
