// Real outside clients against the sandbox over HTTP: the AWS CLI and boto3 for AgentCore Control, IAM and Lambda.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strToU8, zipSync } from "fflate";
import { CreateFunctionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { CREDENTIALS, REGION, ROLE_ARN, startSandbox, type TestSandbox } from "./helpers";

const run = promisify(execFile);
let sandbox: TestSandbox;
let env: NodeJS.ProcessEnv;
let tmp: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "outside-clients-"));
  env = {
    PATH: process.env.PATH,
    HOME: tmp,
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    AWS_DEFAULT_REGION: REGION,
    AWS_REGION: REGION,
    AWS_EC2_METADATA_DISABLED: "true",
  } as unknown as NodeJS.ProcessEnv;
  const lambda = new LambdaClient({ endpoint: sandbox.url, region: REGION, credentials: CREDENTIALS });
  const handler = `exports.handler = async (event, context) => ({ got: event, tool: context.clientContext && context.clientContext.custom && context.clientContext.custom.tool });`;
  await lambda.send(new CreateFunctionCommand({ FunctionName: "outside", Runtime: "nodejs20.x", Handler: "index.handler", Role: ROLE_ARN, Code: { ZipFile: zipSync({ "index.js": strToU8(handler) }) } }));
});
afterAll(async () => {
  await sandbox.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const aws = async (...args: string[]) => JSON.parse((await run("aws", ["--endpoint-url", sandbox.url, "--output", "json", ...args], { env, timeout: 60_000 })).stdout || "{}");

describe("the AWS CLI", () => {
  it("creates, lists and gets a gateway", async () => {
    const made = await aws("bedrock-agentcore-control", "create-gateway", "--name", "cli-gateway", "--role-arn", ROLE_ARN, "--protocol-type", "MCP", "--authorizer-type", "NONE");
    expect(made.gatewayId).toMatch(/^cli-gateway-[0-9a-z]{10}$/);
    expect(made.gatewayUrl).toBe(`${sandbox.url}/gateway-runtime/${REGION}/${made.gatewayId}/mcp`);
    const listed = await aws("bedrock-agentcore-control", "list-gateways");
    expect(listed.items.map((g: { name: string }) => g.name)).toContain("cli-gateway");
    const got = await aws("bedrock-agentcore-control", "get-gateway", "--gateway-identifier", made.gatewayId);
    expect(got).toMatchObject({ name: "cli-gateway", authorizerType: "NONE" });
  });

  it("lists and invokes a Lambda function, with a client context and the log tail", async () => {
    expect((await aws("lambda", "list-functions")).Functions.map((f: { FunctionName: string }) => f.FunctionName)).toContain("outside");
    const out = path.join(tmp, "out.json");
    const context = Buffer.from(JSON.stringify({ custom: { tool: "t___echo" } })).toString("base64");
    const res = await aws("lambda", "invoke", "--function-name", "outside", "--payload", '{"city":"Oslo"}', "--client-context", context, "--log-type", "Tail", out);
    expect(res.StatusCode).toBe(200);
    expect(JSON.parse(fs.readFileSync(out, "utf8"))).toEqual({ got: { city: "Oslo" }, tool: "t___echo" });
    expect(Buffer.from(res.LogResult, "base64").toString()).toContain("REPORT RequestId");
  });

  it("creates an IAM role and reads its trust policy back", async () => {
    const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "bedrock-agentcore.amazonaws.com" }, Action: "sts:AssumeRole" }] });
    await aws("iam", "create-role", "--role-name", "cli-role", "--assume-role-policy-document", trust);
    const got = await aws("iam", "get-role", "--role-name", "cli-role");
    expect(got.Role.AssumeRolePolicyDocument.Statement[0].Principal.Service).toBe("bedrock-agentcore.amazonaws.com");
  });
});

describe("boto3", () => {
  it("invokes the function and lists gateways", async () => {
    const script = `
import boto3, json, base64, sys
url = sys.argv[1]
lam = boto3.client("lambda", endpoint_url=url)
ctx = base64.b64encode(json.dumps({"custom": {"tool": "py___echo"}}).encode()).decode()
r = lam.invoke(FunctionName="outside", Payload=json.dumps({"n": 1}), ClientContext=ctx)
ac = boto3.client("bedrock-agentcore-control", endpoint_url=url)
print(json.dumps({"payload": json.loads(r["Payload"].read()), "status": r["StatusCode"], "gateways": [g["name"] for g in ac.list_gateways()["items"]]}))
`;
    const { stdout } = await run("python3", ["-c", script, sandbox.url], { env, timeout: 60_000 });
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ status: 200, payload: { got: { n: 1 }, tool: "py___echo" } });
    expect(Array.isArray(out.gateways)).toBe(true);
  });
});
