// No server action hands a client secret to the browser unless the user asked for it: the identity actions through the real SDK against the sandbox.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CognitoIdentityProviderClient, CreateUserPoolClientCommand, DescribeUserPoolClientCommand } from "@aws-sdk/client-cognito-identity-provider";
import { CREDENTIALS, REGION, startSandbox, useSandboxForConsole, type TestSandbox } from "./helpers";
import { defaultQuickCreateValues, randomSuffix, type QuickCreateReport } from "@/lib/schemas/cognito";

vi.mock("next/headers", async () => (await import("../support/next-headers")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

let sandbox: TestSandbox;
let sdk: CognitoIdentityProviderClient;
let actions: typeof import("@/lib/actions/identity");
let gateways: typeof import("@/lib/actions/gateways");
let gatewaySchema: typeof import("@/lib/schemas/gateway");

beforeAll(async () => {
  process.env.AWS_MAX_ATTEMPTS = "1";
  sandbox = await startSandbox({ lifecycleDelayMs: 0 });
  useSandboxForConsole(sandbox);
  sdk = new CognitoIdentityProviderClient({ endpoint: sandbox.url, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
  vi.spyOn(console, "error").mockImplementation(() => {});
  actions = await import("@/lib/actions/identity");
  gateways = await import("@/lib/actions/gateways");
  gatewaySchema = await import("@/lib/schemas/gateway");
});

afterAll(async () => {
  sdk?.destroy();
  await sandbox?.dispose();
});

/** The secret as Cognito has it, read with the SDK directly (not through the console). */
async function realSecret(poolId: string, clientId: string): Promise<string> {
  const s = (await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }))).UserPoolClient?.ClientSecret;
  expect(s).toMatch(/^[a-z0-9]{51}$/);
  return s!;
}

/** What the browser would receive: the action's result, serialized. */
const wire = (v: unknown) => JSON.stringify(v);

describe("the identity page's quick create, action by action", () => {
  const responses: unknown[] = [];
  let report: QuickCreateReport;

  beforeAll(async () => {
    const pool = await actions.quickCreatePoolAction({ ...defaultQuickCreateValues(`s${randomSuffix()}`), scopes: "invoke" });
    responses.push(pool);
    if (!pool.ok) throw new Error(pool.message);
    report = pool.data;
    for (const phase of ["domainAndResourceServer", "client", "domainActive"] as const) {
      const r = await actions.quickCreatePhaseAction(report, phase);
      responses.push(r);
      if (!r.ok) throw new Error(r.message);
      report = r.data;
    }
  });

  it("finishes with the pool id, client id, discovery URL, token endpoint and scopes, and no secret anywhere", async () => {
    const fin = await actions.finishQuickCreateAction(report);
    responses.push(fin);
    expect(fin.ok).toBe(true);
    if (!fin.ok) return;
    expect(fin.data).toEqual({
      region: REGION,
      poolId: report.poolId,
      clientId: report.clientId,
      domain: report.domain,
      discoveryUrl: `${sandbox.url}/${report.poolId}/.well-known/openid-configuration`,
      tokenEndpoint: `${sandbox.url}/oauth2/${report.domain}/token`,
      scopes: ["agentcore-gateway/invoke"],
    });
    const secret = await realSecret(report.poolId!, report.clientId!);
    for (const r of responses) expect(wire(r)).not.toContain(secret);
  });

  it("lists the pool's clients and gets a test token without sending the secret", async () => {
    const secret = await realSecret(report.poolId!, report.clientId!);
    const clients = await actions.listPoolClientsAction(report.poolId!);
    expect(clients.ok && clients.data.clients.map((c) => c.clientId)).toEqual([report.clientId]);
    const token = await actions.getTestTokenAction(report.poolId!, report.clientId!);
    expect(token.ok && token.data.claims.client_id).toBe(report.clientId);
    for (const r of [clients, token]) expect(wire(r)).not.toContain(secret);
  });

  it("hands the secret over only to revealClientSecretAction, the call a Reveal click makes", async () => {
    const r = await actions.revealClientSecretAction(report.poolId!, report.clientId!);
    expect(r).toEqual({ ok: true, data: { secret: await realSecret(report.poolId!, report.clientId!) } });
  });

  it("refuses to reveal for ids that are not ids, for a public client and for an unknown client, without a 500", async () => {
    expect(await actions.revealClientSecretAction("../etc", report.clientId!)).toMatchObject({ ok: false, message: "That is not a user pool and app client id." });
    expect(await actions.revealClientSecretAction(report.poolId!, { toString: () => report.clientId } as unknown as string)).toMatchObject({ ok: false });
    const pub = await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: report.poolId, ClientName: "public" }));
    expect(await actions.revealClientSecretAction(report.poolId!, pub.UserPoolClient!.ClientId!)).toMatchObject({ ok: false, errorName: "NoClientSecret" });
    expect(await actions.revealClientSecretAction(report.poolId!, "nosuchclient0000000000000a")).toMatchObject({ ok: false, errorName: "ResourceNotFoundException" });
  });
});

describe("the gateway form's quick create", () => {
  it("returns the new client's ids and URLs, never its secret, on success", async () => {
    const values = { ...gatewaySchema.emptyGatewayForm(randomSuffix()), name: "secretless", newRoleName: "agentcore-secretless-role" };
    const r = await gateways.createGatewayAction(values, `secrets-test-token-${"0".repeat(20)}`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.data.cognito ?? {}).sort()).toEqual(["clientId", "discoveryUrl", "domain", "poolId", "scopes", "tokenEndpoint"]);
    expect(wire(r)).not.toContain(await realSecret(r.data.cognito!.poolId, r.data.cognito!.clientId));
  });
});
