// The audit rules on the real operation names of the console's four SDK clients, and the identifier allow-list against secrets.
import { describe, expect, it } from "vitest";
import * as agentcore from "@aws-sdk/client-bedrock-agentcore-control";
import * as cognito from "@aws-sdk/client-cognito-identity-provider";
import * as iam from "@aws-sdk/client-iam";
import * as sts from "@aws-sdk/client-sts";
import { errorOutcome, extractResources, isMutating, operationName, requestIdOf } from "./rules";

const operations = (mod: Record<string, unknown>) =>
  Object.keys(mod)
    .filter((k) => /^[A-Z]\w*Command$/.test(k) && typeof mod[k] === "function")
    .map(operationName);

const ALL = { agentcore: operations(agentcore), cognito: operations(cognito), iam: operations(iam), sts: operations(sts) };

describe("isMutating", () => {
  it("sees every operation of the four clients (the SDK exports were read)", () => {
    for (const ops of Object.values(ALL)) expect(ops.length).toBeGreaterThan(5);
    expect(ALL.agentcore).toContain("CreateGateway");
    expect(ALL.sts).toContain("GetCallerIdentity");
  });

  it("records every operation the console calls that changes something, and none of its reads", () => {
    const writes = [
      "CreateGateway", "UpdateGateway", "DeleteGateway", "CreateGatewayTarget", "UpdateGatewayTarget", "DeleteGatewayTarget", "SynchronizeGatewayTargets",
      "CreateApiKeyCredentialProvider", "UpdateApiKeyCredentialProvider", "DeleteApiKeyCredentialProvider",
      "CreateOauth2CredentialProvider", "UpdateOauth2CredentialProvider", "DeleteOauth2CredentialProvider",
      "CreateUserPool", "DeleteUserPool", "CreateUserPoolDomain", "DeleteUserPoolDomain", "CreateResourceServer", "CreateUserPoolClient",
      "CreateRole", "DeleteRole", "PutRolePolicy", "DeleteRolePolicy",
    ];
    const reads = [
      "GetGateway", "ListGateways", "GetGatewayTarget", "ListGatewayTargets", "GetApiKeyCredentialProvider", "ListOauth2CredentialProviders",
      "DescribeUserPool", "DescribeUserPoolClient", "DescribeUserPoolDomain", "DescribeResourceServer", "ListUserPools", "ListUserPoolClients", "ListResourceServers",
      "GetRole", "GetRolePolicy", "ListRoles", "ListRolePolicies", "ListAttachedRolePolicies", "GetCallerIdentity",
    ];
    const all = new Set([...ALL.agentcore, ...ALL.cognito, ...ALL.iam, ...ALL.sts]);
    for (const op of [...writes, ...reads]) expect(all.has(op), `${op} is a real operation`).toBe(true);
    expect(writes.filter((op) => !isMutating(op))).toEqual([]);
    expect(reads.filter((op) => isMutating(op))).toEqual([]);
  });

  it("follows the stated rule on every real operation: only Get/List/Describe/Head (and Cognito's Admin reads) are unrecorded", () => {
    for (const [client, ops] of Object.entries(ALL)) {
      for (const op of ops) {
        const read = /^(Admin)?(Get|List|Describe|Head)([A-Z0-9]|$)/.test(op);
        expect(isMutating(op), `${client} ${op}`).toBe(!read);
      }
    }
    expect(isMutating("AdminGetUser")).toBe(false);
    expect(isMutating("AdminDeleteUser")).toBe(true);
    expect(isMutating("AssumeRole")).toBe(true);
    expect(isMutating("TagResource")).toBe(true);
    expect(isMutating("CreateGatewayCommand")).toBe(true);
    expect(isMutating("GetCallerIdentityCommand")).toBe(false);
  });

  it("does not take a word that merely starts like a read for one", () => {
    expect(isMutating("Listen")).toBe(true);
    expect(isMutating("Getaway")).toBe(true);
  });
});

const SECRETS = {
  ClientSecret: "cognito-client-secret-value-1",
  apiKey: "sk-live-api-key-value-2",
  clientSecret: "oauth-client-secret-value-3",
  PolicyDocument: '{"Statement":"policy-document-value-4"}',
  AssumeRolePolicyDocument: '{"Statement":"trust-policy-value-5"}',
  SecretAccessKey: "aws-secret-access-key-6",
  password: "password-value-7",
  Password: "password-value-8",
  accessToken: "access-token-value-9",
  SessionToken: "session-token-value-10",
};
const SECRET_VALUES = Object.values(SECRETS);

function expectNoSecret(resources: Record<string, string>) {
  const s = JSON.stringify(resources);
  for (const v of SECRET_VALUES) expect(s).not.toContain(v);
  for (const k of Object.keys(SECRETS)) expect(Object.keys(resources).some((r) => r.split(".").includes(k))).toBe(false);
}

describe("extractResources", () => {
  it("keeps the identifiers of a gateway create and what AWS assigned", () => {
    const input = { name: "support", roleArn: "arn:aws:iam::123456789012:role/r", clientToken: "tok", description: "free text", authorizerType: "CUSTOM_JWT" };
    const output = { $metadata: { requestId: "req-1" }, gatewayId: "support-abcdefghij", gatewayArn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/support-abcdefghij", name: "support", status: "CREATING" };
    expect(extractResources(input, output)).toEqual({
      name: "support",
      roleArn: "arn:aws:iam::123456789012:role/r",
      gatewayId: "support-abcdefghij",
      gatewayArn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/support-abcdefghij",
    });
  });

  it("keeps nested Cognito and IAM identifiers and drops their secrets and documents", () => {
    const out = extractResources(
      { UserPoolId: "us-east-1_abc", ClientName: "gw", GenerateSecret: true },
      { UserPoolClient: { ClientId: "cid", ClientName: "gw", UserPoolId: "us-east-1_abc", ClientSecret: SECRETS.ClientSecret } },
    );
    expect(out).toEqual({ UserPoolId: "us-east-1_abc", ClientName: "gw", "UserPoolClient.ClientId": "cid", "UserPoolClient.ClientName": "gw", "UserPoolClient.UserPoolId": "us-east-1_abc" });
    expect(extractResources({ RoleName: "r", PolicyName: "p", PolicyDocument: SECRETS.PolicyDocument })).toEqual({ RoleName: "r", PolicyName: "p" });
    expect(extractResources({ RoleName: "r", AssumeRolePolicyDocument: SECRETS.AssumeRolePolicyDocument }, { Role: { RoleName: "r", Arn: "arn:aws:iam::1:role/r", AssumeRolePolicyDocument: SECRETS.AssumeRolePolicyDocument } })).toEqual({
      RoleName: "r",
      "Role.RoleName": "r",
      "Role.Arn": "arn:aws:iam::1:role/r",
    });
  });

  it("keeps a credential provider's name and ARNs, never its API key or client secret", () => {
    const out = extractResources(
      { name: "stripe", apiKey: SECRETS.apiKey },
      { name: "stripe", credentialProviderArn: "arn:p", apiKeySecretArn: { secretArn: "arn:aws:secretsmanager:s" } },
    );
    expect(out).toEqual({ name: "stripe", credentialProviderArn: "arn:p", "apiKeySecretArn.secretArn": "arn:aws:secretsmanager:s" });
    expectNoSecret(extractResources({ name: "gh", oauth2ProviderConfigInput: { githubOauth2ProviderConfig: { clientId: "x", clientSecret: SECRETS.clientSecret } } }));
  });

  // By member name: a value the user typed into an identifier (a role name) is that identifier, and is logged as such.
  it("never lets a secret member through, wherever it sits, and no list through a one-id member", () => {
    const hostile = {
      ...SECRETS,
      nested: { ...SECRETS, deeper: { ...SECRETS } },
      UserPoolClient: { ...SECRETS },
      Role: { ...SECRETS },
      list: [SECRETS, SECRET_VALUES],
      targetIdList: [SECRETS],
      name: { ...SECRETS },
      RoleName: SECRET_VALUES,
      Domain: [SECRETS.apiKey],
    };
    expectNoSecret(extractResources(hostile, hostile));
    expectNoSecret(extractResources(SECRETS, { UserPoolClient: SECRETS, UserPool: SECRETS, ResourceServer: SECRETS }));
  });

  it("keeps lists of ids, bounds the size, and strips control characters", () => {
    expect(extractResources({ gatewayIdentifier: "g", targetIdList: ["T1", "T2"] })).toEqual({ gatewayIdentifier: "g", targetIdList: "T1, T2" });
    const long = extractResources({ name: `a\nb${"x".repeat(1000)}` });
    expect(long.name.length).toBeLessThanOrEqual(200);
    expect(long.name).not.toContain("\n");
    expect(extractResources("not an object", null)).toEqual({});
    const cyclic: Record<string, unknown> = { name: "n" };
    cyclic.self = cyclic;
    expect(extractResources(cyclic)).toEqual({ name: "n" });
  });
});

describe("errorOutcome and requestIdOf", () => {
  it("names the AWS error, or says Error for anything odd", () => {
    expect(errorOutcome(Object.assign(new Error("x"), { name: "ConflictException" }))).toBe("ConflictException");
    expect(errorOutcome({ name: "bad name\n{}" })).toBe("Error");
    expect(errorOutcome(undefined)).toBe("Error");
  });
  it("reads $metadata.requestId", () => {
    expect(requestIdOf({ $metadata: { requestId: "abc-123" } })).toBe("abc-123");
    expect(requestIdOf({ $metadata: {} })).toBeUndefined();
    expect(requestIdOf(null)).toBeUndefined();
  });
});
