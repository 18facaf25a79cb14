// The create-gateway server action's multi-step provisioning and the permissions generator, through the real SDK against the sandbox.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CreateGatewayTargetCommand, GetGatewayCommand } from "@aws-sdk/client-bedrock-agentcore-control";
import { CognitoIdentityProviderClient, DescribeUserPoolClientCommand } from "@aws-sdk/client-cognito-identity-provider";
import { GetRoleCommand, GetRolePolicyCommand, IAMClient } from "@aws-sdk/client-iam";
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

describe("createGatewayAction", () => {
  it("creates the role, the Cognito pool and client, then the gateway that trusts exactly that client", async () => {
    const values = { ...schema.emptyGatewayForm("it0001"), name: "support", newRoleName: "agentcore-support-role" };
    const r = await actions.createGatewayAction(values, token(1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.created).toEqual([
      expect.stringMatching(/^role agentcore-support-role \(arn:aws:iam::123456789012:role\/agentcore-support-role\)$/),
      expect.stringMatching(/^Cognito user pool us-east-1_\w+ with domain agentcore-gateway-it0001 and app client \w+$/),
      "gateway support",
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

  it("says exactly what it created when the gateway step fails, and hands it back so a retry reuses it", async () => {
    await setFaults(sandbox, { faults: [{ type: "internal", service: "agentcore-control", operation: "CreateGateway", count: 1 }] });
    const values = { ...schema.emptyGatewayForm("it0002"), name: "billing", newRoleName: "agentcore-billing-role", authorizerType: "AWS_IAM" as const };
    const r = await actions.createGatewayAction(values, token(2));
    await clearFaults(sandbox);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errorName).toBe("InternalServerException");
    expect(r.message).toContain("Already created: role agentcore-billing-role (arn:aws:iam::123456789012:role/agentcore-billing-role)");
    expect(r.provisioned).toEqual({ created: [expect.stringContaining("role agentcore-billing-role")], roleArn: "arn:aws:iam::123456789012:role/agentcore-billing-role" });

    // Submitting the same form again reuses the role it made (no EntityAlreadyExists) and creates the gateway.
    const again = await actions.createGatewayAction(values, token(3));
    expect(again.ok).toBe(true);
    if (again.ok) expect(again.data.created).toEqual(["gateway billing"]);
  });

  it("refuses a role name that is taken by a role the console did not make, at the field", async () => {
    await iam().send(
      new (await import("@aws-sdk/client-iam")).CreateRoleCommand({ RoleName: "hand-made", AssumeRolePolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] }) }),
    );
    const r = await actions.createGatewayAction({ ...schema.emptyGatewayForm("it0003"), name: "clash", newRoleName: "hand-made", authorizerType: "NONE" }, token(4));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errorName).toBe("EntityAlreadyExistsException");
      expect(r.fieldErrors.newRoleName).toMatch(/already exists/);
    }
  });

  it("never reaches AWS with input the schema refuses", async () => {
    const r = await actions.createGatewayAction({ ...schema.emptyGatewayForm("it0004"), name: "bad name!" }, token(5));
    expect(r).toMatchObject({ ok: false, fieldErrors: { name: expect.any(String) } });
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
