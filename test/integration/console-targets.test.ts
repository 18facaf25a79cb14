// The console's lib/aws targets module through the real SDK against the sandbox over HTTP: form values in, targets out.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CreateApiKeyCredentialProviderCommand, CreateGatewayCommand, CreateOauth2CredentialProviderCommand } from "@aws-sdk/client-bedrock-agentcore-control";
import { agentCoreClient, ROLE_ARN, seedGatewayTarget, startSandbox, useSandboxForConsole, waitFor, type TestSandbox } from "./helpers";
import { ConsoleError } from "@/lib/aws/errors";
import { createTarget, deleteTarget, getAllTargets, getTarget, listTargets, synchronizeTargets, updateTarget, type Target } from "@/lib/aws/targets";
import { issuesToFieldErrors } from "@/lib/schemas/form-errors";
import { targetSchema, type OutboundAuthType, type TargetFormValues, type TargetType } from "@/lib/schemas/target";
import { awsTargetFieldListToFormErrors, targetToFormValues, toTargetRequest, type TargetFields } from "@/lib/schemas/target-mapping";
import { form } from "@/test/support/target-forms";

const REGION = "us-west-2";
const LAMBDA_ARN = "arn:aws:lambda:us-west-2:123456789012:function:weather-tools";
const TOOLS = [{ name: "get_weather", description: "Current weather", inputSchema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } }];
let sandbox: TestSandbox;
let gatewayId: string;
let apiKeyArn: string;
let oauthArn: string;
let n = 0;
let tokens = 0;
const unique = (prefix: string) => `${prefix}-${++n}`;
const token = () => `console-targets-token-${String(++tokens).padStart(20, "0")}`;

/** A filled form of the given type and outbound auth (the form's defaults elsewhere), then edited. */
const values = (type: TargetType, auth: OutboundAuthType, edit: (v: TargetFormValues) => void = () => {}): TargetFormValues =>
  form(type, (v) => {
    v.name = unique(type.toLowerCase());
    v.description = `A ${type} target`;
    v.lambda = { ...v.lambda, arn: LAMBDA_ARN, inline: JSON.stringify(TOOLS, null, 2) };
    v.apiGateway = { restApiId: "a1b2c3d4e5", stage: "prod", filters: [{ path: "/pets", methods: ["GET", "POST"] }], overrides: [{ name: "list_pets", description: "List", path: "/pets", method: "GET" }] };
    v.auth.type = auth;
    v.auth.apiKey = { providerArn: apiKeyArn, location: "HEADER", parameterName: "x-api-key", prefix: "" };
    v.auth.oauth = { providerArn: oauthArn, scopes: ["read"], grantType: "CLIENT_CREDENTIALS", customParameters: [], returnUrl: "" };
    edit(v);
  });

/** As the server action does: parse the form again, then map it. */
const fieldsOf = (v: TargetFormValues): TargetFields => toTargetRequest(targetSchema.parse(v));

const fail = (p: Promise<unknown>) => p.then(() => expect.unreachable("expected a ConsoleError"), (e: unknown) => e as ConsoleError);

beforeAll(async () => {
  sandbox = await startSandbox();
  useSandboxForConsole(sandbox);
  vi.spyOn(console, "error").mockImplementation(() => {});
  const sdk = agentCoreClient(sandbox, { region: REGION });
  gatewayId = (await sdk.send(new CreateGatewayCommand({ name: "console-targets", roleArn: ROLE_ARN, authorizerType: "AWS_IAM" }))).gatewayId!;
  apiKeyArn = (await sdk.send(new CreateApiKeyCredentialProviderCommand({ name: "pets-key", apiKey: "s3cr3t" }))).credentialProviderArn!;
  oauthArn = (
    await sdk.send(
      new CreateOauth2CredentialProviderCommand({
        name: "pets-oauth",
        credentialProviderVendor: "CustomOauth2",
        oauth2ProviderConfigInput: {
          customOauth2ProviderConfig: { oauthDiscovery: { discoveryUrl: "https://idp.example.com/.well-known/openid-configuration" }, clientId: "client", clientSecret: "secret" },
        },
      }),
    )
  ).credentialProviderArn!;
  sdk.destroy();
});

afterAll(async () => {
  await sandbox?.dispose();
});

beforeEach(() => {
  sandbox.settings.lifecycleDelayMs = 0;
});

describe("create each target type from form values, and read it back", () => {
  const cases: [string, TargetType, OutboundAuthType, (v: TargetFormValues) => void][] = [
    ["Lambda, inline tool schema, gateway role", "lambda", "GATEWAY_IAM_ROLE", () => {}],
    ["Lambda, tool schema in S3", "lambda", "GATEWAY_IAM_ROLE", (v) => (v.lambda = { ...v.lambda, source: "s3", s3Uri: "s3://my-bucket/tools.json", bucketOwner: "123456789012" })],
    ["OpenAPI YAML, API key", "openApi", "API_KEY", () => {}],
    ["OpenAPI, SigV4 through the gateway role", "openApi", "GATEWAY_IAM_ROLE", (v) => (v.auth.iamRegion = "us-east-1")],
    ["Smithy, OAuth client credentials", "smithy", "OAUTH", () => {}],
    ["MCP server, no authorization", "mcpServer", "NONE", () => {}],
    ["MCP server, OAuth authorization code", "mcpServer", "OAUTH", (v) => (v.auth.oauth = { ...v.auth.oauth, grantType: "AUTHORIZATION_CODE", returnUrl: "https://app.example.com/done", customParameters: [{ key: "audience", value: "mcp" }] })],
    ["API Gateway, API key", "apiGateway", "API_KEY", () => {}],
    ["API Gateway, no authorization", "apiGateway", "NONE", () => {}],
  ];

  it.each(cases)("%s", async (_what, type, auth, edit) => {
    const form = values(type, auth, edit);
    const fields = fieldsOf(form);
    const created = await createTarget(REGION, gatewayId, fields, token());
    expect(created).toMatchObject({ gatewayId, name: form.name, status: "CREATING" });
    expect(created.targetId).toMatch(/^[0-9A-Z]{10}$/);

    const got = (await getTarget(REGION, gatewayId, created.targetId))!;
    expect(got).toMatchObject({ gatewayId, targetId: created.targetId, name: form.name, description: form.description, status: "READY" });
    expect(got.statusReasons).toBeUndefined();
    expect(got.targetConfiguration).toEqual(fields.targetConfiguration);
    expect(got.credentialProviderConfigurations ?? []).toEqual(fields.credentialProviderConfigurations ?? []);
    expect(got.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(JSON.parse(JSON.stringify(got))).toEqual(got);

    // The edit form opens on what was saved; saving it unchanged sends the same request.
    expect(fieldsOf(targetToFormValues(got))).toEqual(fields);
  });

  it("one target per client token", async () => {
    const fields = fieldsOf(values("mcpServer", "NONE"));
    const t = token();
    const a = await createTarget(REGION, gatewayId, fields, t);
    const b = await createTarget(REGION, gatewayId, fields, t);
    expect(b.targetId).toBe(a.targetId);
    expect((await listTargets(REGION, gatewayId)).filter((s) => s.name === fields.name)).toHaveLength(1);
  });
});

describe("list", () => {
  let listed: string;

  beforeAll(async () => {
    const sdk = agentCoreClient(sandbox, { region: REGION });
    listed = (await sdk.send(new CreateGatewayCommand({ name: "console-targets-list", roleArn: ROLE_ARN, authorizerType: "NONE" }))).gatewayId!;
    sdk.destroy();
  });

  it("an empty gateway has no targets", async () => {
    expect(await listTargets(REGION, listed)).toEqual([]);
    expect(await getAllTargets(REGION, listed)).toEqual([]);
  });

  it("reads every page (more than 100 targets), in creation order, as plain summaries", async () => {
    for (let i = 0; i < 104; i++) seedGatewayTarget(sandbox.store, REGION, listed, { name: `seeded-${i}`, targetConfiguration: { mcp: { mcpServer: { endpoint: "https://mcp.example.com" } } } });
    const all = await listTargets(REGION, listed);
    expect(all.map((t) => t.name)).toEqual(Array.from({ length: 104 }, (_, i) => `seeded-${i}`));
    expect(all[0]).toMatchObject({ status: "READY", targetId: expect.stringMatching(/^[0-9A-Z]{10}$/), createdAt: expect.stringMatching(/^\d{4}-/) });
    expect(JSON.parse(JSON.stringify(all))).toEqual(all);
  });

  it("getAllTargets: the full details of each", async () => {
    const all = await getAllTargets(REGION, listed);
    expect(all).toHaveLength(104);
    expect(all.every((t: Target) => t.gatewayId === listed && t.targetConfiguration?.mcp?.mcpServer?.endpoint === "https://mcp.example.com")).toBe(true);
  });

  it("an unknown gateway → a not-found ConsoleError", async () => {
    const e = await fail(listTargets(REGION, "missing-abcdefghij"));
    expect(e).toBeInstanceOf(ConsoleError);
    expect(e).toMatchObject({ kind: "not-found", awsName: "ResourceNotFoundException" });
  });
});

describe("update: a full replace", () => {
  it("changes the type, clears the description and the auth, keeps the id; UPDATING then READY", async () => {
    const created = await createTarget(REGION, gatewayId, fieldsOf(values("openApi", "API_KEY")), token());
    sandbox.settings.lifecycleDelayMs = 100;
    const form = values("mcpServer", "NONE", (v) => {
      v.name = `${created.name}-renamed`;
      v.description = "";
    });
    const updated = await updateTarget(REGION, gatewayId, created.targetId, fieldsOf(form));
    expect(updated).toMatchObject({ targetId: created.targetId, name: form.name, status: "UPDATING" });
    const got = await waitFor(
      () => getTarget(REGION, gatewayId, created.targetId),
      (t) => t?.status === "READY",
    );
    expect(got?.description).toBeUndefined();
    expect(got?.targetConfiguration).toEqual({ mcp: { mcpServer: { endpoint: "https://mcp.example.com/mcp" } } });
    expect(got?.credentialProviderConfigurations ?? []).toEqual([]);
    expect(got?.name).toBe(form.name);
  });

  it("an edit of the form the target opened with", async () => {
    const created = await createTarget(REGION, gatewayId, fieldsOf(values("apiGateway", "API_KEY")), token());
    const form = targetToFormValues((await getTarget(REGION, gatewayId, created.targetId))!);
    form.apiGateway.filters.push({ path: "/orders/*", methods: ["DELETE"] });
    form.auth.type = "GATEWAY_IAM_ROLE";
    await updateTarget(REGION, gatewayId, created.targetId, fieldsOf(form));
    const got = (await getTarget(REGION, gatewayId, created.targetId))!;
    expect(got.targetConfiguration?.mcp?.apiGateway?.apiGatewayToolConfiguration?.toolFilters).toEqual([
      { filterPath: "/pets", methods: ["GET", "POST"] },
      { filterPath: "/orders/*", methods: ["DELETE"] },
    ]);
    expect(got.credentialProviderConfigurations).toEqual([{ credentialProviderType: "GATEWAY_IAM_ROLE" }]);
  });

  it("an unknown target → a not-found ConsoleError", async () => {
    const e = await fail(updateTarget(REGION, gatewayId, "ABCDEFGHIJ", fieldsOf(values("mcpServer", "NONE"))));
    expect(e).toMatchObject({ kind: "not-found", awsName: "ResourceNotFoundException" });
  });
});

describe("synchronize", () => {
  it("an MCP server target: SYNCHRONIZING, then READY with a later lastSynchronizedAt", async () => {
    const created = await createTarget(REGION, gatewayId, fieldsOf(values("mcpServer", "NONE")), token());
    const before = (await getTarget(REGION, gatewayId, created.targetId))!;
    expect(before.status).toBe("READY");
    // Created MCP server targets are synchronized once implicitly.
    expect(before.lastSynchronizedAt).toMatch(/^\d{4}-/);

    sandbox.settings.lifecycleDelayMs = 150;
    await new Promise((r) => setTimeout(r, 5));
    await synchronizeTargets(REGION, gatewayId, [created.targetId]);
    const during = (await getTarget(REGION, gatewayId, created.targetId))!;
    expect(during.status).toBe("SYNCHRONIZING");
    const after = await waitFor(
      () => getTarget(REGION, gatewayId, created.targetId),
      (t) => t?.status === "READY",
    );
    expect(Date.parse(after!.lastSynchronizedAt!)).toBeGreaterThan(Date.parse(before.lastSynchronizedAt!));
    expect(after?.statusReasons).toBeUndefined();
  });

  it("other target types cannot be synchronized → a validation ConsoleError on the target list", async () => {
    const created = await createTarget(REGION, gatewayId, fieldsOf(values("lambda", "GATEWAY_IAM_ROLE")), token());
    const e = await fail(synchronizeTargets(REGION, gatewayId, [created.targetId]));
    expect(e).toMatchObject({ kind: "validation", awsName: "ValidationException" });
    expect(e.fieldList.map((f) => f.name)).toEqual(["targetIdList[0]"]);
    expect(awsTargetFieldListToFormErrors(e.fieldList, "lambda")).toEqual({ _form: expect.stringMatching(/Only MCP server targets can be synchronized/) });
  });
});

describe("delete", () => {
  it("DELETING, then gone: getTarget → null, no longer listed", async () => {
    const created = await createTarget(REGION, gatewayId, fieldsOf(values("smithy", "GATEWAY_IAM_ROLE")), token());
    sandbox.settings.lifecycleDelayMs = 100;
    await deleteTarget(REGION, gatewayId, created.targetId);
    expect((await getTarget(REGION, gatewayId, created.targetId))?.status).toBe("DELETING");
    await waitFor(
      () => getTarget(REGION, gatewayId, created.targetId),
      (t) => t === null,
    );
    expect((await listTargets(REGION, gatewayId)).map((t) => t.targetId)).not.toContain(created.targetId);
  });

  it("an unknown target → a not-found ConsoleError", async () => {
    const e = await fail(deleteTarget(REGION, gatewayId, "ABCDEFGHIJ"));
    expect(e).toMatchObject({ kind: "not-found", awsName: "ResourceNotFoundException" });
    expect(e.message).toBe("Could not delete the target: it does not exist (it may have been deleted).");
  });
});

describe("not found", () => {
  it("an unknown target or gateway → null", async () => {
    expect(await getTarget(REGION, gatewayId, "ABCDEFGHIJ")).toBeNull();
    expect(await getTarget(REGION, "missing-abcdefghij", "ABCDEFGHIJ")).toBeNull();
    expect(await getTarget("eu-west-1", gatewayId, "ABCDEFGHIJ")).toBeNull();
  });
});

describe("errors as ConsoleErrors", () => {
  it("a duplicate name → conflict, with the service's sentence", async () => {
    const fields = fieldsOf(values("mcpServer", "NONE"));
    await createTarget(REGION, gatewayId, fields, token());
    const e = await fail(createTarget(REGION, gatewayId, fields, token()));
    expect(e).toBeInstanceOf(ConsoleError);
    expect(e).toMatchObject({ kind: "conflict", awsName: "ConflictException" });
    expect(e.message).toBe(`Could not create the target. A target named ${fields.name} already exists in gateway ${gatewayId}.`);
  });

  it("renaming onto another target's name → conflict", async () => {
    const a = await createTarget(REGION, gatewayId, fieldsOf(values("mcpServer", "NONE")), token());
    const b = await createTarget(REGION, gatewayId, fieldsOf(values("mcpServer", "NONE")), token());
    const e = await fail(updateTarget(REGION, gatewayId, b.targetId, { ...fieldsOf(values("mcpServer", "NONE")), name: a.name }));
    expect(e).toMatchObject({ kind: "conflict", awsName: "ConflictException" });
  });

  it("a ValidationException's fieldList lands on the form's fields", async () => {
    // The form accepts any credential provider ARN; the service wants the API key kind for an API key.
    const wrongKind = fieldsOf(values("openApi", "API_KEY", (v) => (v.auth.apiKey.providerArn = oauthArn)));
    const e = await fail(createTarget(REGION, gatewayId, wrongKind, token()));
    expect(e).toMatchObject({ kind: "validation", awsName: "ValidationException" });
    expect(e.message).toMatch(/^AWS rejected the request to create the target\. /);
    expect(e.fieldList).toEqual([{ name: "credentialProviderConfigurations[0].credentialProvider.apiKeyCredentialProvider.providerArn", message: expect.any(String) }]);
    expect(awsTargetFieldListToFormErrors(e.fieldList, "openApi")).toEqual({ "auth.apiKey.providerArn": e.fieldList[0].message });
  });

  it("several model violations at once (a request the form would refuse), each on its field", async () => {
    const raw = values("lambda", "GATEWAY_IAM_ROLE", (v) => {
      v.name = "bad name";
      v.lambda.arn = "arn:aws:lambda:us-west-2:123:function:x";
    });
    const e = await fail(createTarget(REGION, gatewayId, toTargetRequest(raw), token()));
    expect(e.kind).toBe("validation");
    const placed = awsTargetFieldListToFormErrors(e.fieldList, "lambda");
    expect(Object.keys(placed).sort()).toEqual(["lambda.arn", "name"]);
    // The form would have said so first, on the same fields.
    const r = targetSchema.safeParse(raw);
    expect(r.success ? {} : Object.keys(issuesToFieldErrors(r.error.issues)).sort()).toEqual(["lambda.arn", "name"]);
  });

  it("an unknown gateway → not-found", async () => {
    const e = await fail(createTarget(REGION, "missing-abcdefghij", fieldsOf(values("mcpServer", "NONE")), token()));
    expect(e).toMatchObject({ kind: "not-found", awsName: "ResourceNotFoundException" });
  });

  it("a custom parameter without a value, which the service refuses, is stopped by the form first", async () => {
    const form = values("mcpServer", "OAUTH", (v) => (v.auth.oauth.customParameters = [{ key: "audience", value: "" }]));
    const r = targetSchema.safeParse(form);
    expect(r.success ? {} : issuesToFieldErrors(r.error.issues)).toHaveProperty(["auth.oauth.customParameters.0.value"]);
    const e = await fail(createTarget(REGION, gatewayId, toTargetRequest(form), token()));
    expect(e).toMatchObject({ kind: "validation", awsName: "ValidationException" });
  });
});

describe("inline documents the service cannot use", () => {
  it("an unparseable OpenAPI document → FAILED, with the console's own message and position as the reason", async () => {
    const broken = '{\n  "openapi": "3.0.1",\n  "info": { "title": "Pets", "version": "1" }\n  "paths": {}\n}';
    const form = values("openApi", "NONE", (v) => (v.openApi.inline = broken));
    // The form refuses it ...
    const r = targetSchema.safeParse(form);
    expect(r.success ? {} : issuesToFieldErrors(r.error.issues)).toEqual({ "openApi.inline": "Line 4, column 3: Missing ',' between two properties" });
    // ... and a request that skips the form ends FAILED for the same reason at the same place.
    const created = await createTarget(REGION, gatewayId, toTargetRequest(form), token());
    expect(created.status).toBe("CREATING");
    const got = (await getTarget(REGION, gatewayId, created.targetId))!;
    expect(got.status).toBe("FAILED");
    expect(got.statusReasons).toEqual(["Failed to parse the OpenAPI schema as JSON: Missing ',' between two properties at line 4, column 3"]);
  });

  it("an update to a Smithy model without operations → UPDATE_UNSUCCESSFUL, with the reason", async () => {
    const created = await createTarget(REGION, gatewayId, fieldsOf(values("smithy", "GATEWAY_IAM_ROLE")), token());
    const form = values("smithy", "GATEWAY_IAM_ROLE", (v) => {
      v.name = created.name;
      v.smithy.inline = '{\n  "smithy": "2.0",\n  "shapes": {}\n}';
    });
    await updateTarget(REGION, gatewayId, created.targetId, toTargetRequest(form));
    const got = (await getTarget(REGION, gatewayId, created.targetId))!;
    expect(got.status).toBe("UPDATE_UNSUCCESSFUL");
    expect(got.statusReasons).toEqual(["Invalid Smithy model: The model defines no service or operation shape — AgentCore Gateway makes its tools from operations at line 3, column 13"]);
  });
});
