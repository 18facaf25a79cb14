// Hostile requests against the sandbox over HTTP: web pages, foreign Hosts, unsigned calls, prototype keys, limits, files.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CreateApiKeyCredentialProviderCommand,
  CreateGatewayCommand,
  CreateGatewayTargetCommand,
  GetApiKeyCredentialProviderCommand,
  GetGatewayCommand,
  GetGatewayTargetCommand,
  ListApiKeyCredentialProvidersCommand,
  ListGatewaysCommand,
  TagResourceCommand,
} from "@aws-sdk/client-bedrock-agentcore-control";
import { CognitoIdentityProviderClient, CreateUserPoolClientCommand, CreateUserPoolCommand, DescribeUserPoolCommand, ListUserPoolsCommand } from "@aws-sdk/client-cognito-identity-provider";
import { CreateRoleCommand, GetRoleCommand, GetRolePolicyCommand, IAMClient, ListRolesCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { CREDENTIALS, JSON_CONTENT, REGION, ROLE_ARN, agentCoreClient, catchError, startSandbox, tempDataDir, type TestSandbox } from "./helpers";

const PROTO_KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];
const TRUST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "bedrock-agentcore.amazonaws.com" }, Action: "sts:AssumeRole" }] });
const POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });
const sign = (region: string, service: string) => `AWS4-HMAC-SHA256 Credential=${CREDENTIALS.accessKeyId}/20260101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=00`;

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.dispose());

const iam = () => new IAMClient({ endpoint: sandbox.url, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
const cognito = (region = REGION) => new CognitoIdentityProviderClient({ endpoint: sandbox.url, region, credentials: CREDENTIALS, maxAttempts: 1 });
const requests = async () => (await (await fetch(`${sandbox.url}/_sandbox/requests`)).json()) as { handled: number; byOperation: Record<string, number>; refused: number };
const gatewayCount = async () => (await agentCoreClient(sandbox).send(new ListGatewaysCommand({}))).items?.length ?? 0;

/** A raw request with any headers (fetch may not set Host): status, headers and body. */
function rawRequest(options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  const url = new URL(sandbox.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method: options.method ?? "POST", path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

describe("nothing from a web page changes state", () => {
  it("POST /_sandbox/reset with a foreign Origin is refused and the state survives", async () => {
    await agentCoreClient(sandbox).send(new CreateGatewayCommand({ name: "survives-reset", roleArn: ROLE_ARN, authorizerType: "NONE" }));
    const before = await requests();
    const res = await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST", headers: { ...JSON_CONTENT, origin: "https://evil.example" } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toMatch(/refuses requests from web pages: Origin "https:\/\/evil.example" is not a loopback origin/);
    expect(await gatewayCount()).toBeGreaterThan(0);
    expect((await requests()).refused).toBe(before.refused + 1);
  });

  it("an Origin of null or of a look-alike host is refused; loopback origins are served", async () => {
    for (const origin of ["null", "http://127.0.0.1.evil.example", "http://localhost.evil.example:3000", "file://", "chrome-extension://abc"]) {
      expect((await fetch(`${sandbox.url}/_sandbox/health`, { headers: { origin } })).status, origin).toBe(403);
    }
    for (const origin of ["http://127.0.0.1:3000", "http://localhost:3301", "https://[::1]:8443", "http://127.1.2.3"]) {
      expect((await fetch(`${sandbox.url}/_sandbox/health`, { headers: { origin } })).status, origin).toBe(200);
    }
  });

  it("an unsigned form POST cannot create an IAM role; the refusal is IAM's XML", async () => {
    const before = await requests();
    const res = await fetch(sandbox.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ Action: "CreateRole", Version: "2010-05-08", RoleName: "from-a-form", AssumeRolePolicyDocument: TRUST }).toString(),
    });
    expect(res.status).toBe(403);
    const text = await res.text();
    expect(text).toMatch(/<ErrorResponse[^>]*><Error><Type>Sender<\/Type><Code>MissingAuthenticationToken<\/Code><Message>Request is missing Authentication Token<\/Message>/);
    expect((await iam().send(new ListRolesCommand({}))).Roles?.map((r) => r.RoleName)).not.toContain("from-a-form");
    const after = await requests();
    expect(after.refused).toBe(before.refused + 1);
    expect(after.byOperation.CreateRole ?? 0).toBe(before.byOperation.CreateRole ?? 0);
  });

  it("a presigned form POST from a page is refused by its Origin", async () => {
    const res = await fetch(`${sandbox.url}/?X-Amz-Credential=${encodeURIComponent(`AKID/20260101/us-east-1/iam/aws4_request`)}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
      body: new URLSearchParams({ Action: "CreateRole", Version: "2010-05-08", RoleName: "presigned-form", AssumeRolePolicyDocument: TRUST }).toString(),
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("<Code>AccessDenied</Code>");
    expect(await catchError(() => iam().send(new GetRoleCommand({ RoleName: "presigned-form" })))).toMatchObject({ name: "NoSuchEntityException" });
  });

  it("unsigned AWS calls are answered as AWS does, per protocol", async () => {
    const rest = await fetch(`${sandbox.url}/gateways/`, { method: "POST", headers: JSON_CONTENT, body: JSON.stringify({ name: "unsigned", roleArn: ROLE_ARN, authorizerType: "NONE" }) });
    expect(rest.status).toBe(403);
    expect(rest.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
    expect(await rest.json()).toMatchObject({ message: "Missing Authentication Token" });
    const awsJson = await fetch(sandbox.url, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSCognitoIdentityProviderService.CreateUserPool" },
      body: JSON.stringify({ PoolName: "unsigned" }),
    });
    expect(awsJson.status).toBe(403);
    expect(await awsJson.json()).toMatchObject({ __type: "MissingAuthenticationTokenException" });
    // Text/plain bodies (what a page can send without a preflight) do not reach a handler either.
    const textPlain = await fetch(`${sandbox.url}/gateways/`, { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" });
    expect(textPlain.status).toBe(403);
    expect((await agentCoreClient(sandbox).send(new ListGatewaysCommand({}))).items?.map((g) => g.name)).not.toContain("unsigned");
  });

  it("the OIDC endpoints stay public", async () => {
    const pool = await cognito().send(new CreateUserPoolCommand({ PoolName: "public-oidc" }));
    expect((await fetch(`${sandbox.url}/${pool.UserPool!.Id}/.well-known/openid-configuration`)).status).toBe(200);
    expect((await fetch(`${sandbox.url}/${pool.UserPool!.Id}/.well-known/jwks.json`)).status).toBe(200);
  });

  it("control writes need content-type: application/json (415 otherwise)", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const res = await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST", headers: { "content-type": type }, body: "{}" });
      expect(res.status, type).toBe(415);
      expect(((await res.json()) as { message: string }).message).toMatch(/take content-type: application\/json/);
    }
    expect((await fetch(`${sandbox.url}/_sandbox/faults`, { method: "DELETE" })).status).toBe(415);
    expect(await gatewayCount()).toBeGreaterThan(0);
  });

  it("a Host that is not the sandbox's own address is refused (DNS rebinding); its own names are served", async () => {
    const port = new URL(sandbox.url).port;
    for (const host of ["evil.example", `evil.example:${port}`, `127.0.0.1:${Number(port) + 1}`, `127.0.0.1.nip.io:${port}`]) {
      const res = await rawRequest({ method: "POST", path: "/_sandbox/reset", headers: { ...JSON_CONTENT, host } });
      expect(res.status, host).toBe(403);
      expect(res.text).toMatch(/is not this sandbox's address/);
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect((await rawRequest({ method: "GET", path: "/_sandbox/health", headers: { host } })).status, host).toBe(200);
    }
    expect(await gatewayCount()).toBeGreaterThan(0);
  });
});

describe("the SigV4 region must be a region", () => {
  const credential = (region: string) => encodeURIComponent(`a/20260101/${region}/bedrock-agentcore/aws4_request`);

  it("a presigned __proto__ / constructor region is refused with InvalidSignatureException, and nothing leaks into valueOf", async () => {
    const before = await requests();
    for (const region of ["__proto__", "constructor", "toString", "valueOf", "US-EAST-1", "us-east-1 "]) {
      const res = await fetch(`${sandbox.url}/identities/CreateApiKeyCredentialProvider?X-Amz-Credential=${credential(region)}`, {
        method: "POST",
        headers: JSON_CONTENT,
        body: JSON.stringify({ name: `proto-${PROTO_KEYS.indexOf(region) + 1}`, apiKey: "k" }),
      });
      expect(res.status, region).toBe(403);
      expect(res.headers.get("x-amzn-errortype")).toBe("InvalidSignatureException");
      expect(await res.json()).toMatchObject({ message: "Credential should be scoped to a valid region." });
    }
    const read = await fetch(`${sandbox.url}/identities/GetApiKeyCredentialProvider?X-Amz-Credential=${credential("valueOf")}`, { method: "POST", headers: JSON_CONTENT, body: JSON.stringify({ name: "proto-1" }) });
    expect(read.status).toBe(403);
    expect((await requests()).byOperation.CreateApiKeyCredentialProvider ?? 0).toBe(before.byOperation.CreateApiKeyCredentialProvider ?? 0);
  });

  it("IAM answers a bad scope in XML; Cognito in JSON", async () => {
    const res = await fetch(sandbox.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: sign("__proto__", "iam") },
      body: "Action=ListRoles&Version=2010-05-08",
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/<Code>SignatureDoesNotMatch<\/Code><Message>Credential should be scoped to a valid region.<\/Message>/);
    const c = await fetch(sandbox.url, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSCognitoIdentityProviderService.ListUserPools", authorization: sign("constructor", "cognito-idp") },
      body: JSON.stringify({ MaxResults: 10 }),
    });
    expect(c.status).toBe(403);
    expect(await c.json()).toMatchObject({ __type: "InvalidSignatureException" });
  });

  it("real regions of every partition shape are served and kept apart", async () => {
    for (const region of ["eu-central-2", "us-gov-west-1", "us-isob-east-1", "ap-southeast-5"]) {
      const out = await agentCoreClient(sandbox, { region }).send(new ListGatewaysCommand({}));
      expect(out.items, region).toEqual([]);
    }
  });
});

describe("prototype keys are ordinary keys", () => {
  it("credential provider names: each works once, no false conflict, no phantom {name: Object}", async () => {
    const c = agentCoreClient(sandbox, { region: "eu-west-3" });
    for (const name of PROTO_KEYS) {
      expect(await catchError(() => c.send(new GetApiKeyCredentialProviderCommand({ name })))).toMatchObject({ name: "ResourceNotFoundException" });
      const created = await c.send(new CreateApiKeyCredentialProviderCommand({ name, apiKey: "secret" }));
      expect(created.name).toBe(name);
      expect((await c.send(new GetApiKeyCredentialProviderCommand({ name }))).name).toBe(name);
      expect(await catchError(() => c.send(new CreateApiKeyCredentialProviderCommand({ name, apiKey: "again" })))).toMatchObject({ name: "ConflictException" });
    }
    const listed = await c.send(new ListApiKeyCredentialProvidersCommand({ maxResults: 100 }));
    expect(listed.credentialProviders?.map((p) => p.name).sort()).toEqual([...PROTO_KEYS].sort());
    // Another region sees none of them.
    const other = await agentCoreClient(sandbox, { region: "eu-west-2" }).send(new ListApiKeyCredentialProvidersCommand({}));
    expect(other.credentialProviders).toEqual([]);
  });

  it("gateway names and ids, target names, tag keys and client tokens", async () => {
    const c = agentCoreClient(sandbox, { region: "sa-east-1" });
    for (const name of PROTO_KEYS) {
      if (name.includes("_")) {
        // The service's own name pattern refuses underscores.
        expect(await catchError(() => c.send(new CreateGatewayCommand({ name, roleArn: ROLE_ARN, authorizerType: "NONE" })))).toMatchObject({ name: "ValidationException" });
        continue;
      }
      const g = await c.send(new CreateGatewayCommand({ name, roleArn: ROLE_ARN, authorizerType: "NONE", clientToken: `${name}-token-000000000000000000000000`, tags: Object.fromEntries(PROTO_KEYS.map((k) => [k, name])) }));
      expect(g.name).toBe(name);
      expect((await c.send(new GetGatewayCommand({ gatewayIdentifier: g.gatewayId }))).name).toBe(name);
      expect(await catchError(() => c.send(new CreateGatewayCommand({ name, roleArn: ROLE_ARN, authorizerType: "NONE" })))).toMatchObject({ name: "ConflictException" });
      const t = await c.send(
        new CreateGatewayTargetCommand({
          gatewayIdentifier: g.gatewayId,
          name,
          targetConfiguration: { mcp: { mcpServer: { endpoint: "https://mcp.example.com/mcp" } } },
        }),
      );
      expect((await c.send(new GetGatewayTargetCommand({ gatewayIdentifier: g.gatewayId, targetId: t.targetId }))).name).toBe(name);
    }
    for (const id of PROTO_KEYS) {
      const e = await catchError(() => c.send(new GetGatewayCommand({ gatewayIdentifier: id })));
      expect(["ResourceNotFoundException", "ValidationException"]).toContain(e.name);
    }
    // A client token that starts like a prototype key is an ordinary token (no false IdempotentParameterMismatch).
    const token = "hasOwnProperty-token-00000000000000000000";
    const tokened = await c.send(new CreateGatewayCommand({ name: "tokened", roleArn: ROLE_ARN, authorizerType: "NONE", clientToken: token }));
    const again = await c.send(new CreateGatewayCommand({ name: "tokened", roleArn: ROLE_ARN, authorizerType: "NONE", clientToken: token }));
    expect(again.gatewayId).toBe(tokened.gatewayId);
    // Tag keys through the tagging API, read back in the raw JSON.
    await c.send(new TagResourceCommand({ resourceArn: tokened.gatewayArn, tags: { __proto__: "p", constructor: "c" } as Record<string, string> })).catch((e: Error) => {
      expect(e.name).not.toMatch(/Internal/);
    });
  });

  it("Cognito pool names, pool ids and client names", async () => {
    const c = cognito("ca-central-1");
    for (const name of PROTO_KEYS) {
      const pool = await c.send(new CreateUserPoolCommand({ PoolName: name, UserPoolTags: { [name]: name } }));
      expect(pool.UserPool?.Name).toBe(name);
      const client = await c.send(new CreateUserPoolClientCommand({ UserPoolId: pool.UserPool!.Id, ClientName: name }));
      expect(client.UserPoolClient?.ClientName).toBe(name);
      const e = await catchError(() => c.send(new DescribeUserPoolCommand({ UserPoolId: name })));
      expect(["InvalidParameterException", "ResourceNotFoundException"]).toContain(e.name);
    }
    const pools = await c.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    expect(pools.UserPools?.map((p) => p.Name).sort()).toEqual([...PROTO_KEYS].sort());
  });

  it("IAM role and inline policy names", async () => {
    const c = iam();
    for (const name of PROTO_KEYS) {
      const e = await catchError(() => c.send(new GetRoleCommand({ RoleName: name })));
      expect(e.name).toBe("NoSuchEntityException");
      await c.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: TRUST }));
      expect((await c.send(new GetRoleCommand({ RoleName: name }))).Role?.RoleName).toBe(name);
      expect(await catchError(() => c.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: TRUST })))).toMatchObject({ name: "EntityAlreadyExistsException" });
      expect(await catchError(() => c.send(new GetRolePolicyCommand({ RoleName: name, PolicyName: name })))).toMatchObject({ name: "NoSuchEntityException" });
      await c.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: name, PolicyDocument: POLICY }));
      expect((await c.send(new GetRolePolicyCommand({ RoleName: name, PolicyName: name }))).PolicyName).toBe(name);
    }
  });

  it("JSON bodies with __proto__ members do not change what the handler sees", async () => {
    const body = `{"__proto__": {"name": "injected", "roleArn": "${ROLE_ARN}", "authorizerType": "NONE"}, "constructor": {"prototype": {"x": 1}}}`;
    const res = await fetch(`${sandbox.url}/gateways/`, { method: "POST", headers: { ...JSON_CONTENT, authorization: sign(REGION, "bedrock-agentcore") }, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ __type: "ValidationException" });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe("limits answer like AWS instead of crashing", () => {
  const deep = (n: number) => "[".repeat(n) + "]".repeat(n);

  it("a deeply nested JSON body → ValidationException, not a stack overflow 500", async () => {
    const body = `{"name":"deep","roleArn":"${ROLE_ARN}","authorizerType":"NONE","protocolConfiguration":${"{\"a\":".repeat(200_000)}1${"}".repeat(200_000)}}`;
    const res = await fetch(`${sandbox.url}/gateways/`, { method: "POST", headers: { ...JSON_CONTENT, authorization: sign(REGION, "bedrock-agentcore") }, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ __type: "ValidationException", message: expect.stringMatching(/nested too deeply/) });
    const cog = await fetch(sandbox.url, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSCognitoIdentityProviderService.CreateUserPool", authorization: sign(REGION, "cognito-idp") },
      body: `{"PoolName":"deep","UserPoolTags":${deep(100_000)}}`,
    });
    expect(cog.status).toBe(400);
    expect(await cog.json()).toMatchObject({ __type: "InvalidParameterException" });
  });

  it("a deeply nested inline document or tool schema → ValidationException on its field", async () => {
    const c = agentCoreClient(sandbox, { maxAttempts: 1 });
    const g = await c.send(new CreateGatewayCommand({ name: "deep-docs", roleArn: ROLE_ARN, authorizerType: "NONE" }));
    const e = await catchError<Error & { fieldList?: { name: string; message: string }[] }>(() =>
      c.send(new CreateGatewayTargetCommand({ gatewayIdentifier: g.gatewayId, name: "deep-openapi", targetConfiguration: { mcp: { openApiSchema: { inlinePayload: deep(50_000) } } } })),
    );
    expect(e.name).toBe("ValidationException");
    expect(e.fieldList?.[0]).toMatchObject({ name: "targetConfiguration.mcp.openApiSchema.inlinePayload", message: expect.stringMatching(/nested too deeply/) });
    // The SDK itself cannot serialize a schema this deep, so the tool schema goes raw.
    let schema = '{"type":"string"}';
    for (let i = 0; i < 5_000; i++) schema = `{"type":"object","properties":{"p":${schema}}}`;
    const body = `{"name":"deep-lambda","targetConfiguration":{"mcp":{"lambda":{"lambdaArn":"arn:aws:lambda:us-east-1:123456789012:function:f","toolSchema":{"inlinePayload":[{"name":"t","description":"d","inputSchema":${schema}}]}}}}}`;
    const res = await fetch(`${sandbox.url}/gateways/${g.gatewayId}/targets/`, { method: "POST", headers: { ...JSON_CONTENT, authorization: sign(REGION, "bedrock-agentcore") }, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ __type: "ValidationException", message: expect.stringMatching(/nested too deeply/) });
  });

  it("a body over the limit gets a 413 with a body, not a reset, and the sandbox keeps serving", async () => {
    const small = await startSandbox({ maxBodyBytes: 64 * 1024 });
    try {
      const res = await fetch(`${small.url}/gateways/`, { method: "POST", headers: { ...JSON_CONTENT, authorization: sign(REGION, "bedrock-agentcore") }, body: "x".repeat(1024 * 1024) });
      expect(res.status).toBe(413);
      expect(res.headers.get("x-amzn-errortype")).toBe("RequestEntityTooLargeException");
      expect(await res.json()).toMatchObject({ message: "Request body too large: the limit is 65536 bytes." });
      const iamRes = await fetch(small.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", authorization: sign(REGION, "iam") }, body: "a".repeat(200_000) });
      expect(iamRes.status).toBe(413);
      expect(await iamRes.text()).toContain("<Code>RequestEntityTooLarge</Code>");
      expect((await agentCoreClient(small).send(new ListGatewaysCommand({}))).items).toEqual([]);
    } finally {
      await small.dispose();
    }
  });

  it("fault settings are validated on the control endpoint: 1e12 ms is refused with a clear message", async () => {
    for (const body of [{ latencyMs: 1e12 }, { jitterMs: 1e12 }, { latencyMs: -1 }, { faults: [{ type: "internal", probability: "1" }] }]) {
      const res = await fetch(`${sandbox.url}/_sandbox/faults`, { method: "POST", headers: JSON_CONTENT, body: JSON.stringify(body) });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(/latencyMs must be a number of milliseconds from 0 to 60000|jitterMs must|probability/);
    }
    expect((await (await fetch(`${sandbox.url}/_sandbox/faults`)).json()).latencyMs).toBe(0);
    const settings = await fetch(`${sandbox.url}/_sandbox/settings`, { method: "POST", headers: JSON_CONTENT, body: JSON.stringify({ lifecycleDelayMs: 1e308 }) });
    expect(settings.status).toBe(400);
    expect(((await settings.json()) as { message: string }).message).toMatch(/lifecycleDelayMs must be a number of milliseconds from 0 to 86400000/);
  });
});

describe("the request counter", () => {
  it("counts operations that reached a handler and requests refused before routing", async () => {
    await fetch(`${sandbox.url}/_sandbox/requests`, { method: "DELETE", headers: JSON_CONTENT });
    await agentCoreClient(sandbox).send(new ListGatewaysCommand({}));
    await iam().send(new ListRolesCommand({}));
    await fetch(`${sandbox.url}/gateways/`);
    await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST", headers: { ...JSON_CONTENT, origin: "https://evil.example" } });
    expect(await requests()).toEqual({ handled: 2, byOperation: { ListGateways: 1, ListRoles: 1 }, refused: 2 });
  });
});

describe("secrets at rest", () => {
  it("the data folder is 0700 and its files 0600, also after more writes", async () => {
    await iam().send(new CreateRoleCommand({ RoleName: "mode-check", AssumeRolePolicyDocument: TRUST }));
    expect(fs.statSync(sandbox.dataDir).mode & 0o777).toBe(0o700);
    const files = fs.readdirSync(sandbox.dataDir);
    expect(files).toEqual(expect.arrayContaining(["iam.json", "cognito.json", "agentcore-control.json"]));
    for (const f of files) expect(fs.statSync(path.join(sandbox.dataDir, f)).mode & 0o777, f).toBe(0o600);
  });

  it("an existing world-readable folder and files are tightened on start", async () => {
    const dir = path.join(tempDataDir(), "state");
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(dir, "iam.json"), JSON.stringify({ roles: {} }), { mode: 0o644 });
    fs.chmodSync(path.join(dir, "iam.json"), 0o644);
    const sb = await startSandbox({ dataDir: dir });
    try {
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(dir, "iam.json")).mode & 0o777).toBe(0o600);
      const fresh = path.join(tempDataDir(), "nested", "new");
      const sb2 = await startSandbox({ dataDir: fresh });
      expect(fs.statSync(fresh).mode & 0o777).toBe(0o700);
      await sb2.dispose();
    } finally {
      await sb.dispose();
    }
  });
});
