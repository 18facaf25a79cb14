// The audit log through the console's real server actions and SDK clients against the sandbox: one entry per mutating call, no secrets.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CognitoIdentityProviderClient, DescribeUserPoolClientCommand } from "@aws-sdk/client-cognito-identity-provider";
import { CREDENTIALS, clearFaults, setFaults, startSandbox, tempDataDir, useSandboxForConsole, type TestSandbox } from "./helpers";

import { TEST_SESSION_ID } from "../support/next-headers";

vi.mock("next/headers", async () => (await import("../support/next-headers")).nextHeaders);
const WHO = `session ${TEST_SESSION_ID.slice(0, 8)}`;
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const API_KEY = "sk-live-audit-9f8e7d6c5b4a3210";
const LAMBDA_ARN = "arn:aws:lambda:us-east-1:123456789012:function:audit-tools";
const TOOLS = [{ name: "get_weather", description: "Weather", inputSchema: { type: "object", properties: {} } }];
const REQUEST_ID = /^[0-9a-f-]{36}$/;

type Entry = Record<string, unknown> & { operation: string; service: string; outcome: string; resources: Record<string, string>; requestId?: string };

let sandbox: TestSandbox;
let dir: string;
let logFile: string;
let tokens = 0;
const token = () => `audit-test-token-${String(++tokens).padStart(20, "0")}`;

let gateways: typeof import("@/lib/actions/gateways");
let targets: typeof import("@/lib/actions/targets");
let providers: typeof import("@/lib/actions/credential-providers");
let providerCalls: typeof import("@/lib/aws/credential-providers");
let roles: typeof import("@/lib/actions/roles");
let permissions: typeof import("@/lib/actions/permissions");
let identity: typeof import("@/lib/actions/identity");
let gatewaySchema: typeof import("@/lib/schemas/gateway");
let targetSchema: typeof import("@/lib/schemas/target");

/** The client's secret, read by the test itself (not through the console, so not logged). */
async function secretOf(poolId: string, clientId: string): Promise<string> {
  const sdk = new CognitoIdentityProviderClient({ endpoint: sandbox.url, region: "us-east-1", credentials: CREDENTIALS });
  return (await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }))).UserPoolClient!.ClientSecret!;
}

const readLog = (): string => (fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : "");
const entries = (): Entry[] => readLog().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Entry);
/** The entries written while `fn` ran. */
async function during(fn: () => Promise<unknown>): Promise<Entry[]> {
  const before = entries().length;
  await fn();
  return entries().slice(before);
}

beforeAll(async () => {
  sandbox = await startSandbox({ lifecycleDelayMs: 0 });
  useSandboxForConsole(sandbox);
  process.env.AWS_MAX_ATTEMPTS = "1";
  dir = tempDataDir("audit-it-");
  logFile = path.join(dir, "nested", "audit.log");
  process.env.CONSOLE_AUDIT_LOG = logFile;
  vi.spyOn(console, "error").mockImplementation(() => {});
  gateways = await import("@/lib/actions/gateways");
  targets = await import("@/lib/actions/targets");
  providers = await import("@/lib/actions/credential-providers");
  providerCalls = await import("@/lib/aws/credential-providers");
  roles = await import("@/lib/actions/roles");
  permissions = await import("@/lib/actions/permissions");
  identity = await import("@/lib/actions/identity");
  gatewaySchema = await import("@/lib/schemas/gateway");
  targetSchema = await import("@/lib/schemas/target");
});

afterAll(async () => {
  await sandbox.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
  delete process.env.CONSOLE_AUDIT_LOG;
});

describe("the audit log", () => {
  let gatewayId = "";
  let poolId = "";
  let clientId = "";
  let clientSecret = "";

  it("records the role, the Cognito quick create and the gateway of a create-gateway submit, one entry per call, in a private file", async () => {
    let r: Awaited<ReturnType<typeof gateways.createGatewayAction>> | undefined;
    const got = await during(async () => {
      r = await gateways.createGatewayAction({ ...gatewaySchema.emptyGatewayForm("880001"), name: "audited", newRoleName: "agentcore-audited-role" }, token());
    });
    expect(r?.ok).toBe(true);
    if (!r?.ok) return;
    gatewayId = r.data.gatewayId;
    poolId = r.data.cognito!.poolId;
    clientId = r.data.cognito!.clientId;
    clientSecret = await secretOf(poolId, clientId);

    // The domain and the resource server are made in parallel, so only the first and last places are fixed.
    const ops = got.map((e) => `${e.service} ${e.operation}`);
    expect([ops[0], ops[1], ops[ops.length - 1]]).toEqual(["iam CreateRole", "cognito-idp CreateUserPool", "bedrock-agentcore-control CreateGateway"]);
    expect([...ops].sort()).toEqual([
      "bedrock-agentcore-control CreateGateway",
      "cognito-idp CreateResourceServer",
      "cognito-idp CreateUserPool",
      "cognito-idp CreateUserPoolClient",
      "cognito-idp CreateUserPoolDomain",
      "iam CreateRole",
    ]);
    for (const e of got) {
      expect(e).toMatchObject({ who: WHO, backend: "sandbox", region: "us-east-1", outcome: "ok" });
      expect(e.requestId).toMatch(REQUEST_ID);
      expect(Date.parse(e.time as string)).toBeGreaterThan(Date.now() - 60_000);
    }
    expect(new Set(got.map((e) => e.requestId)).size).toBe(got.length);
    const byOp = Object.fromEntries(got.map((e) => [e.operation, e.resources]));
    expect(byOp.CreateRole).toMatchObject({ RoleName: "agentcore-audited-role", "Role.Arn": "arn:aws:iam::123456789012:role/agentcore-audited-role" });
    expect(byOp.CreateUserPool).toMatchObject({ "UserPool.Id": poolId });
    expect(byOp.CreateUserPoolClient).toMatchObject({ UserPoolId: poolId, "UserPoolClient.ClientId": clientId });
    expect(byOp.CreateUserPoolDomain).toMatchObject({ Domain: "agentcore-gateway-880001", UserPoolId: poolId });
    expect(byOp.CreateGateway).toMatchObject({ name: "audited", gatewayId, roleArn: "arn:aws:iam::123456789012:role/agentcore-audited-role" });
    expect(byOp.CreateGateway.gatewayArn).toMatch(/^arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway\//);

    // The reads in between (DescribeUserPoolDomain polling, GetRole, STS) are not recorded.
    expect(got.some((e) => /^(Get|List|Describe)/.test(e.operation))).toBe(false);
    expect(fs.statSync(logFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(logFile)).mode & 0o777).toBe(0o700);
    expect(clientSecret).not.toBe("");
  });

  it("records an update with the gateway it changed", async () => {
    const { getGateway } = await import("@/lib/aws/gateways");
    const { gatewayToFormValues } = await import("@/lib/schemas/gateway-mapping");
    const current = await getGateway("us-east-1", gatewayId);
    const update = await during(async () => {
      expect((await gateways.updateGatewayAction(gatewayId, { ...gatewayToFormValues(current!), description: "audited edit" })).ok).toBe(true);
    });
    expect(update).toMatchObject([{ service: "bedrock-agentcore-control", operation: "UpdateGateway", outcome: "ok", resources: { gatewayIdentifier: gatewayId, name: "audited" } }]);

  });

  it("records a target's create, update and delete, Apply to role (its policy name, never the policy), and a failed create with the AWS error name and request id", async () => {
    const form = targetSchema.emptyTargetForm();
    form.name = "weather";
    form.type = "lambda";
    form.lambda = { ...form.lambda, arn: LAMBDA_ARN, inline: JSON.stringify(TOOLS) };
    let targetId = "";
    const created = await during(async () => {
      const r = await targets.createTargetAction(gatewayId, form, token());
      expect(r.ok).toBe(true);
      if (r.ok) targetId = r.data.targetId;
    });
    expect(created).toMatchObject([{ operation: "CreateGatewayTarget", outcome: "ok", resources: { gatewayIdentifier: gatewayId, name: "weather", targetId, "targetConfiguration.mcp.lambda.lambdaArn": LAMBDA_ARN } }]);

    // Apply to role (PutRolePolicy) needs a target to write a policy for.
    const { gatewayPermissions } = await import("@/lib/aws/permissions");
    const { getGateway } = await import("@/lib/aws/gateways");
    const fingerprint = (await gatewayPermissions("us-east-1", (await getGateway("us-east-1", gatewayId))!)).plan!.fingerprint;
    const apply = await during(async () => expect((await permissions.applyGatewayPermissionsAction(gatewayId, fingerprint)).ok).toBe(true));
    expect(apply).toHaveLength(1);
    expect(apply[0]).toMatchObject({ service: "iam", operation: "PutRolePolicy", outcome: "ok", resources: { RoleName: "agentcore-audited-role" } });
    expect(apply[0].resources.PolicyName).toBeTruthy();
    expect(apply[0].requestId).toMatch(REQUEST_ID);

    const updated = await during(async () => expect((await targets.updateTargetAction(gatewayId, targetId, { ...form, description: "edited" })).ok).toBe(true));
    expect(updated).toMatchObject([{ operation: "UpdateGatewayTarget", outcome: "ok", resources: { gatewayIdentifier: gatewayId, targetId } }]);

    await setFaults(sandbox, { faults: [{ type: "internal", service: "agentcore-control", operation: "CreateGatewayTarget", count: 1 }] });
    const failed = await during(async () => expect((await targets.createTargetAction(gatewayId, { ...form, name: "weather-two" }, token())).ok).toBe(false));
    await clearFaults(sandbox);
    expect(failed).toMatchObject([{ operation: "CreateGatewayTarget", outcome: "InternalServerException", resources: { gatewayIdentifier: gatewayId, name: "weather-two" } }]);
    expect(failed[0].requestId).toMatch(REQUEST_ID);

    const deleted = await during(async () => expect((await targets.deleteTargetAction(gatewayId, targetId, "weather")).ok).toBe(true));
    expect(deleted).toMatchObject([{ operation: "DeleteGatewayTarget", outcome: "ok", resources: { gatewayIdentifier: gatewayId, targetId } }]);
  });

  it("records an API key provider's create, update, refused duplicate and delete, never the key", async () => {
    const got = await during(async () => {
      expect((await providers.createApiKeyProviderAction({ name: "audit-key", apiKey: API_KEY })).ok).toBe(true);
      // Key rotation has no action (no page offers it yet); the lib/aws call is audited the same way.
      await providerCalls.updateApiKeyProvider("us-east-1", { name: "audit-key", apiKey: `${API_KEY}-rotated` });
      expect((await providers.createApiKeyProviderAction({ name: "audit-key", apiKey: API_KEY })).ok).toBe(false);
      expect((await providers.deleteCredentialProviderAction("apiKey", "audit-key", "audit-key")).ok).toBe(true);
    });
    expect(got.map((e) => [e.operation, e.outcome, e.resources.name])).toEqual([
      ["CreateApiKeyCredentialProvider", "ok", "audit-key"],
      ["UpdateApiKeyCredentialProvider", "ok", "audit-key"],
      ["CreateApiKeyCredentialProvider", expect.stringMatching(/Exception$/), "audit-key"],
      ["DeleteApiKeyCredentialProvider", "ok", "audit-key"],
    ]);
    expect(got[0].resources.credentialProviderArn).toMatch(/^arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault\//);
  });

  it("records a role created with an inline policy, without its trust or permission document", async () => {
    const inline = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "AuditMarkerStatement", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k" }] });
    const got = await during(async () => {
      expect((await roles.createExecutionRoleAction({ roleName: "audit-role", gatewayName: "audited", description: "", inlinePolicy: inline, inlinePolicyName: "AuditInline" })).ok).toBe(true);
    });
    expect(got).toMatchObject([
      { service: "iam", operation: "CreateRole", outcome: "ok", resources: { RoleName: "audit-role" } },
      { service: "iam", operation: "PutRolePolicy", outcome: "ok", resources: { RoleName: "audit-role", PolicyName: "AuditInline" } },
    ]);
    expect(readLog()).not.toContain("AuditMarkerStatement");
  });

  it("records that a client secret was revealed, as its own entry, never the secret", async () => {
    const got = await during(async () => {
      const r = await identity.revealClientSecretAction(poolId, clientId);
      expect(r).toEqual({ ok: true, data: { secret: clientSecret } });
    });
    expect(got).toMatchObject([{ service: "cognito-idp", operation: "DescribeUserPoolClient", outcome: "ok", secretRevealed: true, who: WHO, resources: { UserPoolId: poolId, ClientId: clientId } }]);
    expect(got[0].requestId).toMatch(REQUEST_ID);
  });

  it("records a delete AWS refuses (targets exist) with its error name, then the delete", async () => {
    const form = { ...targetSchema.emptyTargetForm(), name: "blocker", type: "lambda" as const };
    form.lambda = { ...form.lambda, arn: LAMBDA_ARN, inline: JSON.stringify(TOOLS) };
    const t = await targets.createTargetAction(gatewayId, form, token());
    if (!t.ok) throw new Error(t.message);
    const got = await during(async () => {
      expect((await gateways.deleteGatewayAction(gatewayId, "audited")).ok).toBe(false);
      expect((await targets.deleteTargetAction(gatewayId, t.data.targetId, "blocker")).ok).toBe(true);
      expect((await gateways.deleteGatewayAction(gatewayId, "audited")).ok).toBe(true);
    });
    expect(got.map((e) => [e.operation, e.outcome, e.resources.gatewayIdentifier])).toEqual([
      ["DeleteGateway", expect.stringMatching(/^[A-Z]\w+Exception$/), gatewayId],
      ["DeleteGatewayTarget", "ok", gatewayId],
      ["DeleteGateway", "ok", gatewayId],
    ]);
    expect(got[0].requestId).toMatch(REQUEST_ID);
  });

  it("records the Identity page's step-by-step quick create and its clean-up (the secret is read only on Reveal)", async () => {
    const { defaultQuickCreateValues } = await import("@/lib/schemas/cognito");
    let secret = "";
    const got = await during(async () => {
      const pool = await identity.quickCreatePoolAction({ ...defaultQuickCreateValues("880002"), scopes: "invoke" });
      if (!pool.ok) throw new Error(pool.message);
      let report = pool.data;
      for (const phase of ["domainAndResourceServer", "client", "domainActive"] as const) {
        const r = await identity.quickCreatePhaseAction(report, phase);
        if (!r.ok) throw new Error(r.message);
        report = r.data;
      }
      const done = await identity.finishQuickCreateAction(report);
      if (!done.ok) throw new Error(done.message);
      secret = await secretOf(done.data.poolId, done.data.clientId);
      expect((await identity.cleanupQuickCreateAction(report)).ok).toBe(true);
    });
    const ops = got.map((e) => e.operation);
    expect(ops.slice(0, 1)).toEqual(["CreateUserPool"]);
    expect([...ops.slice(1, 3)].sort()).toEqual(["CreateResourceServer", "CreateUserPoolDomain"]);
    expect(ops.slice(3, 4)).toEqual(["CreateUserPoolClient"]);
    expect(ops.slice(4)).toContain("DeleteUserPool");
    expect(ops).not.toContain("DescribeUserPoolClient");
    expect(got.every((e) => e.outcome === "ok" && REQUEST_ID.test(e.requestId ?? ""))).toBe(true);
    expect(secret).toMatch(/^[a-z0-9]{20,}$/);
    expect(readLog()).not.toContain(secret);
  });

  it("never writes a secret or a policy document anywhere in the file", () => {
    const log = readLog();
    expect(log.length).toBeGreaterThan(0);
    for (const secret of [API_KEY, clientSecret, "AssumeRolePolicyDocument", "PolicyDocument", "\"ClientSecret\"", "\"apiKey\"", "\"clientSecret\"", "sts:AssumeRole", "\"Statement\"", "bedrock-agentcore.amazonaws.com"]) {
      expect(log, secret).not.toContain(secret);
    }
    for (const l of log.split("\n").filter(Boolean)) expect(Buffer.byteLength(l)).toBeLessThan(4096);
  });

  it("does not fail the user's action when the log cannot be written", async () => {
    const blocker = path.join(dir, "not-a-folder");
    fs.writeFileSync(blocker, "");
    process.env.CONSOLE_AUDIT_LOG = path.join(blocker, "audit.log");
    const errors = vi.mocked(console.error);
    errors.mockClear();
    try {
      expect((await providers.createApiKeyProviderAction({ name: "audit-unlogged", apiKey: API_KEY })).ok).toBe(true);
      expect(errors.mock.calls.some((c) => String(c[0]).startsWith("audit log:"))).toBe(true);
    } finally {
      process.env.CONSOLE_AUDIT_LOG = logFile;
    }
  });
});
