import { describe, expect, it } from "vitest";
import { createSandboxCore, credentialScope } from "./server";
import { RawResult, ServiceError, type SandboxRequest, type ServiceDefinition } from "./types";
import { loadModel } from "./model";
import { agentCoreControlService } from "../services/agentcore-control";

const auth = (region: string, service: string) => `AWS4-HMAC-SHA256 Credential=AKID/20250101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`;
const req = (over: Partial<Omit<SandboxRequest, "body">> & { body?: Buffer | string }): SandboxRequest => ({
  method: "POST",
  path: "/",
  query: new URLSearchParams(),
  headers: {},
  ...over,
  body: Buffer.from(over.body ?? ""),
});
const text = (b: string | Buffer) => b.toString();

describe("credentialScope", () => {
  it("reads region and service from the header or a presigned query", () => {
    expect(credentialScope(req({ headers: { authorization: auth("eu-west-1", "iam") } }))).toEqual({ region: "eu-west-1", service: "iam" });
    expect(credentialScope(req({ query: new URLSearchParams("X-Amz-Credential=AKID%2F20250101%2Fus-west-2%2Fsts%2Faws4_request") }))).toEqual({ region: "us-west-2", service: "sts" });
    expect(credentialScope(req({}))).toBeUndefined();
  });
});

describe("createSandboxCore dispatch", () => {
  const core = createSandboxCore({ dataDir: null, lifecycleDelayMs: 0 });

  it("routes STS by scope and form Action", async () => {
    const res = await core.dispatch(req({ headers: { authorization: auth("us-east-1", "sts"), "content-type": "application/x-www-form-urlencoded" }, body: "Action=GetCallerIdentity&Version=2011-06-15" }));
    expect(res.status).toBe(200);
    expect(text(res.body)).toContain("<Account>123456789012</Account>");
    const unsigned = await core.dispatch(req({ headers: { "content-type": "application/x-www-form-urlencoded" }, body: "Action=GetCallerIdentity&Version=2011-06-15" }));
    expect(unsigned.status).toBe(403);
    expect(text(unsigned.body)).toContain("<Code>MissingAuthenticationToken</Code>");
  });

  it("unknown awsQuery action → InvalidAction XML", async () => {
    const res = await core.dispatch(req({ headers: { authorization: auth("us-east-1", "sts"), "content-type": "application/x-www-form-urlencoded" }, body: "Action=AssumeRole&Version=2011-06-15" }));
    expect(res.status).toBe(400);
    expect(text(res.body)).toMatch(/<ErrorResponse .*<Code>InvalidAction<\/Code>/);
  });

  it("routes restJson1 by the model; unknown paths → 404 UnknownOperationException", async () => {
    const list = await core.dispatch(req({ method: "GET", path: "/gateways/", headers: { authorization: auth("us-east-1", "bedrock-agentcore") } }));
    expect(list.status).toBe(200);
    expect(JSON.parse(text(list.body))).toEqual({ items: [] });
    const nope = await core.dispatch(req({ method: "GET", path: "/nothing", headers: { authorization: auth("us-east-1", "bedrock-agentcore") } }));
    expect(nope.status).toBe(404);
    expect(nope.headers["x-amzn-errortype"]).toBe("UnknownOperationException");
  });

  it("modelled but unimplemented operations → 501", async () => {
    const bare = createSandboxCore({ dataDir: null, lifecycleDelayMs: 0, services: [{ ...agentCoreControlService(), operations: {} }] });
    const res = await bare.dispatch(req({ method: "GET", path: "/gateways/gw-abcdefghij/targets/", headers: { authorization: auth("us-east-1", "bedrock-agentcore") } }));
    expect(res.status).toBe(501);
  });

  it("control endpoints", async () => {
    const health = await core.dispatch(req({ method: "GET", path: "/_sandbox/health" }));
    expect(JSON.parse(text(health.body))).toMatchObject({ status: "ok", accountId: "123456789012" });
    const jsonCt = { "content-type": "application/json" };
    const bad = await core.dispatch(req({ method: "POST", path: "/_sandbox/faults", headers: jsonCt, body: "{" }));
    expect(bad.status).toBe(400);
    const plainText = await core.dispatch(req({ method: "POST", path: "/_sandbox/reset", headers: { "content-type": "text/plain" } }));
    expect(plainText.status).toBe(415);
    const set = await core.dispatch(req({ method: "POST", path: "/_sandbox/settings", headers: jsonCt, body: '{"lifecycleDelayMs": 5}' }));
    expect(JSON.parse(text(set.body))).toEqual({ lifecycleDelayMs: 5, allowHttpMcpEndpoints: false });
    expect(core.settings.lifecycleDelayMs).toBe(5);
    core.settings.lifecycleDelayMs = 0;
    const missing = await core.dispatch(req({ method: "GET", path: "/_sandbox/nope" }));
    expect(missing.status).toBe(404);
  });
});

describe("options", () => {
  it("refuses a lifecycle delay no clock can honour, naming the setting", () => {
    expect(() => createSandboxCore({ dataDir: null, lifecycleDelayMs: 1e308 })).toThrow(/lifecycleDelayMs must be a number of milliseconds from 0 to 86400000/);
    expect(() => createSandboxCore({ dataDir: null, lifecycleDelayMs: Number.NaN })).toThrow(/lifecycleDelayMs/);
  });
});

describe("service registry", () => {
  const iamModel = loadModel("iam");
  const cognitoModel = loadModel("cognito-identity-provider");
  const fake: ServiceDefinition[] = [
    {
      name: "iam",
      signingName: "iam",
      protocol: "awsQuery",
      queryVersion: "2010-05-08",
      xmlNamespace: "https://iam.amazonaws.com/doc/2010-05-08/",
      model: iamModel,
      operations: {
        GetRole: (input) => {
          if (input.RoleName === "missing") throw new ServiceError("NoSuchEntityException", "The role with name missing cannot be found.");
          return { Role: { RoleName: input.RoleName, Path: "/", RoleId: "AROA", Arn: "arn", CreateDate: "2025-01-01T00:00:00Z" } };
        },
      },
    },
    {
      name: "cognito",
      signingName: "cognito-idp",
      protocol: "awsJson1_1",
      targetPrefix: "AWSCognitoIdentityProviderService",
      model: cognitoModel,
      operations: {
        DescribeUserPool: () => ({ UserPool: { Id: "us-east-1_abc", CreationDate: "2025-01-01T00:00:10Z" } }),
        DeleteUserPool: () => new RawResult({ status: 200, headers: {}, body: "{}" }),
      },
      httpRoutes: [{ method: "GET", path: "/:poolId/.well-known/openid-configuration", handler: (_r, ctx) => ({ status: 200, headers: {}, body: JSON.stringify({ issuer: `${ctx.baseUrl}/${ctx.params.poolId}` }) }) }],
    },
  ];
  const core = createSandboxCore({ dataDir: null, services: fake, baseUrl: "http://local" });

  it("awsQuery: model-driven decode, XML output, awsQueryError code and status", async () => {
    const ok = await core.dispatch(req({ headers: { "content-type": "application/x-www-form-urlencoded", authorization: auth("us-east-1", "iam") }, body: "Action=GetRole&Version=2010-05-08&RoleName=R" }));
    expect(text(ok.body)).toMatch(/^<GetRoleResponse xmlns="https:\/\/iam.amazonaws.com\/doc\/2010-05-08\/"><GetRoleResult><Role><Path>\/<\/Path><RoleName>R<\/RoleName>.*<CreateDate>2025-01-01T00:00:00.000Z<\/CreateDate>.*<ResponseMetadata><RequestId>/);
    const missing = await core.dispatch(req({ headers: { "content-type": "application/x-www-form-urlencoded", authorization: auth("us-east-1", "iam") }, body: "Action=GetRole&Version=2010-05-08&RoleName=missing" }));
    expect(missing.status).toBe(404);
    expect(text(missing.body)).toContain("<Type>Sender</Type><Code>NoSuchEntity</Code>");
    const invalid = await core.dispatch(req({ headers: { "content-type": "application/x-www-form-urlencoded", authorization: auth("us-east-1", "iam") }, body: "Action=GetRole&Version=2010-05-08" }));
    expect(invalid.status).toBe(400);
    expect(text(invalid.body)).toContain("<Code>ValidationError</Code>");
  });

  it("awsJson: x-amz-target routing, epoch-second timestamps, __type errors", async () => {
    const headers = { "x-amz-target": "AWSCognitoIdentityProviderService.DescribeUserPool", "content-type": "application/x-amz-json-1.1", authorization: auth("us-east-1", "cognito-idp") };
    const ok = await core.dispatch(req({ headers, body: '{"UserPoolId":"us-east-1_abc"}' }));
    expect(JSON.parse(text(ok.body))).toEqual({ UserPool: { Id: "us-east-1_abc", CreationDate: 1735689610 } });
    const bad = await core.dispatch(req({ headers, body: "{}" }));
    expect(bad.status).toBe(400);
    expect(JSON.parse(text(bad.body))).toMatchObject({ __type: "InvalidParameterException" });
    const notJson = await core.dispatch(req({ headers, body: "nope" }));
    expect(JSON.parse(text(notJson.body))).toMatchObject({ __type: "SerializationException" });
  });

  it("plain HTTP routes for unsigned requests", async () => {
    const res = await core.dispatch(req({ method: "GET", path: "/us-east-1_abc/.well-known/openid-configuration" }));
    expect(JSON.parse(text(res.body))).toEqual({ issuer: "http://local/us-east-1_abc" });
  });

  it("injected faults use the protocol's error", async () => {
    core.faults.set({ faults: [{ type: "throttling", count: 2 }] });
    const q = await core.dispatch(req({ headers: { "content-type": "application/x-www-form-urlencoded", authorization: auth("us-east-1", "iam") }, body: "Action=GetRole&Version=2010-05-08&RoleName=R" }));
    expect(text(q.body)).toContain("<Code>Throttling</Code>");
    const j = await core.dispatch(req({ headers: { "x-amz-target": "AWSCognitoIdentityProviderService.DescribeUserPool", authorization: auth("us-east-1", "cognito-idp") }, body: '{"UserPoolId":"us-east-1_abc"}' }));
    expect(JSON.parse(text(j.body))).toMatchObject({ __type: "TooManyRequestsException" });
  });

  it("handler crashes become 500s, not dropped connections", async () => {
    const crashing = createSandboxCore({
      dataDir: null,
      services: [{ name: "boom", signingName: "boom", protocol: "awsJson1_1", operations: { Go: () => { throw new Error("bug"); } } }],
    });
    const orig = console.error;
    console.error = () => {};
    try {
      const res = await crashing.dispatch(req({ headers: { "x-amz-target": "Boom.Go", authorization: auth("us-east-1", "boom") } }));
      expect(res.status).toBe(500);
    } finally {
      console.error = orig;
    }
  });
});
