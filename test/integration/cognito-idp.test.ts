// Cognito user pools through the real SDK client (awsJson1_1 over HTTP): pools, resource servers, app clients, domains.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CognitoIdentityProviderClient,
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DeleteUserPoolClientCommand,
  DeleteUserPoolCommand,
  DeleteUserPoolDomainCommand,
  DescribeResourceServerCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  ListResourceServersCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  paginateListResourceServers,
  paginateListUserPoolClients,
  paginateListUserPools,
  type CreateUserPoolClientCommandInput,
} from "@aws-sdk/client-cognito-identity-provider";
import { CREDENTIALS, REGION, catchError, startWithClient, stopWithClient, waitFor, withFaults, type TestSandbox } from "./helpers";

type CognitoError = Error & { name: string; message: string; $metadata: { httpStatusCode?: number } };

const ACCOUNT = "123456789012";

function cognitoClient(sandbox: { url: string }, region = REGION) {
  return new CognitoIdentityProviderClient({ endpoint: sandbox.url, region, credentials: CREDENTIALS, maxAttempts: 1 });
}

let sandbox: TestSandbox;
let client: CognitoIdentityProviderClient;
let n = 0;
// Decimal, so a name never spells a word Cognito refuses in a domain ("aws").
const unique = (prefix: string) => `${prefix}-${Date.now()}-${++n}`;

async function fails(fn: () => Promise<unknown>, name: string, message?: string | RegExp): Promise<CognitoError> {
  const err = await catchError<CognitoError>(fn);
  expect(err.name).toBe(name);
  // Cognito sends every client error with status 400.
  expect(err.$metadata.httpStatusCode).toBe(400);
  if (typeof message === "string") expect(err.message).toBe(message);
  else if (message) expect(err.message).toMatch(message);
  return err;
}

async function newPool(name = unique("pool")) {
  const out = await client.send(new CreateUserPoolCommand({ PoolName: name }));
  return out.UserPool!.Id!;
}

/** Two new pools, the first holding a new domain (for the conflicts between them). */
async function twoPoolsOneDomain(prefix: string) {
  const a = await newPool();
  const b = await newPool();
  const domain = unique(prefix);
  await client.send(new CreateUserPoolDomainCommand({ UserPoolId: a, Domain: domain }));
  return { a, b, domain };
}

/** The resource server the console's quick create makes: the gateway's two scopes. */
const GATEWAY_SERVER = {
  Identifier: "agentcore-gateway",
  Name: "AgentCore Gateway",
  Scopes: [
    { ScopeName: "invoke", ScopeDescription: "Call the gateway's tools" },
    { ScopeName: "read", ScopeDescription: "List tools" },
  ],
};

async function poolWithGatewayScopes() {
  const poolId = await newPool();
  await client.send(new CreateResourceServerCommand({ UserPoolId: poolId, ...GATEWAY_SERVER }));
  return poolId;
}

const m2mClient = (poolId: string, over: Partial<CreateUserPoolClientCommandInput> = {}): CreateUserPoolClientCommandInput => ({
  UserPoolId: poolId,
  ClientName: "gateway-m2m",
  GenerateSecret: true,
  AllowedOAuthFlows: ["client_credentials"],
  AllowedOAuthScopes: ["agentcore-gateway/invoke"],
  AllowedOAuthFlowsUserPoolClient: true,
  SupportedIdentityProviders: ["COGNITO"],
  ...over,
});

/** Calls an operation on the wire (signed-looking request, no SDK) to see the raw JSON. */
async function raw(operation: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(sandbox.url, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `AWSCognitoIdentityProviderService.${operation}`,
      authorization: `AWS4-HMAC-SHA256 Credential=${CREDENTIALS.accessKeyId}/20250101/${REGION}/cognito-idp/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  ({ sandbox, client } = await startWithClient(cognitoClient));
});
afterAll(() => stopWithClient(sandbox, client));
beforeEach(() => {
  sandbox.settings.lifecycleDelayMs = 0;
});

describe("CreateUserPool", () => {
  it("returns a realistic pool: id, ARN, epoch dates, Cognito's defaults and the tags", async () => {
    const before = Date.now();
    const { UserPool: pool } = await client.send(new CreateUserPoolCommand({ PoolName: "gateway-users", UserPoolTags: { team: "platform", env: "dev" } }));
    expect(pool?.Id).toMatch(/^us-east-1_[0-9A-Za-z]{9}$/);
    expect(pool?.Name).toBe("gateway-users");
    expect(pool?.Arn).toBe(`arn:aws:cognito-idp:${REGION}:${ACCOUNT}:userpool/${pool?.Id}`);
    expect(pool?.CreationDate).toBeInstanceOf(Date);
    expect(pool?.CreationDate!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(pool?.LastModifiedDate).toEqual(pool?.CreationDate);
    expect(pool?.UserPoolTags).toEqual({ team: "platform", env: "dev" });
    expect(pool?.MfaConfiguration).toBe("OFF");
    expect(pool?.DeletionProtection).toBe("INACTIVE");
    expect(pool?.UserPoolTier).toBe("ESSENTIALS");
    expect(pool?.EstimatedNumberOfUsers).toBe(0);
    expect(pool?.Policies?.PasswordPolicy).toMatchObject({ MinimumLength: 8, RequireUppercase: true, RequireSymbols: true, TemporaryPasswordValidityDays: 7 });
    expect(pool?.SchemaAttributes?.[0]).toMatchObject({ Name: "sub", Required: true, Mutable: false, AttributeDataType: "String" });
    expect(pool?.SchemaAttributes?.map((a) => a.Name)).toContain("email_verified");
    expect(pool?.Domain).toBeUndefined();
  });

  it("sends epoch-second timestamps on the wire", async () => {
    const res = await raw("CreateUserPool", { PoolName: "wire-pool" });
    expect(res.status).toBe(200);
    const pool = res.body.UserPool as Record<string, unknown>;
    expect(typeof pool.CreationDate).toBe("number");
    expect(Math.abs((pool.CreationDate as number) - Date.now() / 1000)).toBeLessThan(60);
  });

  it("keeps custom attributes under custom: and rejects required ones", async () => {
    const { UserPool: pool } = await client.send(
      new CreateUserPoolCommand({ PoolName: unique("schema"), Schema: [{ Name: "tenant", AttributeDataType: "String", Mutable: true }] }),
    );
    expect(pool?.SchemaAttributes?.at(-1)).toMatchObject({ Name: "custom:tenant", AttributeDataType: "String", Required: false });
    await fails(
      () => client.send(new CreateUserPoolCommand({ PoolName: unique("schema"), Schema: [{ Name: "tenant", AttributeDataType: "String", Required: true }] })),
      "InvalidParameterException",
      "Required custom attributes are not supported currently.",
    );
  });

  it("validates against the model and Cognito's rules", async () => {
    await fails(() => client.send(new CreateUserPoolCommand({ PoolName: undefined as unknown as string })), "InvalidParameterException", /'PoolName' failed to satisfy constraint: Member must not be null/);
    await fails(() => client.send(new CreateUserPoolCommand({ PoolName: "bad/name" })), "InvalidParameterException", /regular expression pattern/);
    await fails(() => client.send(new CreateUserPoolCommand({ PoolName: "x".repeat(129) })), "InvalidParameterException", /length less than or equal to 128/);
    await fails(
      () => client.send(new CreateUserPoolCommand({ PoolName: unique("p"), UsernameAttributes: ["email"], AliasAttributes: ["preferred_username"] })),
      "InvalidParameterException",
      "Only one of aliasAttributes or usernameAttributes can be set in a User Pool.",
    );
  });

  it("understands the model's Unicode patterns (\\p{L}…) in messages", async () => {
    const { UserPool: pool } = await client.send(
      new CreateUserPoolCommand({ PoolName: unique("unicode"), EmailVerificationSubject: "Vérifiez votre adresse", EmailVerificationMessage: "Code : {####} ✓" }),
    );
    expect(pool?.EmailVerificationSubject).toBe("Vérifiez votre adresse");
    const err = await fails(
      () => client.send(new CreateUserPoolCommand({ PoolName: unique("unicode"), EmailVerificationMessage: "no placeholder here" })),
      "InvalidParameterException",
    );
    // The error quotes the model's own pattern, not the sandbox's rewrite of it.
    expect(err.message).toContain("\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}");
  });
});

describe("DescribeUserPool", () => {
  it("returns the pool; unknown ids, other regions and malformed ids fail", async () => {
    const poolId = await newPool("described");
    const { UserPool: pool } = await client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    expect(pool?.Name).toBe("described");
    await fails(() => client.send(new DescribeUserPoolCommand({ UserPoolId: "us-east-1_Nope12345" })), "ResourceNotFoundException", "User pool us-east-1_Nope12345 does not exist.");
    const west = cognitoClient(sandbox, "us-west-2");
    await fails(() => west.send(new DescribeUserPoolCommand({ UserPoolId: poolId })), "ResourceNotFoundException");
    west.destroy();
    await fails(() => client.send(new DescribeUserPoolCommand({ UserPoolId: "not-a-pool-id" })), "InvalidParameterException", /regular expression pattern/);
  });

  it("errors are status 400 with __type and message on the wire", async () => {
    const res = await raw("DescribeUserPool", { UserPoolId: "us-east-1_Missing00" });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ __type: "ResourceNotFoundException", message: "User pool us-east-1_Missing00 does not exist." });
  });
});

describe("ListUserPools", () => {
  it("requires MaxResults between 1 and 60", async () => {
    await fails(() => client.send(new ListUserPoolsCommand({} as never)), "InvalidParameterException", /'MaxResults' failed to satisfy constraint: Member must not be null/);
    await fails(() => client.send(new ListUserPoolsCommand({ MaxResults: 0 })), "InvalidParameterException", /greater than or equal to 1/);
    await fails(() => client.send(new ListUserPoolsCommand({ MaxResults: 61 })), "InvalidParameterException", /less than or equal to 60/);
    await fails(() => client.send(new ListUserPoolsCommand({ MaxResults: 5, NextToken: "garbage" })), "InvalidParameterException");
  });

  it("pages through every pool of the region, and only that region", async () => {
    const west = cognitoClient(sandbox, "eu-west-1");
    const created = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const { UserPool } = await west.send(new CreateUserPoolCommand({ PoolName: `west-${i}` }));
      expect(UserPool?.Id).toMatch(/^eu-west-1_/);
      created.add(UserPool!.Id!);
    }
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateListUserPools({ client: west, pageSize: 2 }, { MaxResults: 2 })) {
      pages++;
      expect(page.UserPools!.length).toBeLessThanOrEqual(2);
      for (const p of page.UserPools ?? []) {
        seen.push(p.Id!);
        expect(p.CreationDate).toBeInstanceOf(Date);
        expect(p.Name).toMatch(/^west-\d$/);
      }
    }
    expect(pages).toBe(3);
    expect(new Set(seen)).toEqual(created);
    const east = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    expect(east.UserPools?.some((p) => created.has(p.Id!))).toBe(false);
    west.destroy();
  });
});

describe("DeleteUserPool", () => {
  it("deletes the pool with its clients; unknown ids fail", async () => {
    const poolId = await newPool();
    const { UserPoolClient } = await client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "c" }));
    await client.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
    await fails(() => client.send(new DescribeUserPoolCommand({ UserPoolId: poolId })), "ResourceNotFoundException");
    await fails(() => client.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: UserPoolClient!.ClientId! })), "ResourceNotFoundException");
    await fails(() => client.send(new DeleteUserPoolCommand({ UserPoolId: poolId })), "ResourceNotFoundException");
  });

  it("refuses while deletion protection is active", async () => {
    const { UserPool } = await client.send(new CreateUserPoolCommand({ PoolName: unique("protected"), DeletionProtection: "ACTIVE" }));
    await fails(
      () => client.send(new DeleteUserPoolCommand({ UserPoolId: UserPool!.Id! })),
      "InvalidParameterException",
      "The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.",
    );
  });

  it("refuses while a domain exists, then succeeds once it is deleted", async () => {
    const poolId = await newPool();
    const domain = unique("del");
    await client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain }));
    await fails(
      () => client.send(new DeleteUserPoolCommand({ UserPoolId: poolId })),
      "InvalidParameterException",
      "User pool cannot be deleted. It has a domain configured that should be deleted first.",
    );
    await client.send(new DeleteUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain }));
    await client.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
  });
});

describe("resource servers", () => {
  it("create, describe and list them", async () => {
    const poolId = await poolWithGatewayScopes();
    const { ResourceServer } = await client.send(new DescribeResourceServerCommand({ UserPoolId: poolId, Identifier: "agentcore-gateway" }));
    expect(ResourceServer).toEqual({ UserPoolId: poolId, ...GATEWAY_SERVER });
    for (let i = 0; i < 4; i++) {
      await client.send(new CreateResourceServerCommand({ UserPoolId: poolId, Identifier: `https://api-${i}.example.com`, Name: `api ${i}` }));
    }
    const ids: string[] = [];
    for await (const page of paginateListResourceServers({ client, pageSize: 2 }, { UserPoolId: poolId })) ids.push(...page.ResourceServers!.map((r) => r.Identifier!));
    expect(ids).toEqual(["agentcore-gateway", "https://api-0.example.com", "https://api-1.example.com", "https://api-2.example.com", "https://api-3.example.com"]);
    const noScopes = await client.send(new DescribeResourceServerCommand({ UserPoolId: poolId, Identifier: "https://api-0.example.com" }));
    expect(noScopes.ResourceServer?.Scopes).toEqual([]);
  });

  it("rejects duplicates, unknown pools and identifiers, bad scope names", async () => {
    const poolId = await poolWithGatewayScopes();
    await fails(() => client.send(new CreateResourceServerCommand({ UserPoolId: poolId, Identifier: "agentcore-gateway", Name: "again" })), "InvalidParameterException", /already exists/);
    await fails(() => client.send(new CreateResourceServerCommand({ UserPoolId: "us-east-1_Nope12345", Identifier: "x", Name: "x" })), "ResourceNotFoundException");
    await fails(() => client.send(new DescribeResourceServerCommand({ UserPoolId: poolId, Identifier: "missing" })), "ResourceNotFoundException");
    await fails(() => client.send(new ListResourceServersCommand({ UserPoolId: "us-east-1_Nope12345" })), "ResourceNotFoundException");
    await fails(
      () => client.send(new CreateResourceServerCommand({ UserPoolId: poolId, Identifier: "api", Name: "api", Scopes: [{ ScopeName: "a/b", ScopeDescription: "slash" }] })),
      "InvalidParameterException",
      /Scopes\[0\]\.ScopeName/,
    );
    await fails(
      () =>
        client.send(
          new CreateResourceServerCommand({
            UserPoolId: poolId,
            Identifier: "api2",
            Name: "api",
            Scopes: [
              { ScopeName: "a", ScopeDescription: "one" },
              { ScopeName: "a", ScopeDescription: "two" },
            ],
          }),
        ),
      "InvalidParameterException",
      /Duplicate scope name/,
    );
    await fails(() => client.send(new ListResourceServersCommand({ UserPoolId: poolId, MaxResults: 51 })), "InvalidParameterException");
  });
});

describe("app clients", () => {
  it("a confidential client-credentials client: ids, secret, OAuth settings, defaults", async () => {
    const poolId = await poolWithGatewayScopes();
    const { UserPoolClient: c } = await client.send(new CreateUserPoolClientCommand(m2mClient(poolId, { AllowedOAuthScopes: ["agentcore-gateway/invoke", "agentcore-gateway/read"] })));
    expect(c?.ClientId).toMatch(/^[a-z0-9]{26}$/);
    expect(c?.ClientSecret).toMatch(/^[a-z0-9]{51}$/);
    expect(c?.UserPoolId).toBe(poolId);
    expect(c?.AllowedOAuthFlows).toEqual(["client_credentials"]);
    expect(c?.AllowedOAuthScopes).toEqual(["agentcore-gateway/invoke", "agentcore-gateway/read"]);
    expect(c?.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(c?.RefreshTokenValidity).toBe(30);
    expect(c?.EnableTokenRevocation).toBe(true);
    expect(c?.ExplicitAuthFlows).toEqual(["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH"]);
    expect(c?.CreationDate).toBeInstanceOf(Date);
    const described = await client.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: c!.ClientId! }));
    expect(described.UserPoolClient).toEqual(c);
  });

  it("a public client has no secret; a code client needs callback URLs (HTTPS or loopback)", async () => {
    const poolId = await newPool();
    const { UserPoolClient: pub } = await client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "spa" }));
    expect(pub?.ClientSecret).toBeUndefined();
    expect(pub?.AllowedOAuthFlowsUserPoolClient).toBe(false);
    const { UserPoolClient: web } = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: "web",
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ["code"],
        AllowedOAuthScopes: ["openid", "email"],
        CallbackURLs: ["https://console.example.com/callback", "http://localhost:3000/callback", "myapp://callback"],
        DefaultRedirectURI: "https://console.example.com/callback",
        AccessTokenValidity: 5,
        TokenValidityUnits: { AccessToken: "minutes" },
      }),
    );
    expect(web?.CallbackURLs).toHaveLength(3);
    expect(web?.AccessTokenValidity).toBe(5);
    await fails(
      () => client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "web", AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ["code"], AllowedOAuthScopes: ["openid"] })),
      "InvalidOAuthFlowException",
      "CallbackUrls can not be empty when code flow or implicit flow is selected",
    );
    await fails(
      () =>
        client.send(
          new CreateUserPoolClientCommand({
            UserPoolId: poolId,
            ClientName: "web",
            AllowedOAuthFlowsUserPoolClient: true,
            AllowedOAuthFlows: ["code"],
            AllowedOAuthScopes: ["openid"],
            CallbackURLs: ["http://example.com/callback"],
          }),
        ),
      "InvalidParameterException",
      /HTTPS is required/,
    );
  });

  it("mirrors Cognito's OAuth rules", async () => {
    const poolId = await poolWithGatewayScopes();
    const send = (over: Partial<CreateUserPoolClientCommandInput>) => client.send(new CreateUserPoolClientCommand(m2mClient(poolId, over)));
    await fails(() => send({ GenerateSecret: false }), "InvalidOAuthFlowException", "client_credentials flow can not be selected if client does not have a client secret.");
    await fails(
      () => send({ AllowedOAuthFlows: ["client_credentials", "code"], CallbackURLs: ["https://x.example.com/cb"] }),
      "InvalidOAuthFlowException",
      "client_credentials flow can not be selected along with code flow or implicit flow.",
    );
    await fails(() => send({ AllowedOAuthScopes: ["agentcore-gateway/admin"] }), "ScopeDoesNotExistException", "Invalid scope requested: agentcore-gateway/admin");
    await fails(() => send({ AllowedOAuthScopes: ["other-server/invoke"] }), "ScopeDoesNotExistException");
    await fails(() => send({ AllowedOAuthScopes: ["openid", "agentcore-gateway/invoke"] }), "InvalidOAuthFlowException", "openid is not supported with client_credentials flow");
    await fails(() => send({ AllowedOAuthFlows: [] }), "InvalidParameterException", "AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.");
    await fails(() => send({ AllowedOAuthScopes: undefined }), "InvalidParameterException", /AllowedOAuthFlows and AllowedOAuthScopes are required/);
    await fails(() => send({ SupportedIdentityProviders: ["COGNITO", "Google"] }), "InvalidParameterException", `The provider Google does not exist for User Pool ${poolId}`);
    await fails(() => send({ AccessTokenValidity: 2, TokenValidityUnits: { AccessToken: "days" } }), "InvalidParameterException", "Invalid range for token validity.");
    await fails(() => send({ AllowedOAuthFlows: ["password" as never] }), "InvalidParameterException", /enum value set/);
    await fails(() => send({ UserPoolId: "us-east-1_Nope12345" }), "ResourceNotFoundException");
  });

  it("lists with pages and deletes", async () => {
    const poolId = await newPool();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: `client-${i}` }))).UserPoolClient!.ClientId!);
    const listed: { ClientId?: string; ClientName?: string; UserPoolId?: string }[] = [];
    for await (const page of paginateListUserPoolClients({ client, pageSize: 2 }, { UserPoolId: poolId })) listed.push(...page.UserPoolClients!);
    expect(listed.map((c) => c.ClientId)).toEqual(ids);
    expect(listed[0]).toEqual({ ClientId: ids[0], UserPoolId: poolId, ClientName: "client-0" });
    await client.send(new DeleteUserPoolClientCommand({ UserPoolId: poolId, ClientId: ids[0] }));
    const after = await client.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 60 }));
    expect(after.UserPoolClients?.map((c) => c.ClientId)).toEqual(ids.slice(1));
    await fails(() => client.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: ids[0] })), "ResourceNotFoundException", `User pool client ${ids[0]} does not exist.`);
    await fails(() => client.send(new DeleteUserPoolClientCommand({ UserPoolId: poolId, ClientId: ids[0] })), "ResourceNotFoundException");
    await fails(() => client.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 61 })), "InvalidParameterException");
  });
});

describe("domains", () => {
  it("CREATING → ACTIVE after the lifecycle delay, shown on the pool", async () => {
    sandbox.settings.lifecycleDelayMs = 300;
    const poolId = await newPool();
    const domain = unique("gw-auth");
    const out = await client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain }));
    expect(out.ManagedLoginVersion).toBe(1);
    expect(out.CloudFrontDomain).toBeUndefined();
    const first = await client.send(new DescribeUserPoolDomainCommand({ Domain: domain }));
    expect(first.DomainDescription).toMatchObject({ UserPoolId: poolId, AWSAccountId: ACCOUNT, Domain: domain, Status: "CREATING" });
    expect(first.DomainDescription?.CloudFrontDistribution).toMatch(/^d[a-z0-9]+\.cloudfront\.net$/);
    const active = await waitFor(
      () => client.send(new DescribeUserPoolDomainCommand({ Domain: domain })),
      (d) => d.DomainDescription?.Status === "ACTIVE",
    );
    expect(active.DomainDescription?.Domain).toBe(domain);
    expect((await client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool?.Domain).toBe(domain);
  });

  it("a domain is unique, one per pool, free of reserved words and well-formed", async () => {
    const { a, b, domain } = await twoPoolsOneDomain("taken");
    await fails(() => client.send(new CreateUserPoolDomainCommand({ UserPoolId: b, Domain: domain })), "InvalidParameterException", "Domain already associated with another user pool.");
    await fails(() => client.send(new CreateUserPoolDomainCommand({ UserPoolId: a, Domain: unique("second") })), "InvalidParameterException", "User pool already has a domain configured.");
    await fails(() => client.send(new CreateUserPoolDomainCommand({ UserPoolId: b, Domain: "my-cognito-login" })), "InvalidParameterException", "Domain cannot contain reserved word: cognito");
    await fails(() => client.send(new CreateUserPoolDomainCommand({ UserPoolId: b, Domain: "Upper-Case" })), "InvalidParameterException", /regular expression pattern/);
    await fails(() => client.send(new CreateUserPoolDomainCommand({ UserPoolId: "us-east-1_Nope12345", Domain: unique("nopool") })), "ResourceNotFoundException");
  });

  it("an unknown domain (or one of another region) describes as empty", async () => {
    const none = await client.send(new DescribeUserPoolDomainCommand({ Domain: "never-created-domain" }));
    expect(none.DomainDescription).toEqual({});
    const poolId = await newPool();
    const domain = unique("regional");
    await client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain }));
    const west = cognitoClient(sandbox, "us-west-2");
    expect((await west.send(new DescribeUserPoolDomainCommand({ Domain: domain }))).DomainDescription).toEqual({});
    west.destroy();
  });

  it("DeleteUserPoolDomain needs the right pool and domain, then frees the name", async () => {
    const { a, b, domain } = await twoPoolsOneDomain("freed");
    await fails(() => client.send(new DeleteUserPoolDomainCommand({ UserPoolId: b, Domain: domain })), "InvalidParameterException", "No such domain or user pool exists.");
    await fails(() => client.send(new DeleteUserPoolDomainCommand({ UserPoolId: a, Domain: unique("other") })), "InvalidParameterException", "No such domain or user pool exists.");
    await client.send(new DeleteUserPoolDomainCommand({ UserPoolId: a, Domain: domain }));
    expect((await client.send(new DescribeUserPoolDomainCommand({ Domain: domain }))).DomainDescription).toEqual({});
    expect((await client.send(new DescribeUserPoolCommand({ UserPoolId: a }))).UserPool?.Domain).toBeUndefined();
    await client.send(new CreateUserPoolDomainCommand({ UserPoolId: b, Domain: domain }));
  });
});

describe("faults", () => {
  it("throttling reaches the SDK as TooManyRequestsException", async () => {
    await withFaults(sandbox, { faults: [{ type: "throttling", service: "cognito", operation: "ListUserPools", count: 1 }] }, async () => {
      const err = await catchError<CognitoError>(() => client.send(new ListUserPoolsCommand({ MaxResults: 1 })));
      expect(err.name).toBe("TooManyRequestsException");
      await client.send(new ListUserPoolsCommand({ MaxResults: 1 }));
    });
  });
});

describe("persistence", () => {
  it("pools, clients, resource servers and domains survive a restart", async () => {
    const poolId = await poolWithGatewayScopes();
    const { UserPoolClient: c } = await client.send(new CreateUserPoolClientCommand(m2mClient(poolId)));
    const domain = unique("persisted");
    await client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain }));
    client.destroy();
    sandbox = await sandbox.restart();
    client = cognitoClient(sandbox);
    const described = await client.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: c!.ClientId! }));
    expect(described.UserPoolClient?.ClientSecret).toBe(c?.ClientSecret);
    expect((await client.send(new DescribeResourceServerCommand({ UserPoolId: poolId, Identifier: "agentcore-gateway" }))).ResourceServer?.Scopes).toHaveLength(2);
    expect((await client.send(new DescribeUserPoolDomainCommand({ Domain: domain }))).DomainDescription?.Status).toBe("ACTIVE");
  });
});
