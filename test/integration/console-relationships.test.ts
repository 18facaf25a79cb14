// What uses what, gateway tags, and deleting a gateway with the role and pool the console made for it: the console's
// actions through the real SDK against the sandbox over HTTP.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CreateGatewayCommand, GetGatewayCommand, ListTagsForResourceCommand, type BedrockAgentCoreControlClient } from "@aws-sdk/client-bedrock-agentcore-control";
import { AttachRolePolicyCommand, CreatePolicyCommand, CreateRoleCommand, GetRoleCommand, IAMClient, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  ListUserPoolClientsCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { sandboxDiscoveryUrl } from "@/formats/cognito-urls";
import { CREDENTIALS, REGION, agentCoreClient, catchError, clearFaults, setFaults, startSandbox, useSandboxForConsole, type TestSandbox } from "./helpers";
import { deleteGatewayWithResourcesAction, gatewayCleanupCandidatesAction, updateGatewayTagsAction } from "@/lib/actions/gateway-cleanup";
import { deleteAppClientAction, deleteUserPoolAction } from "@/lib/actions/identity-delete";
import { gatewaysUsingPool, gatewaysUsingProviders, gatewaysUsingRole } from "@/lib/aws/relationships";

vi.mock("next/headers", async () => (await import("../support/next-headers")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const ACCOUNT = "123456789012";
const TRUST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "bedrock-agentcore.amazonaws.com" }, Action: "sts:AssumeRole" }] });
let sandbox: TestSandbox;
let agentcore: BedrockAgentCoreControlClient;
let iamSdk: IAMClient;
let cognitoSdk: CognitoIdentityProviderClient;
let n = 0;

beforeAll(async () => {
  sandbox = await startSandbox();
  useSandboxForConsole(sandbox);
  vi.spyOn(console, "error").mockImplementation(() => {});
  const config = { endpoint: sandbox.url, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 };
  agentcore = agentCoreClient(sandbox);
  iamSdk = new IAMClient(config);
  cognitoSdk = new CognitoIdentityProviderClient(config);
});
afterAll(async () => {
  await sandbox.dispose();
});

/** A role as the console creates it for a gateway (tags), with an inline and an attached policy. */
async function role(name: string, tags: Record<string, string>) {
  const r = await iamSdk.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: TRUST, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }));
  await iamSdk.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: `perm-${name}`, PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "lambda:InvokeFunction", Resource: "*" }] }) }));
  const p = await iamSdk.send(new CreatePolicyCommand({ PolicyName: `managed-${name}`, PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }) }));
  await iamSdk.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: p.Policy!.Arn! }));
  return r.Role!.Arn!;
}

/** A pool with a domain and a client, tagged as the console tags what it makes for a gateway. */
async function pool(tags: Record<string, string>) {
  const p = (await cognitoSdk.send(new CreateUserPoolCommand({ PoolName: `pool-${++n}`, UserPoolTags: tags }))).UserPool!;
  await cognitoSdk.send(new CreateUserPoolDomainCommand({ UserPoolId: p.Id!, Domain: `rel-domain-${n}-${Date.now().toString(36)}` }));
  const c = (await cognitoSdk.send(new CreateUserPoolClientCommand({ UserPoolId: p.Id!, ClientName: `client-${n}`, GenerateSecret: true }))).UserPoolClient!;
  return { poolId: p.Id!, poolName: p.Name!, clientId: c.ClientId!, clientName: c.ClientName! };
}

async function gateway(name: string, roleArn: string, poolId?: string) {
  const jwt = poolId
    ? { authorizerType: "CUSTOM_JWT" as const, authorizerConfiguration: { customJWTAuthorizer: { discoveryUrl: sandboxDiscoveryUrl(sandbox.url, poolId), allowedClients: ["c"] } } }
    : { authorizerType: "NONE" as const };
  return agentcore.send(new CreateGatewayCommand({ name, roleArn, ...jwt }));
}

const roleTags = (gatewayName?: string) => ({ "agentcore-console:purpose": "gateway-execution", ...(gatewayName ? { "agentcore-console:gateway-name": gatewayName } : {}) });
const poolTags = (gatewayName?: string) => ({ "agentcore-console:purpose": "gateway-inbound-auth", ...(gatewayName ? { "agentcore-console:gateway-name": gatewayName } : {}) });

describe("delete a gateway with what the console made for it", () => {
  it("offers and checks the tagged role and pool, deletes them (policies and domain first) and leaves nothing behind", async () => {
    const roleArn = await role("orders-role", roleTags("orders"));
    const p = await pool(poolTags("orders"));
    const g = await gateway("orders", roleArn, p.poolId);
    expect((await gatewaysUsingRole(REGION, "ORDERS-ROLE")).gateways.map((x) => x.name)).toEqual(["orders"]);
    expect((await gatewaysUsingPool(REGION, p.poolId)).gateways.map((x) => x.name)).toEqual(["orders"]);

    const candidates = await gatewayCleanupCandidatesAction(g.gatewayId!);
    expect(candidates.ok && candidates.data.map((c) => [c.kind, c.id, c.offered, c.checked])).toEqual([
      ["role", "orders-role", true, true],
      ["pool", p.poolId, true, true],
    ]);

    const wrong = await deleteGatewayWithResourcesAction(g.gatewayId!, "Orders", { role: "orders-role", poolId: p.poolId });
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { confirmName: "Type orders to confirm." } });

    const r = await deleteGatewayWithResourcesAction(g.gatewayId!, "orders", { role: "orders-role", poolId: p.poolId });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.refused).toEqual([]);
    expect(r.data.outcomes.map((o) => `${o.resource}: ${o.outcome}`)).toEqual([
      "gateway orders: deleted",
      "inline policy perm-orders-role: deleted",
      "attachment of managed-orders-role: deleted",
      "role orders-role: deleted",
      expect.stringMatching(/^domain rel-domain-\d+-\w+: deleted$/),
      `user pool ${p.poolId}: deleted`,
    ]);
    expect((await catchError(() => iamSdk.send(new GetRoleCommand({ RoleName: "orders-role" })))).name).toBe("NoSuchEntityException");
    expect((await catchError(() => cognitoSdk.send(new DescribeUserPoolCommand({ UserPoolId: p.poolId })))).name).toBe("ResourceNotFoundException");
    const domain = r.data.outcomes[4].resource.slice("domain ".length);
    expect((await cognitoSdk.send(new DescribeUserPoolDomainCommand({ Domain: domain }))).DomainDescription?.Domain).toBeUndefined();
    expect((await catchError(() => agentcore.send(new GetGatewayCommand({ gatewayIdentifier: g.gatewayId! })))).name).toBe("ResourceNotFoundException");
  });

  it("does not offer a shared role or an untagged pool, and refuses to delete them even when asked", async () => {
    const roleArn = await role("shared-role", roleTags("billing"));
    const untagged = await pool({});
    const billing = await gateway("billing", roleArn, untagged.poolId);
    await gateway("billing-prod", roleArn);

    const candidates = await gatewayCleanupCandidatesAction(billing.gatewayId!);
    expect(candidates.ok).toBe(true);
    if (!candidates.ok) return;
    const [r, p] = candidates.data;
    expect(r).toMatchObject({ kind: "role", offered: false, checked: false, usedByOthers: [expect.objectContaining({ name: "billing-prod" })] });
    expect(r.reason).toMatch(/also used by the gateway billing-prod/);
    expect(p).toMatchObject({ kind: "pool", offered: false, checked: false, reason: expect.stringMatching(/did not create/) });

    const out = await deleteGatewayWithResourcesAction(billing.gatewayId!, "billing", { role: "shared-role", poolId: untagged.poolId });
    expect(out.ok && out.data).toMatchObject({ outcomes: [{ resource: "gateway billing", outcome: "deleted" }], refused: ["role shared-role", `user pool ${untagged.poolId}`] });
    expect((await iamSdk.send(new GetRoleCommand({ RoleName: "shared-role" }))).Role?.RoleName).toBe("shared-role");
    expect((await cognitoSdk.send(new DescribeUserPoolCommand({ UserPoolId: untagged.poolId }))).UserPool?.Id).toBe(untagged.poolId);
  });

  it("offers a console-made role for another gateway name unchecked, and reports a failed deletion with its AWS error name", async () => {
    const roleArn = await role("generic-role", roleTags());
    const g = await gateway("payments", roleArn);
    const candidates = await gatewayCleanupCandidatesAction(g.gatewayId!);
    expect(candidates.ok && candidates.data.map((c) => [c.id, c.offered, c.checked])).toEqual([["generic-role", true, false]]);
    await setFaults(sandbox, { faults: [{ type: "internal", service: "iam", operation: "DeleteRole", count: 3 }] });
    const out = await deleteGatewayWithResourcesAction(g.gatewayId!, "payments", { role: "generic-role" });
    await clearFaults(sandbox);
    expect(out.ok && out.data.outcomes.at(-1)).toMatchObject({ resource: "role generic-role", outcome: "failed", errorName: expect.any(String) });
  });

  it("keeps everything when AWS refuses the gateway delete", async () => {
    const roleArn = await role("kept-role", roleTags("kept"));
    const g = await gateway("kept", roleArn);
    await setFaults(sandbox, { faults: [{ type: "internal", service: "agentcore-control", operation: "DeleteGateway", count: 3 }] });
    const out = await deleteGatewayWithResourcesAction(g.gatewayId!, "kept", { role: "kept-role" });
    await clearFaults(sandbox);
    expect(out.ok).toBe(false);
    expect((await iamSdk.send(new GetRoleCommand({ RoleName: "kept-role" }))).Role?.RoleName).toBe("kept-role");
  });
});

describe("gateway tags", () => {
  it("round trips: tags given at creation are replaced exactly by the edited list", async () => {
    const g = await agentcore.send(new CreateGatewayCommand({ name: "tagged", roleArn: `arn:aws:iam::${ACCOUNT}:role/x`, authorizerType: "NONE", tags: { team: "a", env: "dev" } }));
    const r = await updateGatewayTagsAction(g.gatewayId!, [
      { key: "env", value: "prod" },
      { key: "owner", value: "me@example.com" },
    ]);
    expect(r).toMatchObject({ ok: true, data: { added: 2, removed: 1 } });
    expect((await agentcore.send(new ListTagsForResourceCommand({ resourceArn: g.gatewayArn! }))).tags).toEqual({ env: "prod", owner: "me@example.com" });
    const bad = await updateGatewayTagsAction(g.gatewayId!, [{ key: "a", value: "1" }, { key: "a", value: "2" }]);
    expect(bad.ok).toBe(false);
    expect((await agentcore.send(new ListTagsForResourceCommand({ resourceArn: g.gatewayArn! }))).tags).toEqual({ env: "prod", owner: "me@example.com" });
  });
});

describe("credential providers in use", () => {
  it("maps each provider ARN to the gateways whose targets use it", async () => {
    const g = await gateway("with-provider", `arn:aws:iam::${ACCOUNT}:role/x`);
    const arn = `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:token-vault/default/apikeycredentialprovider/key-1`;
    const { seedGatewayTarget } = await import("./helpers");
    seedGatewayTarget(sandbox.store, REGION, g.gatewayId!, { credentialProviderConfigurations: [{ credentialProviderType: "API_KEY", credentialProvider: { apiKeyCredentialProvider: { providerArn: arn } } }] });
    const used = await gatewaysUsingProviders(REGION);
    expect(used.byArn[arn].map((x) => x.name)).toEqual(["with-provider"]);
  });
});

describe("Identity deletes", () => {
  it("deletes an app client and a pool with its domain, each confirmed by name", async () => {
    const p = await pool({});
    expect(await deleteAppClientAction(p.poolId, p.clientId, "nope")).toMatchObject({ ok: false, fieldErrors: { confirmName: `Type ${p.clientName} to confirm.` } });
    expect(await deleteAppClientAction(p.poolId, p.clientId, p.clientName)).toMatchObject({ ok: true, data: { outcome: { outcome: "deleted" } } });
    expect((await cognitoSdk.send(new ListUserPoolClientsCommand({ UserPoolId: p.poolId }))).UserPoolClients).toEqual([]);
    expect(await deleteUserPoolAction(p.poolId, "wrong")).toMatchObject({ ok: false });
    const r = await deleteUserPoolAction(p.poolId, p.poolName);
    expect(r.ok && r.data.outcomes.map((o) => o.outcome)).toEqual(["deleted", "deleted"]);
    expect((await catchError(() => cognitoSdk.send(new DescribeUserPoolCommand({ UserPoolId: p.poolId })))).name).toBe("ResourceNotFoundException");
    expect(await deleteUserPoolAction("us-east-1_doesnotexist", "x")).toMatchObject({ ok: false, errorName: "ResourceNotFoundException" });
  });
});
