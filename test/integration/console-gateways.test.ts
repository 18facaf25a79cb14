// The console's lib/aws gateways module through the real SDK against the sandbox over HTTP.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CreateGatewayCommand } from "@aws-sdk/client-bedrock-agentcore-control";
import { agentCoreClient, ROLE_ARN, seedGatewayTarget, setFaults, clearFaults, startSandbox, useSandboxForConsole, type TestSandbox } from "./helpers";
import { ConsoleError } from "@/lib/aws/errors";
import { createGateway, deleteGateway, getGateway, listGateways, updateGateway } from "@/lib/aws/gateways";
import { gatewaySchema, emptyGatewayForm } from "@/lib/schemas/gateway";
import { awsFieldListToFormErrors, toGatewayRequest } from "@/lib/schemas/gateway-mapping";

const REGION = "us-west-2";
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
  useSandboxForConsole(sandbox);
  vi.spyOn(console, "error").mockImplementation(() => {});
  const sdk = agentCoreClient(sandbox, { region: REGION });
  // 130 gateways: "alpha-N" for N % 3 == 0, "beta-N" otherwise.
  for (let i = 0; i < 130; i += 10) {
    await Promise.all(
      Array.from({ length: 10 }, (_, j) => i + j).map((n) =>
        sdk.send(new CreateGatewayCommand({ name: `${n % 3 === 0 ? "alpha" : "beta"}-${n}`, roleArn: ROLE_ARN, authorizerType: "NONE" })),
      ),
    );
  }
});

afterAll(async () => {
  await sandbox.dispose();
});

async function allPages(nameFilter?: string, pageSize = 25) {
  const seen: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const page = await listGateways(REGION, { pageSize, nextToken: token, nameFilter });
    expect(page.items.length).toBeLessThanOrEqual(pageSize);
    seen.push(...page.items.map((g) => g.name));
    token = page.nextToken;
    pages++;
  } while (token);
  return { seen, pages };
}

describe("listGateways", () => {
  it("pages through every gateway with AWS's nextToken, each exactly once", async () => {
    const { seen, pages } = await allPages();
    expect(seen).toHaveLength(130);
    expect(new Set(seen).size).toBe(130);
    expect(pages).toBe(6);
  });

  it("filters by name across pages, returning exactly pageSize matches per page and skipping none", async () => {
    const { seen } = await allPages("alpha", 7);
    const expected = Array.from({ length: 130 }, (_, n) => n).filter((n) => n % 3 === 0).map((n) => `alpha-${n}`);
    expect(seen).toEqual(expected);
  });

  it("matches the filter case-insensitively anywhere in the name", async () => {
    const page = await listGateways(REGION, { pageSize: 50, nameFilter: "TA-12" });
    expect(page.items.map((g) => g.name).sort()).toEqual(["beta-121", "beta-122", "beta-124", "beta-125", "beta-127", "beta-128"]);
  });

  it("returns plain serializable summaries with ISO times", async () => {
    const page = await listGateways(REGION, { pageSize: 1 });
    expect(page.items[0]).toMatchObject({ status: expect.any(String), authorizerType: "NONE", protocolType: "MCP" });
    expect(page.items[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(JSON.parse(JSON.stringify(page.items[0]))).toEqual(page.items[0]);
  });
});

describe("create, get, update, delete", () => {
  const values = () => ({
    ...emptyGatewayForm(),
    name: "console-it",
    roleMode: "arn" as const,
    roleArn: ROLE_ARN,
    jwtSource: "oidc" as const,
    jwt: { ...emptyGatewayForm().jwt, discoveryUrl: "https://idp.example.com/.well-known/openid-configuration", allowedClients: ["c1"] },
    mcp: { supportedVersions: ["2025-06-18" as const], instructions: "Use the order tools.", semanticSearch: true },
    tags: [{ key: "team", value: "orders" }],
  });

  it("creates from form values, once per client token, and reads every field back", async () => {
    const fields = toGatewayRequest(gatewaySchema.parse(values()));
    const token = "console-it-token-0000000000000000000001";
    const a = await createGateway(REGION, fields, token);
    const b = await createGateway(REGION, fields, token);
    expect(b.gatewayId).toBe(a.gatewayId);
    const g = await getGateway(REGION, a.gatewayId);
    expect(g).toMatchObject({
      name: "console-it",
      authorizerType: "CUSTOM_JWT",
      authorizerConfiguration: { customJWTAuthorizer: { allowedClients: ["c1"] } },
      protocolConfiguration: { mcp: { supportedVersions: ["2025-06-18"], instructions: "Use the order tools.", searchType: "SEMANTIC" } },
    });
    expect(g?.gatewayUrl).toBe(`${sandbox.url}/gateway-runtime/${REGION}/${a.gatewayId}/mcp`);
  });

  it("returns null for an unknown gateway instead of throwing", async () => {
    expect(await getGateway(REGION, "missing-abcdefghij")).toBeNull();
  });

  it("turns a duplicate name into a conflict ConsoleError with a sentence and the AWS name", async () => {
    const err = await createGateway(REGION, { name: "alpha-0", roleArn: ROLE_ARN, authorizerType: "NONE" }, "dup-token-000000000000000000000000001").catch((e) => e);
    expect(err).toBeInstanceOf(ConsoleError);
    expect(err).toMatchObject({ kind: "conflict", awsName: "ConflictException" });
    expect(err.message).toMatch(/^Could not create the gateway\. A gateway named alpha-0 already exists/);
  });

  it("places a ValidationException's fieldList on the form's fields", async () => {
    const err = (await createGateway(
      REGION,
      { name: "x", roleArn: ROLE_ARN, authorizerType: "CUSTOM_JWT", authorizerConfiguration: { customJWTAuthorizer: { discoveryUrl: "https://nope", allowedClients: ["c"] } } },
      "val-token-000000000000000000000000001",
    ).catch((e) => e)) as ConsoleError;
    expect(err.kind).toBe("validation");
    expect(awsFieldListToFormErrors(err.fieldList)).toHaveProperty(["jwt.discoveryUrl"]);
  });

  it("updates with a full PUT and refuses to delete while targets exist", async () => {
    const page = await listGateways(REGION, { pageSize: 5, nameFilter: "console-it" });
    const id = page.items[0].gatewayId;
    await updateGateway(REGION, id, { name: "console-it", roleArn: ROLE_ARN, authorizerType: "CUSTOM_JWT", authorizerConfiguration: { customJWTAuthorizer: { discoveryUrl: "https://idp.example.com/.well-known/openid-configuration", allowedScopes: ["a/b"] } } });
    const g = await getGateway(REGION, id);
    expect(g?.authorizerConfiguration?.customJWTAuthorizer?.allowedClients).toBeUndefined();
    expect(g?.protocolConfiguration).toBeUndefined();

    seedGatewayTarget(sandbox.store, REGION, id, { name: "t1" });
    const err = (await deleteGateway(REGION, id).catch((e) => e)) as ConsoleError;
    expect(err).toMatchObject({ kind: "conflict", awsName: "ConflictException" });
  });

  it("reports throttling after the SDK's retries as a throttled ConsoleError", async () => {
    await setFaults(sandbox, { faults: [{ type: "throttling", operation: "ListGateways" }] });
    try {
      const err = (await listGateways(REGION, { pageSize: 5 }).catch((e) => e)) as ConsoleError;
      expect(err).toMatchObject({ kind: "throttled", awsName: "ThrottlingException" });
      expect(err.message).toContain("Wait a moment and try again");
    } finally {
      await clearFaults(sandbox);
    }
  });
});
