// The Test tab's server actions against the sandbox data plane: each authorizer type, each refusal explained, the fix, argument checks, masking, the starter function.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CreateGatewayTargetCommand, GetGatewayCommand, type BedrockAgentCoreControlClient, type CreateGatewayCommandInput } from "@aws-sdk/client-bedrock-agentcore-control";
import { REGION, agentCoreClient, startSandbox, useSandboxForConsole, waitFor, type TestSandbox } from "./helpers";
import { readyGateway, uniqueName } from "./gateway-runtime-helpers";
import { quickCreateCognito } from "@/lib/aws/cognito/quick-create";
import { defaultQuickCreateValues, quickCreateSchema, randomSuffix, type QuickCreateResult } from "@/lib/schemas/cognito";
import type { ActionResult } from "@/lib/actions/result";
import type { TestAuth, TestConnection, TestRefused, ToolCallOutcome } from "@/lib/models/gateway-test";

vi.mock("next/headers", async () => (await import("../support/next-headers")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { callGatewayToolAction, connectGatewayAction, createStarterFunctionAction, fixAllowedClientsAction, listFunctionsAction, revealTestTokenAction, searchGatewayToolsAction } =
  await import("@/lib/actions/gateway-test");
const { applyGatewayPermissionsAction } = await import("@/lib/actions/permissions");

let sandbox: TestSandbox;
let agentcore: BedrockAgentCoreControlClient;
let cognito: QuickCreateResult;
let starterArn = "";
let starterSchema: unknown[] = [];

const ok = <T>(r: ActionResult<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got: ${r.message} ${JSON.stringify(r.fieldErrors)}`);
  return r.data;
};
const connected = (r: ActionResult<TestConnection | TestRefused>) => {
  const d = ok(r);
  if ("refused" in d) throw new Error(`refused: ${JSON.stringify(d.refused)}`);
  return d;
};
const refusedOf = (r: ActionResult<unknown>) => {
  const d = ok(r) as TestRefused;
  expect(d.refused, JSON.stringify(d)).toBeDefined();
  return d;
};
const cognitoAuth = (): TestAuth => ({ kind: "cognito", poolId: cognito.poolId, clientId: cognito.clientId, scopes: [] });
const text = (o: ToolCallOutcome) => (o.content as { text?: string }[]).map((c) => c.text ?? "").join("");

async function gateway(input: Partial<CreateGatewayCommandInput>) {
  return readyGateway(agentcore, { name: uniqueName("gt"), ...input });
}

async function withStarterTarget(gatewayId: string, lambdaArn = starterArn) {
  await agentcore.send(
    new CreateGatewayTargetCommand({
      gatewayIdentifier: gatewayId,
      name: "starter",
      targetConfiguration: { mcp: { lambda: { lambdaArn, toolSchema: { inlinePayload: starterSchema as never } } } },
      credentialProviderConfigurations: [{ credentialProviderType: "GATEWAY_IAM_ROLE" }],
    }),
  );
  await waitFor(
    () => agentcore.send(new GetGatewayCommand({ gatewayIdentifier: gatewayId })),
    (g) => g.status === "READY",
  );
}

beforeAll(async () => {
  sandbox = await startSandbox();
  useSandboxForConsole(sandbox);
  vi.spyOn(console, "error").mockImplementation(() => {});
  agentcore = agentCoreClient(sandbox);
  cognito = await quickCreateCognito(quickCreateSchema.parse({ ...defaultQuickCreateValues(`gt${randomSuffix()}`), scopes: "invoke" }), REGION);
  const starter = ok(await createStarterFunctionAction("starter-tools"));
  starterArn = starter.functionArn;
  starterSchema = JSON.parse(starter.toolSchema) as unknown[];
});
afterAll(() => sandbox?.dispose());

describe("the starter Lambda function, end to end", () => {
  it("is listed, and a second one of the same name is refused on the name field", async () => {
    expect(ok(await listFunctionsAction()).functions.map((f) => f.arn)).toContain(starterArn);
    const again = await createStarterFunctionAction("starter-tools");
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.fieldErrors.name).toMatch(/already exists/);
  });

  it("refused by the role until the generated permissions are applied, then answers per tool", async () => {
    const g = await gateway({ authorizerType: "NONE", exceptionLevel: "DEBUG" });
    await withStarterTarget(g.gatewayId);
    const tools = connected(await connectGatewayAction(g.gatewayId, { kind: "none" })).tools;
    expect(tools.map((t) => [t.target, t.toolName])).toEqual([
      ["starter", "echo"],
      ["starter", "add"],
    ]);

    const denied = ok(await callGatewayToolAction(g.gatewayId, { kind: "none" }, "starter___echo", { message: "hi" })) as ToolCallOutcome;
    expect(denied.isError).toBe(true);
    expect(denied.targetFailure?.missingPermission).toEqual({
      action: "lambda:InvokeFunction",
      resource: starterArn,
      href: `/gateways/${g.gatewayId}/permissions?highlight=lambda%3AInvokeFunction`,
    });
    expect(denied.targetFailure?.debugHint).toBeUndefined();

    // Apply as the Permissions tab does: with the fingerprint of the plan it showed.
    const { gatewayPermissions } = await import("@/lib/aws/permissions");
    const { getGateway } = await import("@/lib/aws/gateways");
    const shown = await gatewayPermissions(REGION, (await getGateway(REGION, g.gatewayId))!);
    ok(await applyGatewayPermissionsAction(g.gatewayId, shown.plan!.fingerprint));
    const echo = ok(await callGatewayToolAction(g.gatewayId, { kind: "none" }, "starter___echo", { message: "hello gateway" })) as ToolCallOutcome;
    expect(echo.isError).toBe(false);
    expect(JSON.parse(text(echo))).toEqual({ tool: "echo", message: "hello gateway" });
    expect(echo.durationMs).toBeGreaterThanOrEqual(0);
    const add = ok(await callGatewayToolAction(g.gatewayId, { kind: "none" }, "starter___add", { a: 2, b: 40 })) as ToolCallOutcome;
    expect(JSON.parse(text(add))).toEqual({ tool: "add", sum: 42 });
    // The raw exchange: the tools/call request and its answer.
    expect(add.exchange.some((m) => m.direction === "request" && (m.body as { method?: string }).method === "tools/call")).toBe(true);
  });

  it("checks the arguments against the tool's schema on the server before calling", async () => {
    const g = await gateway({ authorizerType: "NONE" });
    await withStarterTarget(g.gatewayId);
    const r = await callGatewayToolAction(g.gatewayId, { kind: "none" }, "starter___add", { a: "2" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors).toEqual({ a: "Enter a number.", b: "Required." });
    const unknown = await callGatewayToolAction(g.gatewayId, { kind: "none" }, "starter___nope", {});
    expect(unknown.ok || unknown.message).toMatch(/no tool starter___nope/);
  });

  it("without DEBUG, a target failure says that debug errors show details", async () => {
    const g = await gateway({ authorizerType: "NONE" });
    // A function that does not exist (and that no applied policy covers): the call fails whatever the role holds.
    await withStarterTarget(g.gatewayId, "arn:aws:lambda:us-east-1:123456789012:function:missing");
    const denied = ok(await callGatewayToolAction(g.gatewayId, { kind: "none" }, "starter___echo", { message: "x" })) as ToolCallOutcome;
    expect(denied.isError).toBe(true);
    expect(denied.targetFailure?.debugHint).toMatch(/DEBUG/);
  });
});

describe("CUSTOM_JWT with a quick-created Cognito client", () => {
  const jwtGateway = (authorizer: Record<string, unknown>, more: Partial<CreateGatewayCommandInput> = {}) =>
    gateway({ authorizerType: "CUSTOM_JWT", authorizerConfiguration: { customJWTAuthorizer: { discoveryUrl: cognito.discoveryUrl, ...authorizer } }, ...more });

  it("connects with a token fetched on the server, and the exchange never shows it", async () => {
    const g = await jwtGateway({ allowedClients: [cognito.clientId] });
    const c = connected(await connectGatewayAction(g.gatewayId, cognitoAuth()));
    expect(c.protocolVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(c.serverInfo.name).not.toBe("");
    const token = ok(await revealTestTokenAction(g.gatewayId, cognitoAuth())).token;
    expect(token.split(".")).toHaveLength(3);
    const { readAuditEntries } = await import("@/lib/audit/log");
    const entry = (await readAuditEntries()).find((e) => e.operation === "RevealTestToken");
    expect(entry).toMatchObject({ secretRevealed: true, resources: { gatewayId: g.gatewayId, ClientId: cognito.clientId } });
    expect(JSON.stringify(await readAuditEntries())).not.toContain(token);
    const shown = JSON.stringify(c);
    expect(shown).not.toContain(token.split(".")[2]);
    expect(c.exchange.filter((m) => m.direction === "request").every((m) => m.headers.authorization === "Bearer ****")).toBe(true);
    // A pasted token works the same, and is masked the same.
    const pasted = connected(await connectGatewayAction(g.gatewayId, { kind: "bearer", token }));
    expect(JSON.stringify(pasted)).not.toContain(token);
  });

  it("the Cognito case: audiences only → explained, fixed in one click keeping every other field, then the call succeeds", async () => {
    const g = await jwtGateway({ allowedAudience: ["my-api"] }, { description: "keep me", exceptionLevel: "DEBUG", protocolConfiguration: { mcp: { instructions: "be nice" } } });
    const r = refusedOf(await connectGatewayAction(g.gatewayId, cognitoAuth()));
    expect(r.refused.status).toBe(401);
    expect(r.refused.gatewayMessage).toMatch(/no aud claim/);
    expect(r.refused.reasons).toEqual([expect.objectContaining({ kind: "cognito-audience-only", fix: expect.objectContaining({ kind: "add-allowed-client", clientId: cognito.clientId }) })]);
    expect(r.refused.token?.claims.client_id).toBe(cognito.clientId);

    const fixed = ok(await fixAllowedClientsAction(g.gatewayId, cognito.clientId));
    expect(fixed).toMatchObject({ allowedClients: [cognito.clientId], droppedAudiences: ["my-api"] });
    const after = await waitFor(
      () => agentcore.send(new GetGatewayCommand({ gatewayIdentifier: g.gatewayId })),
      (x) => x.status === "READY",
    );
    expect(after).toMatchObject({ description: "keep me", exceptionLevel: "DEBUG", protocolConfiguration: { mcp: { instructions: "be nice" } } });
    expect(connected(await connectGatewayAction(g.gatewayId, cognitoAuth())).instructions).toBe("be nice");
  });

  it("explains a client that is not allowed, a missing scope, a failing custom claim", async () => {
    const other = await jwtGateway({ allowedClients: ["someoneelse"] });
    expect(refusedOf(await connectGatewayAction(other.gatewayId, cognitoAuth())).refused.reasons[0]).toMatchObject({ kind: "client-not-allowed", fix: { clientId: cognito.clientId } });
    const scoped = await jwtGateway({ allowedClients: [cognito.clientId], allowedScopes: ["agentcore-gateway/admin"] });
    expect(refusedOf(await connectGatewayAction(scoped.gatewayId, cognitoAuth())).refused.reasons.map((x) => x.kind)).toEqual(["missing-scope"]);
    const claims = await jwtGateway({
      allowedClients: [cognito.clientId],
      customClaims: [{ inboundTokenClaimName: "token_use", inboundTokenClaimValueType: "STRING", authorizingClaimMatchValue: { claimMatchOperator: "EQUALS", claimMatchValue: { matchValueString: "id" } } }],
    });
    expect(refusedOf(await connectGatewayAction(claims.gatewayId, cognitoAuth())).refused.reasons.map((x) => x.kind)).toEqual(["custom-claim"]);
  });

  it("explains no token and a token that is not a JWT, never echoing the pasted text", async () => {
    const g = await jwtGateway({ allowedClients: [cognito.clientId] });
    expect(refusedOf(await connectGatewayAction(g.gatewayId, { kind: "none" })).refused.reasons.map((x) => x.kind)).toEqual(["no-token"]);
    const pasted = "definitely-not-a-jwt-secret-value";
    const r = refusedOf(await connectGatewayAction(g.gatewayId, { kind: "bearer", token: pasted }));
    expect(r.refused.reasons.map((x) => x.kind)).toEqual(["malformed-token"]);
    expect(JSON.stringify(r)).not.toContain(pasted);
  });
});

describe("AWS_IAM", () => {
  it("signs every request with the console's credentials (SigV4, bedrock-agentcore), masked in the exchange", async () => {
    const g = await gateway({ authorizerType: "AWS_IAM" });
    const c = connected(await connectGatewayAction(g.gatewayId, { kind: "iam" }));
    const auth = c.exchange.find((m) => m.direction === "request")!.headers.authorization;
    expect(auth).toMatch(/^AWS4-HMAC-SHA256 Credential=\*\*\*\*\/\d{8}\/us-east-1\/bedrock-agentcore\/aws4_request, SignedHeaders=.*host.*, Signature=\*\*\*\*$/);
    expect(JSON.stringify(c)).not.toContain(process.env.AWS_ACCESS_KEY_ID!);
  });

  it("an unsigned request is refused and explained", async () => {
    const g = await gateway({ authorizerType: "AWS_IAM" });
    const r = refusedOf(await connectGatewayAction(g.gatewayId, { kind: "none" }));
    expect(r.refused.status).toBe(403);
    expect(r.refused.reasons[0]).toMatchObject({ kind: "iam-signature", message: expect.stringContaining("MissingAuthenticationTokenException") });
  });
});

describe("semantic search", () => {
  it("finds the tools that match a query, and is refused on a gateway without search", async () => {
    const g = await gateway({ authorizerType: "NONE", protocolConfiguration: { mcp: { searchType: "SEMANTIC" } } });
    await withStarterTarget(g.gatewayId);
    const c = connected(await connectGatewayAction(g.gatewayId, { kind: "none" }));
    expect(c.hasSearch).toBe(true);
    expect(c.tools[0]).toMatchObject({ name: "x_amz_bedrock_agentcore_search", target: "" });
    const s = ok(await searchGatewayToolsAction(g.gatewayId, { kind: "none" }, "add two numbers"));
    if ("refused" in s) throw new Error("refused");
    expect(s.found[0]).toMatchObject({ name: "starter___add", target: "starter", toolName: "add" });

    const plain = await gateway({ authorizerType: "NONE" });
    const r = await searchGatewayToolsAction(plain.gatewayId, { kind: "none" }, "add");
    expect(r.ok).toBe(false);
  });
});

describe("hostile input", () => {
  it("refuses bad ids, auth kinds and argument shapes with a sentence", async () => {
    expect(await connectGatewayAction("../../etc", { kind: "none" })).toMatchObject({ ok: false, message: "That is not a gateway id." });
    expect(await connectGatewayAction("gw-abcdefghij", { kind: "root" } as never)).toMatchObject({ ok: false });
    expect(await callGatewayToolAction("gw-abcdefghij", { kind: "none" }, "x", [] as never)).toMatchObject({ ok: false });
    expect(await connectGatewayAction("gw-abcdefghij", { kind: "none" })).toMatchObject({ ok: false, errorName: "ResourceNotFoundException" });
  });
});
