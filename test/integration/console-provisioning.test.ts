// The create-gateway server action's multi-step provisioning and the permissions generator, through the real SDK against the sandbox.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CreateGatewayTargetCommand, GetGatewayCommand } from "@aws-sdk/client-bedrock-agentcore-control";
import { ListGatewaysCommand } from "@aws-sdk/client-bedrock-agentcore-control";
import {
  CognitoIdentityProviderClient,
  DescribeUserPoolClientCommand,
  DescribeUserPoolDomainCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { GetRoleCommand, GetRolePolicyCommand, IAMClient, ListRolesCommand } from "@aws-sdk/client-iam";
import { agentCoreClient, CREDENTIALS, clearFaults, setFaults, startSandbox, useSandboxForConsole, type TestSandbox } from "./helpers";

vi.mock("next/headers", async () => (await import("../support/next-headers")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const REGION = "us-east-1";
let sandbox: TestSandbox;
let actions: typeof import("@/lib/actions/gateways");
let permissions: typeof import("@/lib/actions/permissions");
let schema: typeof import("@/lib/schemas/gateway");

beforeAll(async () => {
  sandbox = await startSandbox({ lifecycleDelayMs: 0 });
  useSandboxForConsole(sandbox);
  process.env.AWS_MAX_ATTEMPTS = "1";
  vi.spyOn(console, "error").mockImplementation(() => {});
  actions = await import("@/lib/actions/gateways");
  permissions = await import("@/lib/actions/permissions");
  schema = await import("@/lib/schemas/gateway");
});

afterAll(async () => {
  await sandbox.dispose();
});

const token = (n: number) => `provisioning-test-token-${String(n).padStart(12, "0")}`;
const iam = () => new IAMClient({ region: REGION, endpoint: sandbox.url, credentials: CREDENTIALS });
const cognitoSdk = () => new CognitoIdentityProviderClient({ region: REGION, endpoint: sandbox.url, credentials: CREDENTIALS });

/** How many gateways, roles and pools exist: what a create must add exactly one of, and a refused create none. */
async function inventory() {
  const [g, roles, pools] = await Promise.all([
    agentCoreClient(sandbox).send(new ListGatewaysCommand({ maxResults: 1000 })),
    iam().send(new ListRolesCommand({ MaxItems: 1000 })),
    cognitoSdk().send(new ListUserPoolsCommand({ MaxResults: 60 })),
  ]);
  return { gateways: g.items?.length ?? 0, roles: roles.Roles?.length ?? 0, pools: pools.UserPools?.length ?? 0 };
}

describe("createGatewayAction", () => {
  it("creates the role, the Cognito pool and client, then the gateway that trusts exactly that client", async () => {
    const values = { ...schema.emptyGatewayForm("it0001"), name: "support", newRoleName: "agentcore-support-role" };
    const r = await actions.createGatewayAction(values, token(1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.created).toEqual([
      "Execution role arn:aws:iam::123456789012:role/agentcore-support-role",
      expect.stringMatching(/^Cognito user pool us-east-1_\w+$/),
      "Cognito domain agentcore-gateway-it0001",
      "Resource server and scopes agentcore-gateway",
      expect.stringMatching(/^App client \(client credentials\) \w+$/),
      `Gateway ${r.data.gatewayId}`,
    ]);
    // The result names the client but never carries its secret: that is read only on the user's Reveal.
    const made = await cognitoSdk().send(new DescribeUserPoolClientCommand({ UserPoolId: r.data.cognito!.poolId, ClientId: r.data.cognito!.clientId }));
    expect(made.UserPoolClient?.ClientSecret).toMatch(/^[a-z0-9]{51}$/);
    expect(JSON.stringify(r)).not.toContain(made.UserPoolClient!.ClientSecret);
    const g = await agentCoreClient(sandbox).send(new GetGatewayCommand({ gatewayIdentifier: r.data.gatewayId }));
    expect(g.roleArn).toBe("arn:aws:iam::123456789012:role/agentcore-support-role");
    expect(g.authorizerConfiguration?.customJWTAuthorizer).toEqual({ discoveryUrl: r.data.cognito?.discoveryUrl, allowedClients: [r.data.cognito?.clientId] });
    const role = await iam().send(new GetRoleCommand({ RoleName: "agentcore-support-role" }));
    expect(decodeURIComponent(role.Role!.AssumeRolePolicyDocument!)).toContain("gateway/support-??????????");
  });

  it("refuses a role name that is taken by a role the console did not make, at the field, and creates nothing", async () => {
    await iam().send(
      new (await import("@aws-sdk/client-iam")).CreateRoleCommand({ RoleName: "hand-made", AssumeRolePolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] }) }),
    );
    const before = await inventory();
    const r = await actions.createGatewayAction({ ...schema.emptyGatewayForm("it0003"), name: "clash", newRoleName: "hand-made" }, token(4));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors.newRoleName).toMatch(/already exists/);
    expect(await inventory()).toEqual(before);
  });

  it("with a gateway name that already exists, creates nothing (no pool, no role) and says so at the name", async () => {
    const first = await actions.createGatewayAction({ ...schema.emptyGatewayForm("it0010"), name: "taken", newRoleName: "agentcore-taken-role", authorizerType: "NONE" }, token(10));
    expect(first.ok).toBe(true);
    const before = await inventory();
    const r = await actions.createGatewayAction({ ...schema.emptyGatewayForm("it0011"), name: "taken", newRoleName: "agentcore-taken-2-role" }, token(11));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.fieldErrors.name).toMatch(/already exists/);
      expect(r.message).toMatch(/^Nothing was created/);
    }
    expect(await inventory()).toEqual(before);
  });

  it("refuses a report that points at a pool another create made", async () => {
    const a = await actions.createGatewayAction({ ...schema.emptyGatewayForm("it0012"), name: "owner", newRoleName: "agentcore-owner-role" }, token(12));
    if (!a.ok) throw new Error(a.message);
    const forged = { planId: "11111111-1111-4111-8111-111111111111", region: REGION, steps: { pool: { status: "created" as const, id: a.data.cognito!.poolId } }, poolId: a.data.cognito!.poolId };
    const r = await actions.createGatewayAction({ ...schema.emptyGatewayForm("it0013"), name: "thief", newRoleName: "agentcore-thief-role" }, token(13), forged);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errorName).toBe("NotOwnedByPlan");
  });

  it("never reaches AWS with input the schema refuses", async () => {
    const r = await actions.createGatewayAction({ ...schema.emptyGatewayForm("it0004"), name: "bad name!" }, token(5));
    expect(r).toMatchObject({ ok: false, fieldErrors: { name: expect.any(String) } });
  });

  const FAULTED: { service: string; operation: string }[] = [
    { service: "sts", operation: "GetCallerIdentity" },
    { service: "agentcore-control", operation: "ListGateways" },
    { service: "iam", operation: "GetRole" },
    { service: "cognito-idp", operation: "DescribeUserPoolDomain" },
    { service: "iam", operation: "CreateRole" },
    { service: "cognito-idp", operation: "CreateUserPool" },
    { service: "cognito-idp", operation: "CreateUserPoolDomain" },
    { service: "cognito-idp", operation: "CreateResourceServer" },
    { service: "cognito-idp", operation: "CreateUserPoolClient" },
    { service: "agentcore-control", operation: "CreateGateway" },
  ];
  it.each(FAULTED.map((f, i) => [f.operation, f, i] as const))("%s failing 3 times: resubmits end with one pool, client, domain, role and gateway, wired together", async (_, f, i) => {
    const suffix = `f${String(i).padStart(4, "0")}`;
    const name = `faulted-${suffix}`;
    const values = { ...schema.emptyGatewayForm(suffix), name, newRoleName: `agentcore-${name}-role` };
    const before = await inventory();
    await setFaults(sandbox, { faults: [{ type: "internal", service: f.service, operation: f.operation, count: 3 }] });
    let report: import("@/lib/schemas/provision").ProvisionReport | undefined;
    let r: Awaited<ReturnType<typeof actions.createGatewayAction>> | undefined;
    let submits = 0;
    // The STS answer is cached per process: a fault on it only bites when nothing asked before, so it may not fail at all.
    for (; submits < 6; submits++) {
      r = await actions.createGatewayAction(values, token(100 + i), report);
      if (r.ok) break;
      report = r.report;
    }
    await clearFaults(sandbox);
    expect(r?.ok).toBe(true);
    if (!r?.ok) return;
    // The one-time secret panel's data comes back after the resubmits too.
    expect(r.data.cognito).toMatchObject({ poolId: expect.any(String), clientId: expect.any(String), domain: `agentcore-gateway-${suffix}` });
    const after = await inventory();
    expect(after.roles - before.roles).toBe(1);
    expect(after.gateways - before.gateways).toBe(1);
    expect(after.pools - before.pools).toBe(1);
    const pool = r.data.cognito!.poolId;
    const clients = await cognitoSdk().send(new ListUserPoolClientsCommand({ UserPoolId: pool, MaxResults: 60 }));
    expect(clients.UserPoolClients?.map((c) => c.ClientId)).toEqual([r.data.cognito!.clientId]);
    const d = await cognitoSdk().send(new DescribeUserPoolDomainCommand({ Domain: `agentcore-gateway-${suffix}` }));
    expect(d.DomainDescription?.UserPoolId).toBe(pool);
    const g = await agentCoreClient(sandbox).send(new GetGatewayCommand({ gatewayIdentifier: r.data.gatewayId }));
    expect(g.name).toBe(name);
    expect(g.roleArn).toBe(`arn:aws:iam::123456789012:role/agentcore-${name}-role`);
    expect(g.authorizerConfiguration?.customJWTAuthorizer).toEqual({ discoveryUrl: r.data.cognito!.discoveryUrl, allowedClients: [r.data.cognito!.clientId] });
  });
});

/** The fingerprint of the changes the Permissions tab shows, as the confirmation dialog sends it. */
async function confirmedChanges(gatewayId: string): Promise<string> {
  const { gatewayPermissions } = await import("@/lib/aws/permissions");
  const { getGateway } = await import("@/lib/aws/gateways");
  return (await gatewayPermissions(REGION, (await getGateway(REGION, gatewayId))!)).plan!.fingerprint;
}

describe("applyGatewayPermissionsAction", () => {
  it("puts the least-privilege policy for the gateway's targets on its role", async () => {
    const created = await actions.createGatewayAction({ ...schema.emptyGatewayForm("it0005"), name: "orders", newRoleName: "agentcore-orders-role", authorizerType: "AWS_IAM" }, token(6));
    if (!created.ok) throw new Error(created.message);
    const gatewayId = created.data.gatewayId;
    await agentCoreClient(sandbox).send(
      new CreateGatewayTargetCommand({
        gatewayIdentifier: gatewayId,
        name: "order-tools",
        targetConfiguration: { mcp: { lambda: { lambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:order-tools", toolSchema: { inlinePayload: [{ name: "get_order", description: "Get", inputSchema: { type: "object" } }] } } } },
        credentialProviderConfigurations: [{ credentialProviderType: "GATEWAY_IAM_ROLE" }],
      }),
    );
    const r = await permissions.applyGatewayPermissionsAction(gatewayId, await confirmedChanges(gatewayId));
    expect(r).toEqual({ ok: true, data: { roleName: "agentcore-orders-role", policyName: `AgentCoreGateway-${gatewayId}`, deletedLegacyPolicy: false } });
    const policy = await iam().send(new GetRolePolicyCommand({ RoleName: "agentcore-orders-role", PolicyName: `AgentCoreGateway-${gatewayId}` }));
    expect(JSON.parse(decodeURIComponent(policy.PolicyDocument!))).toEqual({
      Version: "2012-10-17",
      Statement: [{ Sid: "InvokeLambdaTargets", Effect: "Allow", Action: "lambda:InvokeFunction", Resource: "arn:aws:lambda:us-east-1:123456789012:function:order-tools" }],
    });
  });

  it("explains when the gateway has no targets and so nothing to grant", async () => {
    const created = await actions.createGatewayAction({ ...schema.emptyGatewayForm("it0006"), name: "empty", newRoleName: "agentcore-empty-role", authorizerType: "NONE" }, token(7));
    if (!created.ok) throw new Error(created.message);
    const r = await permissions.applyGatewayPermissionsAction(created.data.gatewayId, "0000000000000000");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/no targets/i);
  });
});
