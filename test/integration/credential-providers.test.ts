// AgentCore Identity credential providers (API key, OAuth2) through the real SDK client over HTTP; secrets are write-only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CreateApiKeyCredentialProviderCommand,
  CreateOauth2CredentialProviderCommand,
  DeleteApiKeyCredentialProviderCommand,
  DeleteOauth2CredentialProviderCommand,
  GetApiKeyCredentialProviderCommand,
  GetOauth2CredentialProviderCommand,
  ListApiKeyCredentialProvidersCommand,
  ListOauth2CredentialProvidersCommand,
  UpdateApiKeyCredentialProviderCommand,
  UpdateOauth2CredentialProviderCommand,
  paginateListApiKeyCredentialProviders,
  type BedrockAgentCoreControlClient,
  type CreateOauth2CredentialProviderCommandInput,
} from "@aws-sdk/client-bedrock-agentcore-control";
import { CREDENTIALS, REGION, agentCoreClient, catchError, expectValidation, startWithClient, stopWithClient, type TestSandbox } from "./helpers";

let sandbox: TestSandbox;
let client: BedrockAgentCoreControlClient;
let n = 0;
const unique = (prefix = "cp") => `${prefix}-${Date.now().toString(36)}-${++n}`;

const ACCOUNT = "123456789012";
const API_KEY = "sk-live-THIS-MUST-NEVER-COME-BACK";
const CLIENT_SECRET = "client-secret-THIS-MUST-NEVER-COME-BACK";
const DISCOVERY = "https://idp.example.com/realms/main/.well-known/openid-configuration";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** A request as the SDK would send it (the sandbox routes on the SigV4 scope), to look at the raw JSON body. */
async function raw(operation: string, body: unknown): Promise<{ status: number; text: string }> {
  const res = await fetch(`${sandbox.url}/identities/${operation}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `AWS4-HMAC-SHA256 Credential=${CREDENTIALS.accessKeyId}/20250101/${REGION}/bedrock-agentcore/aws4_request, SignedHeaders=host, Signature=00`,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

const custom = (name: string, config: Record<string, unknown> = {}): CreateOauth2CredentialProviderCommandInput => ({
  name,
  credentialProviderVendor: "CustomOauth2",
  oauth2ProviderConfigInput: { customOauth2ProviderConfig: { oauthDiscovery: { discoveryUrl: DISCOVERY }, clientId: "my-client", clientSecret: CLIENT_SECRET, ...config } },
});

beforeAll(async () => {
  ({ sandbox, client } = await startWithClient(agentCoreClient));
});
afterAll(() => stopWithClient(sandbox, client));

describe("API key credential providers", () => {
  it("create → 201 with the vault ARNs; the key is never returned (Get, List, raw JSON)", async () => {
    const name = unique("key");
    const out = await client.send(new CreateApiKeyCredentialProviderCommand({ name, apiKey: API_KEY, tags: { team: "platform" } }));
    expect(out.$metadata.httpStatusCode).toBe(201);
    expect(out.name).toBe(name);
    expect(out.credentialProviderArn).toBe(`arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:token-vault/default/apikeycredentialprovider/${name}`);
    expect(out.apiKeySecretArn?.secretArn).toMatch(new RegExp(`^arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:bedrock-agentcore-identity!default/apikey/${name}-[A-Za-z0-9]{6}$`));
    expect(out.apiKeySecretSource).toBe("MANAGED");

    const got = await client.send(new GetApiKeyCredentialProviderCommand({ name }));
    expect(got).toMatchObject({ name, credentialProviderArn: out.credentialProviderArn, apiKeySecretArn: out.apiKeySecretArn });
    expect(got.createdTime).toBeInstanceOf(Date);
    expect(got.lastUpdatedTime).toBeInstanceOf(Date);
    expect(JSON.stringify(got)).not.toContain(API_KEY);

    for (const [op, body] of [
      ["GetApiKeyCredentialProvider", { name }],
      ["ListApiKeyCredentialProviders", {}],
    ] as const) {
      const res = await raw(op, body);
      expect(res.status).toBe(200);
      expect(res.text).toContain(name);
      expect(res.text).not.toContain(API_KEY);
      expect(res.text).not.toMatch(/"apiKey"/);
    }
    // Timestamps of the identity operations are epoch seconds (smithy.api#Timestamp in restJson1).
    expect(JSON.parse((await raw("GetApiKeyCredentialProvider", { name })).text).createdTime).toEqual(expect.any(Number));
  });

  it("update replaces the key in place; an update without a key is refused", async () => {
    const name = unique("key");
    const created = await client.send(new CreateApiKeyCredentialProviderCommand({ name, apiKey: "first" }));
    const before = await client.send(new GetApiKeyCredentialProviderCommand({ name }));
    await new Promise((r) => setTimeout(r, 20));
    const updated = await client.send(new UpdateApiKeyCredentialProviderCommand({ name, apiKey: "second" }));
    expect(updated.$metadata.httpStatusCode).toBe(200);
    expect(updated.apiKeySecretArn).toEqual(created.apiKeySecretArn);
    expect(updated.lastUpdatedTime!.getTime()).toBeGreaterThan(before.lastUpdatedTime!.getTime());
    expect(updated.createdTime).toEqual(before.createdTime);
    await expectValidation(() => client.send(new UpdateApiKeyCredentialProviderCommand({ name })), "apiKey", /must not be empty/);
  });

  it("an external Secrets Manager secret instead of a key", async () => {
    const name = unique("ext");
    const secretArn = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:team/pets-AbC123`;
    const out = await client.send(new CreateApiKeyCredentialProviderCommand({ name, apiKeySecretSource: "EXTERNAL", apiKeySecretConfig: { secretId: secretArn, jsonKey: "api_key" } }));
    expect(out).toMatchObject({ apiKeySecretSource: "EXTERNAL", apiKeySecretArn: { secretArn }, apiKeySecretJsonKey: "api_key" });
    await expectValidation(
      () => client.send(new CreateApiKeyCredentialProviderCommand({ name: unique("ext"), apiKeySecretSource: "EXTERNAL" })),
      "apiKeySecretConfig",
    );
    await expectValidation(
      () => client.send(new CreateApiKeyCredentialProviderCommand({ name: unique("ext"), apiKey: "x", apiKeySecretSource: "EXTERNAL", apiKeySecretConfig: { secretId: "s", jsonKey: "k" } })),
      "apiKey",
    );
  });

  it("list pages in creation order", async () => {
    const names: string[] = [];
    for (let i = 0; i < 5; i++) names.push((await client.send(new CreateApiKeyCredentialProviderCommand({ name: unique("page"), apiKey: "k" }))).name!);
    const seen: string[] = [];
    for await (const page of paginateListApiKeyCredentialProviders({ client, pageSize: 2 }, {})) {
      expect(page.credentialProviders!.length).toBeLessThanOrEqual(2);
      seen.push(...page.credentialProviders!.map((p) => p.name!));
    }
    expect(seen.filter((s) => names.includes(s))).toEqual(names);
    const item = (await client.send(new ListApiKeyCredentialProvidersCommand({ maxResults: 100 }))).credentialProviders!.find((p) => p.name === names[0])!;
    expect(Object.keys(item).sort()).toEqual(["createdTime", "credentialProviderArn", "lastUpdatedTime", "name"]);
    await expectValidation(() => client.send(new ListApiKeyCredentialProvidersCommand({ maxResults: 101 })), "maxResults");
    await expectValidation(() => client.send(new ListApiKeyCredentialProvidersCommand({ nextToken: "garbage" })), "nextToken");
  });

  it("delete → 204, then ResourceNotFoundException; duplicates → ConflictException; bad names and missing keys → ValidationException", async () => {
    const name = unique("del");
    await client.send(new CreateApiKeyCredentialProviderCommand({ name, apiKey: "k" }));
    const dup = await catchError(() => client.send(new CreateApiKeyCredentialProviderCommand({ name, apiKey: "other" })));
    expect(dup.name).toBe("ConflictException");
    expect(dup.$metadata.httpStatusCode).toBe(409);
    const deleted = await client.send(new DeleteApiKeyCredentialProviderCommand({ name }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    for (const call of [
      () => client.send(new GetApiKeyCredentialProviderCommand({ name })),
      () => client.send(new DeleteApiKeyCredentialProviderCommand({ name })),
      () => client.send(new UpdateApiKeyCredentialProviderCommand({ name, apiKey: "k" })),
    ]) {
      const e = await catchError(call);
      expect(e.name).toBe("ResourceNotFoundException");
      expect(e.$metadata.httpStatusCode).toBe(404);
    }
    // The name is free again.
    expect((await client.send(new CreateApiKeyCredentialProviderCommand({ name, apiKey: "k" }))).name).toBe(name);
    await expectValidation(() => client.send(new CreateApiKeyCredentialProviderCommand({ name: "has space", apiKey: "k" })), "name", /regular expression pattern/);
    await expectValidation(() => client.send(new CreateApiKeyCredentialProviderCommand({ name: "x".repeat(129), apiKey: "k" })), "name", /length less than or equal to 128/);
    await expectValidation(() => client.send(new CreateApiKeyCredentialProviderCommand({ name: unique("nokey") })), "apiKey");
  });
});

describe("OAuth2 credential providers", () => {
  it("custom provider with a discovery URL: ARNs, callback URL, config output; the client secret is never returned", async () => {
    const name = unique("oauth");
    const out = await client.send(new CreateOauth2CredentialProviderCommand(custom(name)));
    expect(out.$metadata.httpStatusCode).toBe(201);
    expect(out.credentialProviderArn).toBe(`arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:token-vault/default/oauth2credentialprovider/${name}`);
    expect(out.clientSecretArn?.secretArn).toMatch(new RegExp(`^arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:bedrock-agentcore-identity!default/oauth2/${name}-[A-Za-z0-9]{6}$`));
    expect(out.callbackUrl).toMatch(new RegExp(`^https://bedrock-agentcore\\.${REGION}\\.amazonaws\\.com/identities/oauth2/callback/${UUID}$`));
    expect(out.oauth2ProviderConfigOutput).toEqual({ customOauth2ProviderConfig: { oauthDiscovery: { discoveryUrl: DISCOVERY }, clientId: "my-client" } });
    expect(out.status).toBe("READY");

    const got = await client.send(new GetOauth2CredentialProviderCommand({ name }));
    expect(got).toMatchObject({ name, credentialProviderVendor: "CustomOauth2", callbackUrl: out.callbackUrl, clientSecretArn: out.clientSecretArn, oauth2ProviderConfigOutput: out.oauth2ProviderConfigOutput });
    expect(got.createdTime).toBeInstanceOf(Date);
    for (const [op, body] of [
      ["CreateOauth2CredentialProvider", custom(unique("oauth"))],
      ["GetOauth2CredentialProvider", { name }],
      ["ListOauth2CredentialProviders", {}],
    ] as const) {
      const res = await raw(op, body);
      expect(res.status).toBe(op.startsWith("Create") ? 201 : 200);
      expect(res.text).not.toContain(CLIENT_SECRET);
      expect(res.text).not.toMatch(/"clientSecret"/);
    }
  });

  it("custom provider with authorization server metadata, token exchange and client auth method", async () => {
    const authorizationServerMetadata = {
      issuer: "https://idp.example.com",
      authorizationEndpoint: "https://idp.example.com/authorize",
      tokenEndpoint: "https://idp.example.com/token",
      responseTypes: ["code"],
      tokenEndpointAuthMethods: ["client_secret_basic"],
    };
    const out = await client.send(
      new CreateOauth2CredentialProviderCommand(
        custom(unique("meta"), {
          oauthDiscovery: { authorizationServerMetadata },
          clientAuthenticationMethod: "CLIENT_SECRET_BASIC",
          onBehalfOfTokenExchangeConfig: { grantType: "TOKEN_EXCHANGE", tokenExchangeGrantTypeConfig: { actorTokenContent: "M2M", actorTokenScopes: ["act"] } },
        }),
      ),
    );
    expect(out.oauth2ProviderConfigOutput?.customOauth2ProviderConfig).toEqual({
      oauthDiscovery: { authorizationServerMetadata },
      clientId: "my-client",
      clientAuthenticationMethod: "CLIENT_SECRET_BASIC",
      onBehalfOfTokenExchangeConfig: { grantType: "TOKEN_EXCHANGE", tokenExchangeGrantTypeConfig: { actorTokenContent: "M2M", actorTokenScopes: ["act"] } },
    });
  });

  it("model validation: discovery union, discovery URL pattern, vendor enum, auth methods", async () => {
    await expectValidation(
      () =>
        client.send(
          new CreateOauth2CredentialProviderCommand(
            custom(unique("bad"), { oauthDiscovery: { discoveryUrl: DISCOVERY, authorizationServerMetadata: { issuer: "a", authorizationEndpoint: "b", tokenEndpoint: "c" } } }),
          ),
        ),
      "oauth2ProviderConfigInput.customOauth2ProviderConfig.oauthDiscovery",
      /exactly one of \[discoveryUrl, authorizationServerMetadata\]/,
    );
    await expectValidation(
      () => client.send(new CreateOauth2CredentialProviderCommand(custom(unique("bad"), { oauthDiscovery: { discoveryUrl: "https://idp.example.com/openid-configuration" } }))),
      "oauth2ProviderConfigInput.customOauth2ProviderConfig.oauthDiscovery.discoveryUrl",
      /regular expression pattern/,
    );
    await expectValidation(
      () => client.send(new CreateOauth2CredentialProviderCommand({ ...custom(unique("bad")), credentialProviderVendor: "MyOwnOauth2" as never })),
      "credentialProviderVendor",
      /enum value set/,
    );
    await expectValidation(
      () =>
        client.send(
          new CreateOauth2CredentialProviderCommand(
            custom(unique("bad"), { oauthDiscovery: { authorizationServerMetadata: { issuer: "a", authorizationEndpoint: "b", tokenEndpoint: "c", tokenEndpointAuthMethods: ["private_key_jwt"] } } }),
          ),
        ),
      "oauth2ProviderConfigInput.customOauth2ProviderConfig.oauthDiscovery.authorizationServerMetadata.tokenEndpointAuthMethods[0]",
    );
  });

  it("service rules: the vendor decides the config member; client id and secret are required", async () => {
    await expectValidation(
      () => client.send(new CreateOauth2CredentialProviderCommand({ ...custom(unique("mismatch")), credentialProviderVendor: "GoogleOauth2" })),
      "oauth2ProviderConfigInput",
      /GoogleOauth2 requires googleOauth2ProviderConfig/,
    );
    await expectValidation(() => client.send(new CreateOauth2CredentialProviderCommand(custom(unique("nosecret"), { clientSecret: undefined }))), "oauth2ProviderConfigInput.customOauth2ProviderConfig.clientSecret");
    await expectValidation(() => client.send(new CreateOauth2CredentialProviderCommand(custom(unique("noclient"), { clientId: undefined }))), "oauth2ProviderConfigInput.customOauth2ProviderConfig.clientId");
    // With AWS IAM ID token JWT client authentication there is no secret.
    const iam = await client.send(new CreateOauth2CredentialProviderCommand(custom(unique("iamjwt"), { clientSecret: undefined, clientAuthenticationMethod: "AWS_IAM_ID_TOKEN_JWT" })));
    expect(iam.oauth2ProviderConfigOutput?.customOauth2ProviderConfig?.clientAuthenticationMethod).toBe("AWS_IAM_ID_TOKEN_JWT");
  });

  it("built-in vendors report their authorization server", async () => {
    const google = await client.send(
      new CreateOauth2CredentialProviderCommand({
        name: unique("google"),
        credentialProviderVendor: "GoogleOauth2",
        oauth2ProviderConfigInput: { googleOauth2ProviderConfig: { clientId: "g-client", clientSecret: CLIENT_SECRET } },
      }),
    );
    expect(google.oauth2ProviderConfigOutput?.googleOauth2ProviderConfig).toEqual({
      clientId: "g-client",
      oauthDiscovery: {
        authorizationServerMetadata: {
          issuer: "https://accounts.google.com",
          authorizationEndpoint: "https://accounts.google.com/o/oauth2/v2/auth",
          tokenEndpoint: "https://oauth2.googleapis.com/token",
          responseTypes: ["code"],
        },
      },
    });
    const microsoft = await client.send(
      new CreateOauth2CredentialProviderCommand({
        name: unique("ms"),
        credentialProviderVendor: "MicrosoftOauth2",
        oauth2ProviderConfigInput: { microsoftOauth2ProviderConfig: { clientId: "m", clientSecret: "s", tenantId: "contoso" } },
      }),
    );
    expect(microsoft.oauth2ProviderConfigOutput?.microsoftOauth2ProviderConfig?.oauthDiscovery?.authorizationServerMetadata?.tokenEndpoint).toBe(
      "https://login.microsoftonline.com/contoso/oauth2/v2.0/token",
    );
    const github = await client.send(
      new CreateOauth2CredentialProviderCommand({ name: unique("gh"), credentialProviderVendor: "GithubOauth2", oauth2ProviderConfigInput: { githubOauth2ProviderConfig: { clientId: "c", clientSecret: "s" } } }),
    );
    expect(github.oauth2ProviderConfigOutput?.githubOauth2ProviderConfig?.oauthDiscovery?.authorizationServerMetadata?.issuer).toBe("https://github.com");
  });

  it("included vendors: fixed ones need nothing, tenant ones need their issuer", async () => {
    const slackLike = await client.send(
      new CreateOauth2CredentialProviderCommand({ name: unique("zoom"), credentialProviderVendor: "ZoomOauth2", oauth2ProviderConfigInput: { includedOauth2ProviderConfig: { clientId: "c", clientSecret: "s" } } }),
    );
    expect(slackLike.oauth2ProviderConfigOutput?.includedOauth2ProviderConfig?.oauthDiscovery?.authorizationServerMetadata?.tokenEndpoint).toBe("https://zoom.us/oauth/token");
    await expectValidation(
      () =>
        client.send(
          new CreateOauth2CredentialProviderCommand({ name: unique("okta"), credentialProviderVendor: "OktaOauth2", oauth2ProviderConfigInput: { includedOauth2ProviderConfig: { clientId: "c", clientSecret: "s" } } }),
        ),
      "oauth2ProviderConfigInput.includedOauth2ProviderConfig.issuer",
    );
    const okta = await client.send(
      new CreateOauth2CredentialProviderCommand({
        name: unique("okta"),
        credentialProviderVendor: "OktaOauth2",
        oauth2ProviderConfigInput: { includedOauth2ProviderConfig: { clientId: "c", clientSecret: "s", issuer: "https://dev-1.okta.com/oauth2/default" } },
      }),
    );
    expect(okta.oauth2ProviderConfigOutput?.includedOauth2ProviderConfig).toEqual({ clientId: "c", oauthDiscovery: { discoveryUrl: "https://dev-1.okta.com/oauth2/default/.well-known/openid-configuration" } });
  });

  it("update replaces the configuration, keeps the stored secret when none is sent, keeps ARNs and callback URL", async () => {
    const name = unique("upd");
    const created = await client.send(new CreateOauth2CredentialProviderCommand(custom(name)));
    const updated = await client.send(
      new UpdateOauth2CredentialProviderCommand({
        name,
        credentialProviderVendor: "CustomOauth2",
        oauth2ProviderConfigInput: { customOauth2ProviderConfig: { oauthDiscovery: { discoveryUrl: "https://other.example.com/.well-known/oauth-authorization-server" }, clientId: "new-client" } },
      }),
    );
    expect(updated.$metadata.httpStatusCode).toBe(200);
    expect(updated).toMatchObject({ credentialProviderArn: created.credentialProviderArn, callbackUrl: created.callbackUrl, clientSecretArn: created.clientSecretArn });
    expect(updated.oauth2ProviderConfigOutput?.customOauth2ProviderConfig).toEqual({
      oauthDiscovery: { discoveryUrl: "https://other.example.com/.well-known/oauth-authorization-server" },
      clientId: "new-client",
    });
    const missing = await catchError(() => client.send(new UpdateOauth2CredentialProviderCommand({ ...custom(unique("ghost")) })));
    expect(missing.name).toBe("ResourceNotFoundException");
  });

  it("list, delete (204) and not found; duplicates → ConflictException; names are per kind", async () => {
    const name = unique("shared");
    await client.send(new CreateOauth2CredentialProviderCommand(custom(name)));
    await client.send(new CreateApiKeyCredentialProviderCommand({ name, apiKey: "k" }));
    const dup = await catchError(() => client.send(new CreateOauth2CredentialProviderCommand(custom(name))));
    expect(dup.name).toBe("ConflictException");

    const list = await client.send(new ListOauth2CredentialProvidersCommand({ maxResults: 20 }));
    const item = list.credentialProviders!.find((p) => p.name === name)!;
    expect(item).toMatchObject({ credentialProviderVendor: "CustomOauth2", credentialProviderArn: expect.stringContaining("/oauth2credentialprovider/") });
    expect(Object.keys(item).sort()).toEqual(["createdTime", "credentialProviderArn", "credentialProviderVendor", "lastUpdatedTime", "name"]);
    await expectValidation(() => client.send(new ListOauth2CredentialProvidersCommand({ maxResults: 21 })), "maxResults");

    expect((await client.send(new DeleteOauth2CredentialProviderCommand({ name }))).$metadata.httpStatusCode).toBe(204);
    const gone = await catchError(() => client.send(new GetOauth2CredentialProviderCommand({ name })));
    expect(gone.name).toBe("ResourceNotFoundException");
    // The API key provider of the same name is untouched.
    expect((await client.send(new GetApiKeyCredentialProviderCommand({ name }))).name).toBe(name);
  });
});

describe("regions and persistence", () => {
  it("providers are per region and survive a restart", async () => {
    const name = unique("persist");
    await client.send(new CreateApiKeyCredentialProviderCommand({ name, apiKey: API_KEY }));
    await client.send(new CreateOauth2CredentialProviderCommand(custom(name)));
    const eu = agentCoreClient(sandbox, { region: "eu-west-1" });
    const e = await catchError(() => eu.send(new GetApiKeyCredentialProviderCommand({ name })));
    eu.destroy();
    expect(e.name).toBe("ResourceNotFoundException");

    client.destroy();
    sandbox = await sandbox.restart();
    client = agentCoreClient(sandbox);
    expect((await client.send(new GetApiKeyCredentialProviderCommand({ name }))).name).toBe(name);
    expect((await client.send(new GetOauth2CredentialProviderCommand({ name }))).oauth2ProviderConfigOutput?.customOauth2ProviderConfig?.clientId).toBe("my-client");
    expect((await raw("GetApiKeyCredentialProvider", { name })).text).not.toContain(API_KEY);
  });
});
