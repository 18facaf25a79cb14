// AgentCore Control gateway targets through the real SDK client over HTTP: each target type, outbound auth, lifecycle, sync.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CreateApiKeyCredentialProviderCommand,
  CreateGatewayCommand,
  CreateGatewayTargetCommand,
  CreateOauth2CredentialProviderCommand,
  DeleteGatewayCommand,
  DeleteGatewayTargetCommand,
  GetGatewayTargetCommand,
  ListGatewayTargetsCommand,
  SynchronizeGatewayTargetsCommand,
  UpdateGatewayTargetCommand,
  paginateListGatewayTargets,
  type BedrockAgentCoreControlClient,
  type CreateGatewayTargetCommandInput,
  type CredentialProviderConfiguration,
  type TargetConfiguration,
} from "@aws-sdk/client-bedrock-agentcore-control";
import { JSON_CONTENT, REGION, ROLE_ARN, agentCoreClient, catchError, expectValidation, startWithClient, stopWithClient, waitFor, type TestSandbox, type ValidationError } from "./helpers";

let sandbox: TestSandbox;
let client: BedrockAgentCoreControlClient;
let gatewayId: string;
let apiKeyArn: string;
let oauthArn: string;
let n = 0;
const unique = (prefix = "t") => `${prefix}-${Date.now().toString(36)}-${++n}`;

const LAMBDA_ARN = "arn:aws:lambda:us-east-1:123456789012:function:weather-tools";
const OPENAPI = JSON.stringify({
  openapi: "3.0.1",
  info: { title: "Pets", version: "1.0" },
  servers: [{ url: "https://pets.example.com" }],
  paths: { "/pets": { get: { operationId: "listPets", responses: { "200": { description: "ok" } } } } },
});
const OPENAPI_YAML = `openapi: 3.1.0
info:
  title: Pets
  version: "1.0"
  description: >
    Pets: a demo
paths:
  /pets:
    get:
      operationId: listPets
`;
const SMITHY = JSON.stringify({
  smithy: "2.0",
  shapes: {
    "example.weather#Weather": { type: "service", version: "2006-03-01", operations: [{ target: "example.weather#GetCurrentTime" }] },
    "example.weather#GetCurrentTime": { type: "operation", traits: { "smithy.api#readonly": {} } },
  },
});

const lambdaConfig = (): TargetConfiguration => ({
  mcp: {
    lambda: {
      lambdaArn: LAMBDA_ARN,
      toolSchema: {
        inlinePayload: [
          {
            name: "get_weather",
            description: "Current weather for a city",
            inputSchema: {
              type: "object",
              properties: { city: { type: "string", description: "City name" }, days: { type: "array", items: { type: "integer" } } },
              required: ["city"],
            },
            outputSchema: { type: "object", properties: { temperature: { type: "number" } } },
          },
        ],
      },
    },
  },
});
const openApi = (inlinePayload = OPENAPI): TargetConfiguration => ({ mcp: { openApiSchema: { inlinePayload } } });
const smithy = (inlinePayload = SMITHY): TargetConfiguration => ({ mcp: { smithyModel: { inlinePayload } } });
const mcpServer = (extra: Record<string, unknown> = {}): TargetConfiguration => ({ mcp: { mcpServer: { endpoint: "https://mcp.example.com/mcp", ...extra } } });
const apiGateway = (): TargetConfiguration => ({
  mcp: {
    apiGateway: {
      restApiId: "a1b2c3d4e5",
      stage: "prod",
      apiGatewayToolConfiguration: {
        toolFilters: [{ filterPath: "/pets", methods: ["GET", "POST"] }],
        toolOverrides: [{ name: "list_pets", path: "/pets", method: "GET", description: "List the pets" }],
      },
    },
  },
});
const apiKeyAuth = (): CredentialProviderConfiguration[] => [
  {
    credentialProviderType: "API_KEY",
    credentialProvider: { apiKeyCredentialProvider: { providerArn: apiKeyArn, credentialParameterName: "x-api-key", credentialLocation: "HEADER" } },
  },
];
const oauthAuth = (grantType?: "CLIENT_CREDENTIALS" | "AUTHORIZATION_CODE" | "TOKEN_EXCHANGE"): CredentialProviderConfiguration[] => [
  {
    credentialProviderType: "OAUTH",
    credentialProvider: { oauthCredentialProvider: { providerArn: oauthArn, scopes: ["read"], ...(grantType ? { grantType } : {}), ...(grantType === "AUTHORIZATION_CODE" ? { defaultReturnUrl: "https://app.example.com/done" } : {}) } },
  },
];
const iamRole = (service?: string): CredentialProviderConfiguration[] => [
  { credentialProviderType: "GATEWAY_IAM_ROLE", ...(service ? { credentialProvider: { iamCredentialProvider: { service } } } : {}) },
];

function create(input: Partial<CreateGatewayTargetCommandInput> & { targetConfiguration: TargetConfiguration }, gateway = gatewayId) {
  return client.send(new CreateGatewayTargetCommand({ gatewayIdentifier: gateway, name: unique(), ...input }));
}
const get = (targetId: string, gateway = gatewayId) => client.send(new GetGatewayTargetCommand({ gatewayIdentifier: gateway, targetId }));

async function newGateway(): Promise<string> {
  const g = await client.send(new CreateGatewayCommand({ name: unique("gw"), roleArn: ROLE_ARN, protocolType: "MCP", authorizerType: "AWS_IAM" }));
  return g.gatewayId!;
}

beforeAll(async () => {
  ({ sandbox, client } = await startWithClient(agentCoreClient));
  gatewayId = await newGateway();
  apiKeyArn = (await client.send(new CreateApiKeyCredentialProviderCommand({ name: "pets-key", apiKey: "s3cr3t" }))).credentialProviderArn!;
  oauthArn = (
    await client.send(
      new CreateOauth2CredentialProviderCommand({
        name: "pets-oauth",
        credentialProviderVendor: "CustomOauth2",
        oauth2ProviderConfigInput: {
          customOauth2ProviderConfig: {
            oauthDiscovery: { discoveryUrl: "https://idp.example.com/.well-known/openid-configuration" },
            clientId: "client",
            clientSecret: "secret",
          },
        },
      }),
    )
  ).credentialProviderArn!;
});
afterAll(() => stopWithClient(sandbox, client));
beforeEach(() => {
  sandbox.settings.lifecycleDelayMs = 0;
});

describe("CreateGatewayTarget: each target type", () => {
  it("Lambda with an inline tool schema: CREATING, then READY, with GATEWAY_IAM_ROLE by default", async () => {
    const out = await create({ name: "weather", description: "Weather tools", targetConfiguration: lambdaConfig() });
    expect(out.$metadata.httpStatusCode).toBe(202);
    expect(out.status).toBe("CREATING");
    expect(out.targetId).toMatch(/^[0-9A-Z]{10}$/);
    expect(out.gatewayArn).toBe(`arn:aws:bedrock-agentcore:${REGION}:123456789012:gateway/${gatewayId}`);
    expect(out.name).toBe("weather");
    expect(out.createdAt).toBeInstanceOf(Date);
    expect(out.credentialProviderConfigurations).toEqual([{ credentialProviderType: "GATEWAY_IAM_ROLE" }]);
    expect(out.protocolType).toBe("MCP");

    const got = await get(out.targetId!);
    expect(got.status).toBe("READY");
    expect(got.description).toBe("Weather tools");
    expect(got.targetConfiguration).toEqual(lambdaConfig());
    expect(got.statusReasons).toBeUndefined();
  });

  it("Lambda with an S3 tool schema and an explicit gateway role", async () => {
    const targetConfiguration: TargetConfiguration = {
      mcp: { lambda: { lambdaArn: `${LAMBDA_ARN}:live`, toolSchema: { s3: { uri: "s3://my-schemas/tools/weather.json", bucketOwnerAccountId: "123456789012" } } } },
    };
    const out = await create({ targetConfiguration, credentialProviderConfigurations: iamRole() });
    const got = await get(out.targetId!);
    expect(got.status).toBe("READY");
    expect(got.targetConfiguration?.mcp?.lambda?.toolSchema?.s3).toEqual({ uri: "s3://my-schemas/tools/weather.json", bucketOwnerAccountId: "123456789012" });
  });

  it("OpenAPI inline (JSON and YAML) with an API key credential provider", async () => {
    const json = await create({ targetConfiguration: openApi(), credentialProviderConfigurations: apiKeyAuth() });
    const yaml = await create({ targetConfiguration: openApi(OPENAPI_YAML), credentialProviderConfigurations: oauthAuth() });
    const a = await get(json.targetId!);
    expect(a.status).toBe("READY");
    expect(a.credentialProviderConfigurations).toEqual(apiKeyAuth());
    expect(a.targetConfiguration?.mcp?.openApiSchema?.inlinePayload).toBe(OPENAPI);
    const b = await get(yaml.targetId!);
    expect(b.status).toBe("READY");
    // The model's default grant type is filled in.
    expect(b.credentialProviderConfigurations?.[0].credentialProvider?.oauthCredentialProvider?.grantType).toBe("CLIENT_CREDENTIALS");
  });

  it("Smithy model (inline JSON AST and S3)", async () => {
    const inline = await create({ targetConfiguration: smithy() });
    const s3 = await create({ targetConfiguration: { mcp: { smithyModel: { s3: { uri: "s3://models/weather.json" } } } }, credentialProviderConfigurations: oauthAuth("CLIENT_CREDENTIALS") });
    expect((await get(inline.targetId!)).status).toBe("READY");
    expect((await get(inline.targetId!)).credentialProviderConfigurations).toEqual([{ credentialProviderType: "GATEWAY_IAM_ROLE" }]);
    expect((await get(s3.targetId!)).status).toBe("READY");
  });

  it("MCP server: no authorization, OAuth, API key or SigV4 through the gateway role; synchronized on creation", async () => {
    const none = await create({ targetConfiguration: mcpServer({ listingMode: "DEFAULT", resourcePriority: 10 }) });
    expect(none.credentialProviderConfigurations).toEqual([]);
    const got = await get(none.targetId!);
    expect(got.status).toBe("READY");
    expect(got.lastSynchronizedAt).toBeInstanceOf(Date);
    await create({ targetConfiguration: mcpServer(), credentialProviderConfigurations: oauthAuth("TOKEN_EXCHANGE") });
    await create({ targetConfiguration: mcpServer(), credentialProviderConfigurations: apiKeyAuth() });
    const sigv4 = await create({ targetConfiguration: mcpServer(), credentialProviderConfigurations: iamRole("bedrock-agentcore") });
    expect((await get(sigv4.targetId!)).credentialProviderConfigurations).toEqual(iamRole("bedrock-agentcore"));

    const list = await client.send(new ListGatewayTargetsCommand({ gatewayIdentifier: gatewayId }));
    const summary = list.items!.find((t) => t.targetId === none.targetId)!;
    expect(summary).toMatchObject({ targetType: "MCP_SERVER", listingMode: "DEFAULT", resourcePriority: 10, status: "READY" });
    expect(summary.lastSynchronizedAt).toBeInstanceOf(Date);
  });

  it("API Gateway stage: no authorization, gateway role or API key", async () => {
    const none = await create({ targetConfiguration: apiGateway() });
    expect(none.credentialProviderConfigurations).toEqual([]);
    await create({ targetConfiguration: apiGateway(), credentialProviderConfigurations: iamRole() });
    const key = await create({ targetConfiguration: apiGateway(), credentialProviderConfigurations: apiKeyAuth() });
    const got = await get(key.targetId!);
    expect(got.status).toBe("READY");
    expect(got.targetConfiguration).toEqual(apiGateway());
  });

  it("a target name is optional: the service names it", async () => {
    const out = await client.send(new CreateGatewayTargetCommand({ gatewayIdentifier: gatewayId, targetConfiguration: lambdaConfig() }));
    expect(out.name).toBe(`target-${out.targetId!.toLowerCase()}`);
  });

  it("connector / http / inference targets are not served by the sandbox (501)", async () => {
    const c = agentCoreClient(sandbox, { maxAttempts: 1 });
    const e = await catchError(() =>
      c.send(new CreateGatewayTargetCommand({ gatewayIdentifier: gatewayId, name: unique(), targetConfiguration: { mcp: { connector: { source: { connectorId: "slack" } } } } })),
    );
    c.destroy();
    expect(e.$metadata.httpStatusCode).toBe(501);
    expect(e.message).toMatch(/does not implement mcp\.connector targets/);
  });
});

describe("outbound authorization per target type", () => {
  it("Lambda supports only the gateway role", async () => {
    await expectValidation(() => create({ targetConfiguration: lambdaConfig(), credentialProviderConfigurations: apiKeyAuth() }), "credentialProviderConfigurations[0].credentialProviderType", /API_KEY outbound authorization is not supported for lambda targets \(supported: GATEWAY_IAM_ROLE\)/);
    await expectValidation(() => create({ targetConfiguration: lambdaConfig(), credentialProviderConfigurations: oauthAuth() }), "credentialProviderConfigurations[0].credentialProviderType");
    await expectValidation(
      () => create({ targetConfiguration: lambdaConfig(), credentialProviderConfigurations: iamRole("lambda") }),
      "credentialProviderConfigurations[0].credentialProvider.iamCredentialProvider",
    );
  });

  it("OpenAPI and MCP server targets need the SigV4 service with the gateway role", async () => {
    for (const targetConfiguration of [openApi(), mcpServer()]) {
      await expectValidation(() => create({ targetConfiguration, credentialProviderConfigurations: iamRole() }), "credentialProviderConfigurations[0].credentialProvider", /IamCredentialProvider is required/);
    }
    const ok = await create({ targetConfiguration: openApi(), credentialProviderConfigurations: iamRole("execute-api") });
    expect((await get(ok.targetId!)).status).toBe("READY");
  });

  it("Smithy supports OAuth only with the client credentials grant; API Gateway no OAuth", async () => {
    await expectValidation(
      () => create({ targetConfiguration: smithy(), credentialProviderConfigurations: oauthAuth("AUTHORIZATION_CODE") }),
      "credentialProviderConfigurations[0].credentialProvider.oauthCredentialProvider.grantType",
      /grant type AUTHORIZATION_CODE is not supported for smithyModel targets \(supported: CLIENT_CREDENTIALS\)/,
    );
    await expectValidation(() => create({ targetConfiguration: smithy(), credentialProviderConfigurations: apiKeyAuth() }), "credentialProviderConfigurations[0].credentialProviderType");
    await expectValidation(() => create({ targetConfiguration: apiGateway(), credentialProviderConfigurations: oauthAuth() }), "credentialProviderConfigurations[0].credentialProviderType");
  });

  it("caller IAM credentials and JWT passthrough are for AgentCore Runtime targets only", async () => {
    for (const type of ["CALLER_IAM_CREDENTIALS", "JWT_PASSTHROUGH"] as const) {
      await expectValidation(() => create({ targetConfiguration: mcpServer(), credentialProviderConfigurations: [{ credentialProviderType: type }] }), "credentialProviderConfigurations[0].credentialProviderType");
    }
  });

  it("the credential provider must match the type", async () => {
    await expectValidation(
      () => create({ targetConfiguration: openApi(), credentialProviderConfigurations: [{ credentialProviderType: "API_KEY" }] }),
      "credentialProviderConfigurations[0].credentialProvider",
      /requires apiKeyCredentialProvider/,
    );
    await expectValidation(
      () =>
        create({
          targetConfiguration: openApi(),
          credentialProviderConfigurations: [{ credentialProviderType: "API_KEY", credentialProvider: { apiKeyCredentialProvider: { providerArn: oauthArn } } }],
        }),
      "credentialProviderConfigurations[0].credentialProvider.apiKeyCredentialProvider.providerArn",
      /API key credential provider/,
    );
    await expectValidation(
      () => create({ targetConfiguration: openApi(), credentialProviderConfigurations: [{ credentialProviderType: "OAUTH", credentialProvider: { apiKeyCredentialProvider: { providerArn: apiKeyArn } } }] }),
      "credentialProviderConfigurations[0].credentialProvider",
    );
  });

  it("a static MCP tool schema needs OAuth with the authorization code grant, and cannot be synchronized", async () => {
    const mcpToolSchema = { inlinePayload: JSON.stringify({ tools: [{ name: "search", inputSchema: { type: "object" } }] }) };
    await expectValidation(() => create({ targetConfiguration: mcpServer({ mcpToolSchema }) }), "targetConfiguration.mcp.mcpServer.mcpToolSchema");
    await expectValidation(() => create({ targetConfiguration: mcpServer({ mcpToolSchema }), credentialProviderConfigurations: oauthAuth() }), "targetConfiguration.mcp.mcpServer.mcpToolSchema");
    const ok = await create({ targetConfiguration: mcpServer({ mcpToolSchema }), credentialProviderConfigurations: oauthAuth("AUTHORIZATION_CODE") });
    const got = await get(ok.targetId!);
    expect(got.status).toBe("READY");
    expect(got.lastSynchronizedAt).toBeUndefined();
    await expectValidation(() => client.send(new SynchronizeGatewayTargetsCommand({ gatewayIdentifier: gatewayId, targetIdList: [ok.targetId!] })), "targetIdList[0]", /static tool schema/);
  });
});

describe("validation", () => {
  it("two members of the target configuration union", async () => {
    const both = { mcp: { ...lambdaConfig().mcp, openApiSchema: { inlinePayload: OPENAPI } } } as unknown as TargetConfiguration;
    await expectValidation(() => create({ targetConfiguration: both }), "targetConfiguration.mcp", /exactly one of \[openApiSchema, smithyModel, lambda, mcpServer, apiGateway, connector\]/);
    await expectValidation(() => create({ targetConfiguration: { mcp: {} } as unknown as TargetConfiguration }), "targetConfiguration.mcp");
  });

  it("zero or two credential provider configurations", async () => {
    await expectValidation(() => create({ targetConfiguration: lambdaConfig(), credentialProviderConfigurations: [] }), "credentialProviderConfigurations", /length greater than or equal to 1/);
    await expectValidation(
      () => create({ targetConfiguration: openApi(), credentialProviderConfigurations: [...apiKeyAuth(), ...oauthAuth()] }),
      "credentialProviderConfigurations",
      /length less than or equal to 1/,
    );
  });

  it("Lambda ARNs per the model pattern", async () => {
    const bad = lambdaConfig();
    bad.mcp!.lambda!.lambdaArn = "arn:aws:lambda:us-east-1:123456789012:weather-tools";
    await expectValidation(() => create({ targetConfiguration: bad }), "targetConfiguration.mcp.lambda.lambdaArn", /regular expression pattern/);
  });

  it("S3 URIs: the model pattern, then a bucket and an object key", async () => {
    const withUri = (uri: string): TargetConfiguration => ({ mcp: { openApiSchema: { s3: { uri } } } });
    await expectValidation(() => create({ targetConfiguration: withUri("https://my-bucket.s3.amazonaws.com/spec.json") }), "targetConfiguration.mcp.openApiSchema.s3.uri", /regular expression pattern/);
    await expectValidation(() => create({ targetConfiguration: withUri("s3://my-bucket") }), "targetConfiguration.mcp.openApiSchema.s3.uri", /s3:\/\/bucket-name\/object-key/);
    await expectValidation(() => create({ targetConfiguration: withUri("s3://My_Bucket/spec.json") }), "targetConfiguration.mcp.openApiSchema.s3.uri");
    await expectValidation(
      () => create({ targetConfiguration: { mcp: { smithyModel: { s3: { uri: "s3://ok-bucket/m.json", bucketOwnerAccountId: "1234" } } } } }),
      "targetConfiguration.mcp.smithyModel.s3.bucketOwnerAccountId",
    );
  });

  it("tool definitions and schema definitions follow the model", async () => {
    const config = lambdaConfig();
    const tools = config.mcp!.lambda!.toolSchema!.inlinePayload!;
    (tools[0] as { description?: string }).description = undefined;
    (tools[0].inputSchema as { type: string }).type = "map";
    (tools[0].inputSchema!.properties!.days.items as { type?: string }).type = undefined;
    const e = await expectValidation(() => create({ targetConfiguration: config }), "targetConfiguration.mcp.lambda.toolSchema.inlinePayload[0].description");
    expect(e.fieldList!.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        "targetConfiguration.mcp.lambda.toolSchema.inlinePayload[0].inputSchema.type",
        "targetConfiguration.mcp.lambda.toolSchema.inlinePayload[0].inputSchema.properties.value.items.type",
      ]),
    );
  });

  it("duplicate tool names and empty tool lists", async () => {
    const config = lambdaConfig();
    const tools = config.mcp!.lambda!.toolSchema!.inlinePayload!;
    tools.push({ ...tools[0] });
    await expectValidation(() => create({ targetConfiguration: config }), "targetConfiguration.mcp.lambda.toolSchema.inlinePayload[1].name", /unique/);
    config.mcp!.lambda!.toolSchema!.inlinePayload = [];
    await expectValidation(() => create({ targetConfiguration: config }), "targetConfiguration.mcp.lambda.toolSchema.inlinePayload");
  });

  it("API Gateway filters need a path and methods; MCP server endpoints must be https", async () => {
    const config = apiGateway();
    config.mcp!.apiGateway!.apiGatewayToolConfiguration!.toolFilters = [{ filterPath: "pets", methods: ["GET"] }];
    await expectValidation(() => create({ targetConfiguration: config }), "targetConfiguration.mcp.apiGateway.apiGatewayToolConfiguration.toolFilters[0].filterPath");
    config.mcp!.apiGateway!.apiGatewayToolConfiguration!.toolFilters = [];
    await expectValidation(() => create({ targetConfiguration: config }), "targetConfiguration.mcp.apiGateway.apiGatewayToolConfiguration.toolFilters");
    await expectValidation(() => create({ targetConfiguration: { mcp: { mcpServer: { endpoint: "http://mcp.example.com" } } } }), "targetConfiguration.mcp.mcpServer.endpoint");
  });

  it("names: pattern, and unique within the gateway (ConflictException)", async () => {
    await expectValidation(() => create({ name: "bad_name", targetConfiguration: lambdaConfig() }), "name");
    const name = unique("dup");
    await create({ name, targetConfiguration: lambdaConfig() });
    const e = await catchError(() => create({ name, targetConfiguration: openApi() }));
    expect(e.name).toBe("ConflictException");
    expect(e.$metadata.httpStatusCode).toBe(409);
    const other = await newGateway();
    expect((await create({ name, targetConfiguration: lambdaConfig() }, other)).name).toBe(name);
  });

  it("missing target configuration", async () => {
    await expectValidation(() => client.send(new CreateGatewayTargetCommand({ gatewayIdentifier: gatewayId, name: unique() } as CreateGatewayTargetCommandInput)), "targetConfiguration", /must not be null/);
  });

  it("clientToken: same request → same target; other parameters → IdempotentParameterMismatchException", async () => {
    const clientToken = "token-0123456789-0123456789-0123456789";
    const name = unique("idem");
    const a = await create({ name, clientToken, targetConfiguration: lambdaConfig() });
    const b = await create({ name, clientToken, targetConfiguration: lambdaConfig() });
    expect(b.targetId).toBe(a.targetId);
    const e = await catchError<ValidationError>(() => create({ name: `${name}-2`, clientToken, targetConfiguration: lambdaConfig() }));
    expect(e.name).toBe("ValidationException");
    expect(e.reason).toBe("IdempotentParameterMismatchException");
    const list = await client.send(new ListGatewayTargetsCommand({ gatewayIdentifier: gatewayId, maxResults: 1000 }));
    expect(list.items!.filter((t) => t.name === name)).toHaveLength(1);
  });
});

describe("inline payloads that do not parse → FAILED with the reason", () => {
  it("OpenAPI JSON with a syntax error names the position", async () => {
    const broken = '{\n  "openapi": "3.0.1",\n  "info": { "title": "x" }\n  "paths": {}\n}';
    const out = await create({ targetConfiguration: openApi(broken), credentialProviderConfigurations: apiKeyAuth() });
    expect(out.status).toBe("CREATING");
    const got = await get(out.targetId!);
    expect(got.status).toBe("FAILED");
    expect(got.statusReasons).toEqual(["Failed to parse the OpenAPI schema as JSON: Missing ',' between two properties at line 4, column 3"]);
  });

  it("OpenAPI YAML that is not a mapping, Swagger 2.0, broken Smithy AST", async () => {
    const yaml = await create({ targetConfiguration: openApi("openapi: 3.0.0\n\tinfo: {}\n"), credentialProviderConfigurations: apiKeyAuth() });
    const swagger = await create({ targetConfiguration: openApi(JSON.stringify({ swagger: "2.0", info: {}, paths: {} })), credentialProviderConfigurations: apiKeyAuth() });
    const model = await create({ targetConfiguration: smithy('{"smithy": "2.0", "shapes": {') });
    expect(await get(yaml.targetId!)).toMatchObject({ status: "FAILED", statusReasons: ["Failed to parse the OpenAPI schema as YAML: Tabs are not allowed for indentation in YAML — indent with spaces at line 2, column 1"] });
    expect((await get(swagger.targetId!)).statusReasons).toEqual([
      "Invalid OpenAPI schema: Swagger 2.0 documents are not supported — AgentCore Gateway accepts OpenAPI 3.0 and 3.1; convert the document to OpenAPI 3 at line 1, column 12",
    ]);
    expect(await get(model.targetId!)).toMatchObject({ status: "FAILED", statusReasons: [expect.stringMatching(/^Failed to parse the Smithy model as JSON: .* at line 1, column 29$/)] });
  });

  it("an update to a broken payload ends UPDATE_UNSUCCESSFUL; fixing it makes the target READY again", async () => {
    const out = await create({ targetConfiguration: openApi(), credentialProviderConfigurations: apiKeyAuth() });
    const update = (inlinePayload: string) =>
      client.send(new UpdateGatewayTargetCommand({ gatewayIdentifier: gatewayId, targetId: out.targetId!, name: out.name!, targetConfiguration: openApi(inlinePayload), credentialProviderConfigurations: apiKeyAuth() }));
    expect((await update("not: [valid")).status).toBe("UPDATING");
    const failed = await get(out.targetId!);
    expect(failed.status).toBe("UPDATE_UNSUCCESSFUL");
    expect(failed.statusReasons?.[0]).toMatch(/^Failed to parse the OpenAPI schema as YAML: Unclosed '\[' .* at line 1, column 12$/);
    await update(OPENAPI);
    const fixed = await get(out.targetId!);
    expect(fixed.status).toBe("READY");
    expect(fixed.statusReasons).toBeUndefined();
  });
});

describe("lifecycle", () => {
  it("CREATING → READY, UPDATING → READY, DELETING → gone; no updates while a transition runs", async () => {
    sandbox.settings.lifecycleDelayMs = 150;
    const out = await create({ targetConfiguration: lambdaConfig() });
    expect((await get(out.targetId!)).status).toBe("CREATING");
    const busy = await catchError(() => client.send(new UpdateGatewayTargetCommand({ gatewayIdentifier: gatewayId, targetId: out.targetId!, targetConfiguration: lambdaConfig() })));
    expect(busy.name).toBe("ConflictException");
    await waitFor(() => get(out.targetId!), (t) => t.status === "READY");

    const updated = await client.send(new UpdateGatewayTargetCommand({ gatewayIdentifier: gatewayId, targetId: out.targetId!, targetConfiguration: lambdaConfig() }));
    expect(updated.status).toBe("UPDATING");
    expect((await get(out.targetId!)).status).toBe("UPDATING");
    await waitFor(() => get(out.targetId!), (t) => t.status === "READY");

    const deleted = await client.send(new DeleteGatewayTargetCommand({ gatewayIdentifier: gatewayId, targetId: out.targetId! }));
    expect(deleted).toMatchObject({ status: "DELETING", targetId: out.targetId, gatewayArn: out.gatewayArn });
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    expect((await get(out.targetId!)).status).toBe("DELETING");
    // Deleting again while it is being deleted answers DELETING again.
    expect((await client.send(new DeleteGatewayTargetCommand({ gatewayIdentifier: gatewayId, targetId: out.targetId! }))).status).toBe("DELETING");
    const gone = await waitFor(
      () => get(out.targetId!).then(() => undefined, (e: ValidationError) => e),
      (e) => e?.name === "ResourceNotFoundException",
    );
    expect(gone!.$metadata.httpStatusCode).toBe(404);
  });
});

describe("UpdateGatewayTarget", () => {
  it("replaces the whole configuration: omitted members are cleared, the name is kept", async () => {
    const out = await create({
      name: "full-replace",
      description: "before",
      targetConfiguration: openApi(),
      credentialProviderConfigurations: apiKeyAuth(),
      metadataConfiguration: { allowedRequestHeaders: ["x-trace"] },
    });
    const updated = await client.send(new UpdateGatewayTargetCommand({ gatewayIdentifier: gatewayId, targetId: out.targetId!, targetConfiguration: openApi() }));
    expect(updated.status).toBe("UPDATING");
    const got = await get(out.targetId!);
    expect(got.name).toBe("full-replace");
    expect(got.description).toBeUndefined();
    expect(got.metadataConfiguration).toBeUndefined();
    expect(got.credentialProviderConfigurations).toEqual([]);
    expect(got.updatedAt!.getTime()).toBeGreaterThanOrEqual(got.createdAt!.getTime());
  });

  it("can rename and change the target type; validates like create", async () => {
    const out = await create({ targetConfiguration: lambdaConfig() });
    const renamed = unique("renamed");
    await client.send(
      new UpdateGatewayTargetCommand({ gatewayIdentifier: gatewayId, targetId: out.targetId!, name: renamed, targetConfiguration: mcpServer(), credentialProviderConfigurations: oauthAuth() }),
    );
    const got = await get(out.targetId!);
    expect(got).toMatchObject({ name: renamed, status: "READY" });
    expect(got.lastSynchronizedAt).toBeInstanceOf(Date);
    await expectValidation(
      () => client.send(new UpdateGatewayTargetCommand({ gatewayIdentifier: gatewayId, targetId: out.targetId!, targetConfiguration: lambdaConfig(), credentialProviderConfigurations: apiKeyAuth() })),
      "credentialProviderConfigurations[0].credentialProviderType",
    );
  });

  it("renaming onto another target's name → ConflictException", async () => {
    const a = await create({ targetConfiguration: lambdaConfig() });
    const b = await create({ targetConfiguration: lambdaConfig() });
    const e = await catchError(() => client.send(new UpdateGatewayTargetCommand({ gatewayIdentifier: gatewayId, targetId: b.targetId!, name: a.name!, targetConfiguration: lambdaConfig() })));
    expect(e.name).toBe("ConflictException");
  });
});

describe("SynchronizeGatewayTargets", () => {
  it("MCP server target: SYNCHRONIZING → READY, lastSynchronizedAt moves", async () => {
    const out = await create({ targetConfiguration: mcpServer(), credentialProviderConfigurations: oauthAuth() });
    const first = (await get(out.targetId!)).lastSynchronizedAt!;
    expect(first).toBeInstanceOf(Date);
    await new Promise((r) => setTimeout(r, 5));
    sandbox.settings.lifecycleDelayMs = 100;
    const sync = await client.send(new SynchronizeGatewayTargetsCommand({ gatewayIdentifier: gatewayId, targetIdList: [out.targetId!] }));
    expect(sync.$metadata.httpStatusCode).toBe(202);
    expect(sync.targets).toHaveLength(1);
    expect(sync.targets![0]).toMatchObject({ targetId: out.targetId, status: "SYNCHRONIZING", name: out.name });
    expect(sync.targets![0].lastSynchronizedAt).toEqual(first);
    const during = await get(out.targetId!);
    expect(during.status).toBe("SYNCHRONIZING");
    expect(during.lastSynchronizedAt).toEqual(first);
    const again = await catchError(() => client.send(new SynchronizeGatewayTargetsCommand({ gatewayIdentifier: gatewayId, targetIdList: [out.targetId!] })));
    expect(again.name).toBe("ConflictException");
    const done = await waitFor(() => get(out.targetId!), (t) => t.status === "READY");
    expect(done.lastSynchronizedAt!.getTime()).toBeGreaterThan(first.getTime());
  });

  it("only MCP server targets; one target per call; unknown targets", async () => {
    const lambda = await create({ targetConfiguration: lambdaConfig() });
    await expectValidation(() => client.send(new SynchronizeGatewayTargetsCommand({ gatewayIdentifier: gatewayId, targetIdList: [lambda.targetId!] })), "targetIdList[0]", /Only MCP server targets/);
    await expectValidation(() => client.send(new SynchronizeGatewayTargetsCommand({ gatewayIdentifier: gatewayId, targetIdList: [lambda.targetId!, lambda.targetId!] })), "targetIdList");
    const e = await catchError(() => client.send(new SynchronizeGatewayTargetsCommand({ gatewayIdentifier: gatewayId, targetIdList: ["ZZZZZZZZZZ"] })));
    expect(e.name).toBe("ResourceNotFoundException");
  });
});

describe("ListGatewayTargets", () => {
  it("pages through a gateway's targets in creation order", async () => {
    const gw = await newGateway();
    const names: string[] = [];
    for (let i = 0; i < 7; i++) names.push((await create({ name: `page-${i}`, targetConfiguration: lambdaConfig() }, gw)).name!);
    const first = await client.send(new ListGatewayTargetsCommand({ gatewayIdentifier: gw, maxResults: 3 }));
    expect(first.items!.map((t) => t.name)).toEqual(names.slice(0, 3));
    expect(first.nextToken).toBeTruthy();
    const seen: string[] = [];
    for await (const page of paginateListGatewayTargets({ client, pageSize: 3 }, { gatewayIdentifier: gw })) seen.push(...page.items!.map((t) => t.name!));
    expect(seen).toEqual(names);
    await expectValidation(() => client.send(new ListGatewayTargetsCommand({ gatewayIdentifier: gw, nextToken: "garbage" })), "nextToken");
    await expectValidation(() => client.send(new ListGatewayTargetsCommand({ gatewayIdentifier: gw, maxResults: 0 })), "maxResults");
  });
});

describe("unknown ids", () => {
  it("unknown gateway or target → ResourceNotFoundException; malformed ids → ValidationException", async () => {
    const missingGw = "nope-abcdefghij";
    const out = await create({ targetConfiguration: lambdaConfig() });
    const calls: (() => Promise<unknown>)[] = [
      () => get(out.targetId!, missingGw),
      () => get("ZZZZZZZZZZ"),
      () => client.send(new ListGatewayTargetsCommand({ gatewayIdentifier: missingGw })),
      () => create({ targetConfiguration: lambdaConfig() }, missingGw),
      () => client.send(new UpdateGatewayTargetCommand({ gatewayIdentifier: gatewayId, targetId: "ZZZZZZZZZZ", targetConfiguration: lambdaConfig() })),
      () => client.send(new DeleteGatewayTargetCommand({ gatewayIdentifier: gatewayId, targetId: "ZZZZZZZZZZ" })),
      () => client.send(new DeleteGatewayTargetCommand({ gatewayIdentifier: missingGw, targetId: out.targetId! })),
      () => client.send(new SynchronizeGatewayTargetsCommand({ gatewayIdentifier: missingGw, targetIdList: [out.targetId!] })),
    ];
    for (const call of calls) {
      const e = await catchError(call);
      expect(e.name).toBe("ResourceNotFoundException");
      expect(e.$metadata.httpStatusCode).toBe(404);
    }
    await expectValidation(() => get("short"), "targetId");
    await expectValidation(() => get(out.targetId!, `arn:aws:bedrock-agentcore:${REGION}:123456789012:gateway/${gatewayId}`), "gatewayIdentifier");
  });
});

describe("DeleteGateway with targets", () => {
  it("is refused while targets exist, then succeeds once they are gone", async () => {
    const gw = await newGateway();
    const t = await create({ targetConfiguration: lambdaConfig() }, gw);
    const refused = await catchError(() => client.send(new DeleteGatewayCommand({ gatewayIdentifier: gw })));
    expect(refused.name).toBe("ConflictException");
    expect(refused.message).toMatch(/has 1 target/);
    await client.send(new DeleteGatewayTargetCommand({ gatewayIdentifier: gw, targetId: t.targetId! }));
    expect((await client.send(new DeleteGatewayCommand({ gatewayIdentifier: gw }))).status).toBe("DELETING");
  });

  it("targets seeded through the control endpoint are real targets for the API", async () => {
    const gw = await newGateway();
    const res = await fetch(`${sandbox.url}/_sandbox/agentcore-control/gateways/${gw}/targets`, { method: "POST", headers: JSON_CONTENT, body: JSON.stringify({ region: REGION, name: "seeded" }) });
    expect(res.status).toBe(201);
    const seeded = (await res.json()) as { targetId: string };
    const list = await client.send(new ListGatewayTargetsCommand({ gatewayIdentifier: gw }));
    expect(list.items!.map((t) => t.name)).toEqual(["seeded"]);
    expect((await get(seeded.targetId, gw)).status).toBe("READY");
    const refused = await catchError(() => client.send(new DeleteGatewayCommand({ gatewayIdentifier: gw })));
    expect(refused.name).toBe("ConflictException");
    const listed = (await (await fetch(`${sandbox.url}/_sandbox/agentcore-control/gateways/${gw}/targets?region=${REGION}`)).json()) as { items: { name: string }[] };
    expect(listed.items.map((t) => t.name)).toEqual(["seeded"]);
  });
});

describe("persistence", () => {
  it("targets survive a restart", async () => {
    const out = await create({ targetConfiguration: openApi(), credentialProviderConfigurations: apiKeyAuth() });
    client.destroy();
    sandbox = await sandbox.restart();
    client = agentCoreClient(sandbox);
    const got = await get(out.targetId!);
    expect(got).toMatchObject({ status: "READY", name: out.name });
    expect(got.credentialProviderConfigurations).toEqual(apiKeyAuth());
  });
});
