import type { GetGatewayTargetCommandOutput } from "@aws-sdk/client-bedrock-agentcore-control";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { Partition } from "./arn";
import {
  buildExecutionRolePolicy,
  type ExecutionRolePolicy,
  type ExecutionRolePolicyInput,
  type ExecutionRolePolicyResult,
  type TargetInput,
} from "./execution-permissions";
import { formatPolicy } from "./policy-document";

const ACCOUNT = "123456789012";
const OTHER = "210987654321";
const GATEWAY_ID = "orders-gw-abcde12345";
const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";

const PARTITIONS: Array<[Partition, string]> = [
  ["aws", "us-east-1"],
  ["aws-cn", "cn-north-1"],
  ["aws-us-gov", "us-gov-west-1"],
];

function gateway(p: string, r: string, extra: Partial<ExecutionRolePolicyInput["gateway"]> = {}) {
  return {
    gatewayId: GATEWAY_ID,
    gatewayArn: `arn:${p}:bedrock-agentcore:${r}:${ACCOUNT}:gateway/${GATEWAY_ID}`,
    name: "Orders-GW",
    ...extra,
  };
}

function input(p: Partition, r: string, targets: TargetInput[], extra: Partial<ExecutionRolePolicyInput> = {}): ExecutionRolePolicyInput {
  return { accountId: ACCOUNT, region: r, gateway: gateway(p, r), targets, ...extra };
}

function built(result: ExecutionRolePolicyResult): ExecutionRolePolicy {
  if (result.policy === null) throw new Error(`expected a policy, got ${result.reason}`);
  return result as ExecutionRolePolicy;
}

const IAM_ROLE = [{ credentialProviderType: "GATEWAY_IAM_ROLE" as const }];

/** One gateway with every kind of target, as GetGateway / GetGatewayTarget return them. */
function everyTarget(p: Partition, r: string): ExecutionRolePolicyInput {
  const vault = `arn:${p}:bedrock-agentcore:${r}:${ACCOUNT}:token-vault/default`;
  return {
    accountId: ACCOUNT,
    region: r,
    partition: p,
    gateway: gateway(p, r, {
      kmsKeyArn: `arn:${p}:kms:${r}:${ACCOUNT}:key/${KEY_ID}`,
      workloadIdentityArn: `arn:${p}:bedrock-agentcore:${r}:${ACCOUNT}:workload-identity-directory/default/workload-identity/orders-gw-x1y2z3`,
    }),
    providerSecretArns: {
      [`${vault}/apikeycredentialprovider/crm-key`]: `arn:${p}:secretsmanager:${r}:${ACCOUNT}:secret:bedrock-agentcore-identity!default/apikey/crm-key-AbCdEf`,
    },
    targets: [
      {
        name: "orders",
        targetConfiguration: {
          mcp: {
            lambda: {
              lambdaArn: `arn:${p}:lambda:${r}:${ACCOUNT}:function:orders:PROD`,
              toolSchema: { s3: { uri: "s3://tool-schemas/orders.json", bucketOwnerAccountId: OTHER } },
            },
          },
        },
        credentialProviderConfigurations: IAM_ROLE,
      },
      {
        name: "inventory",
        targetConfiguration: {
          mcp: {
            lambda: {
              lambdaArn: `arn:${p}:lambda:${r}:${ACCOUNT}:function:inventory`,
              toolSchema: { inlinePayload: [{ name: "count", description: "Count", inputSchema: { type: "object" } }] },
            },
          },
        },
        credentialProviderConfigurations: IAM_ROLE,
      },
      {
        name: "crm",
        targetConfiguration: { mcp: { openApiSchema: { s3: { uri: "s3://tool-schemas/crm/openapi.yaml" } } } },
        credentialProviderConfigurations: [
          {
            credentialProviderType: "API_KEY",
            credentialProvider: { apiKeyCredentialProvider: { providerArn: `${vault}/apikeycredentialprovider/crm-key` } },
          },
        ],
      },
      {
        name: "tickets",
        targetConfiguration: { mcp: { mcpServer: { endpoint: "https://mcp.example.com/mcp" } } },
        credentialProviderConfigurations: [
          {
            credentialProviderType: "OAUTH",
            credentialProvider: {
              oauthCredentialProvider: { providerArn: `${vault}/oauth2credentialprovider/tickets`, scopes: ["tickets/read"] },
            },
          },
        ],
        secretArn: `arn:${p}:secretsmanager:${r}:${ACCOUNT}:secret:bedrock-agentcore-identity!default/oauth2/tickets-GhIjKl`,
      },
      {
        name: "billing",
        targetConfiguration: {
          mcp: { apiGateway: { restApiId: "a1b2c3d4e5", stage: "prod", apiGatewayToolConfiguration: { toolFilters: [{ filterPath: "/invoices/*", methods: ["GET"] }] } } },
        },
        credentialProviderConfigurations: IAM_ROLE,
      },
    ],
  };
}

function everyTargetPolicy(p: string, r: string) {
  const ac = `arn:${p}:bedrock-agentcore:${r}:${ACCOUNT}`;
  const directory = `${ac}:workload-identity-directory/default`;
  const identity = `${directory}/workload-identity/orders-gw-x1y2z3`;
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "InvokeLambdaTargets",
        Effect: "Allow",
        Action: "lambda:InvokeFunction",
        Resource: [`arn:${p}:lambda:${r}:${ACCOUNT}:function:inventory`, `arn:${p}:lambda:${r}:${ACCOUNT}:function:orders:PROD`],
      },
      {
        Sid: "InvokeApiGatewayTargets",
        Effect: "Allow",
        Action: "execute-api:Invoke",
        Resource: `arn:${p}:execute-api:${r}:${ACCOUNT}:a1b2c3d4e5/prod/GET/invoices/*`,
      },
      {
        Sid: "ReadToolSchemasFromS3",
        Effect: "Allow",
        Action: "s3:GetObject",
        Resource: `arn:${p}:s3:::tool-schemas/crm/openapi.yaml`,
      },
      {
        Sid: "ReadToolSchemasFromS3InAccount210987654321",
        Effect: "Allow",
        Action: "s3:GetObject",
        Resource: `arn:${p}:s3:::tool-schemas/orders.json`,
        Condition: { StringEquals: { "s3:ResourceAccount": OTHER } },
      },
      {
        Sid: "GetWorkloadAccessToken",
        Effect: "Allow",
        Action: "bedrock-agentcore:GetWorkloadAccessToken",
        Resource: [directory, identity],
      },
      {
        Sid: "GetResourceApiKey",
        Effect: "Allow",
        Action: "bedrock-agentcore:GetResourceApiKey",
        Resource: [`${ac}:token-vault/default`, `${ac}:token-vault/default/apikeycredentialprovider/crm-key`, directory, identity],
      },
      {
        Sid: "GetResourceOauth2Token",
        Effect: "Allow",
        Action: "bedrock-agentcore:GetResourceOauth2Token",
        Resource: [`${ac}:token-vault/default`, `${ac}:token-vault/default/oauth2credentialprovider/tickets`, directory, identity],
      },
      {
        Sid: "ReadCredentialProviderSecrets",
        Effect: "Allow",
        Action: "secretsmanager:GetSecretValue",
        Resource: [
          `arn:${p}:secretsmanager:${r}:${ACCOUNT}:secret:bedrock-agentcore-identity!default/apikey/crm-key-AbCdEf`,
          `arn:${p}:secretsmanager:${r}:${ACCOUNT}:secret:bedrock-agentcore-identity!default/oauth2/tickets-GhIjKl`,
        ],
      },
      {
        Sid: "DecryptWithGatewayKmsKey",
        Effect: "Allow",
        Action: "kms:Decrypt",
        Resource: `arn:${p}:kms:${r}:${ACCOUNT}:key/${KEY_ID}`,
      },
    ],
  };
}

describe("buildExecutionRolePolicy: every target kind", () => {
  it.each(PARTITIONS)("produces the exact policy JSON in %s (%s)", (p, r) => {
    const result = built(buildExecutionRolePolicy(everyTarget(p, r)));
    expect(formatPolicy(result.policy)).toBe(JSON.stringify(everyTargetPolicy(p, r), null, 2));
  });

  it.each(PARTITIONS)("needs no notes when everything is known in %s", (p, r) => {
    expect(built(buildExecutionRolePolicy(everyTarget(p, r))).notes).toEqual([]);
  });

  it("explains every statement, naming its targets", () => {
    const result = built(buildExecutionRolePolicy(everyTarget("aws", "us-east-1")));
    expect(result.explanations.map((e) => e.sid)).toEqual(result.policy.Statement.map((s) => s.Sid));
    const why = Object.fromEntries(result.explanations.map((e) => [e.sid, e.why]));
    expect(why.InvokeLambdaTargets).toContain('"inventory", "orders"');
    expect(why.InvokeLambdaTargets).toContain("qualified ARN (version or alias) allows only that qualifier");
    expect(why.InvokeApiGatewayTargets).toContain('"billing"');
    expect(why.ReadToolSchemasFromS3).toContain('"crm"');
    expect(why.ReadToolSchemasFromS3InAccount210987654321).toContain("s3:ResourceAccount");
    expect(why.GetWorkloadAccessToken).toContain('"crm", "tickets"');
    expect(why.GetResourceApiKey).toContain('"crm"');
    expect(why.GetResourceOauth2Token).toContain('"tickets"');
    expect(why.ReadCredentialProviderSecrets).toContain('"crm", "tickets"');
    expect(why.DecryptWithGatewayKmsKey).toContain("KMS key");
  });

  it("is deterministic whatever the target order", () => {
    const a = everyTarget("aws", "us-east-1");
    const b = { ...a, targets: [...a.targets].reverse() };
    expect(formatPolicy(built(buildExecutionRolePolicy(b)).policy)).toBe(formatPolicy(built(buildExecutionRolePolicy(a)).policy));
  });
});

describe("Lambda targets", () => {
  const lambdaTarget = (name: string, lambdaArn: string): TargetInput => ({
    name,
    targetConfiguration: { mcp: { lambda: { lambdaArn, toolSchema: { inlinePayload: [] } } } },
    credentialProviderConfigurations: IAM_ROLE,
  });

  it.each(PARTITIONS)("grants an unqualified ARN exactly, not its versions, in %s", (p, r) => {
    const arn = `arn:${p}:lambda:${r}:${ACCOUNT}:function:tools`;
    expect(built(buildExecutionRolePolicy(input(p, r, [lambdaTarget("t", arn)]))).policy).toStrictEqual({
      Version: "2012-10-17",
      Statement: [{ Sid: "InvokeLambdaTargets", Effect: "Allow", Action: "lambda:InvokeFunction", Resource: arn }],
    });
  });

  it("grants a qualified ARN (alias, version, $LATEST) exactly", () => {
    const base = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:tools`;
    const result = built(
      buildExecutionRolePolicy(
        input("aws", "us-east-1", [lambdaTarget("a", `${base}:PROD`), lambdaTarget("b", `${base}:7`), lambdaTarget("c", `${base}:$LATEST`)]),
      ),
    );
    expect(result.policy.Statement[0].Resource).toEqual([`${base}:$LATEST`, `${base}:7`, `${base}:PROD`]);
  });

  it("deduplicates functions shared by several targets", () => {
    const arn = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:shared`;
    const result = built(buildExecutionRolePolicy(input("aws", "us-east-1", [lambdaTarget("a", arn), lambdaTarget("b", arn)])));
    expect(result.policy.Statement).toHaveLength(1);
    expect(result.policy.Statement[0].Resource).toBe(arn);
    expect(result.explanations[0].why).toContain('"a", "b"');
  });

  it("keeps cross-account functions as they are", () => {
    const arn = `arn:aws:lambda:eu-west-1:${OTHER}:function:remote`;
    expect(built(buildExecutionRolePolicy(input("aws", "us-east-1", [lambdaTarget("r", arn)]))).policy.Statement[0].Resource).toBe(arn);
  });

  it.each([
    "arn:aws:lambda:us-east-1:123456789012:function:*",
    "arn:aws:lambda:us-east-1:123456789012:layer:x",
    "arn:aws:lambda:us-east-1:1234:function:f",
    "my-function",
  ])("rejects %s", (arn) => {
    expect(() => buildExecutionRolePolicy(input("aws", "us-east-1", [lambdaTarget("bad", arn)]))).toThrow(
      `Target "bad": lambdaArn must be a Lambda function ARN, got "${arn}"`,
    );
  });

  it("rejects a Lambda target without an ARN", () => {
    expect(() =>
      buildExecutionRolePolicy(input("aws", "us-east-1", [{ targetConfiguration: { mcp: { lambda: {} } } }])),
    ).toThrow('Target "target 1": lambdaArn must be a Lambda function ARN, got undefined');
  });
});

describe("tool schemas in S3", () => {
  const openApi = (name: string, uri: string, bucketOwnerAccountId?: string): TargetInput => ({
    name,
    targetConfiguration: { mcp: { openApiSchema: { s3: { uri, bucketOwnerAccountId } } } },
  });

  it.each(PARTITIONS)("grants s3:GetObject on the exact object in %s", (p, r) => {
    expect(built(buildExecutionRolePolicy(input(p, r, [openApi("api", "s3://bucket/path/to/spec.json")]))).policy).toStrictEqual({
      Version: "2012-10-17",
      Statement: [{ Sid: "ReadToolSchemasFromS3", Effect: "Allow", Action: "s3:GetObject", Resource: `arn:${p}:s3:::bucket/path/to/spec.json` }],
    });
  });

  it("adds s3:ResourceAccount per bucket owner, one statement per owner, sorted", () => {
    const result = built(
      buildExecutionRolePolicy(
        input("aws", "us-east-1", [
          openApi("b", "s3://theirs/b.json", OTHER),
          openApi("a", "s3://mine/a.json", ACCOUNT),
          openApi("c", "s3://mine/c.json", ACCOUNT),
          openApi("d", "s3://plain/d.json"),
        ]),
      ),
    );
    expect(result.policy.Statement).toStrictEqual([
      { Sid: "ReadToolSchemasFromS3", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::plain/d.json" },
      {
        Sid: "ReadToolSchemasFromS3InAccount123456789012",
        Effect: "Allow",
        Action: "s3:GetObject",
        Resource: ["arn:aws:s3:::mine/a.json", "arn:aws:s3:::mine/c.json"],
        Condition: { StringEquals: { "s3:ResourceAccount": ACCOUNT } },
      },
      {
        Sid: "ReadToolSchemasFromS3InAccount210987654321",
        Effect: "Allow",
        Action: "s3:GetObject",
        Resource: "arn:aws:s3:::theirs/b.json",
        Condition: { StringEquals: { "s3:ResourceAccount": OTHER } },
      },
    ]);
  });

  it("reads Smithy models and Lambda tool schemas from S3 too", () => {
    const result = built(
      buildExecutionRolePolicy(
        input("aws", "us-east-1", [
          { name: "s", targetConfiguration: { mcp: { smithyModel: { s3: { uri: "s3://models/s.json" } } } } },
          {
            name: "l",
            targetConfiguration: {
              mcp: { lambda: { lambdaArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:l`, toolSchema: { s3: { uri: "s3://models/l.json" } } } },
            },
          },
        ]),
      ),
    );
    expect(result.policy.Statement[1]).toStrictEqual({
      Sid: "ReadToolSchemasFromS3",
      Effect: "Allow",
      Action: "s3:GetObject",
      Resource: ["arn:aws:s3:::models/l.json", "arn:aws:s3:::models/s.json"],
    });
  });

  it("reads an MCP server's tool schema from S3", () => {
    const target: TargetInput = {
      name: "mcp",
      targetConfiguration: { mcp: { mcpServer: { endpoint: "https://x", mcpToolSchema: { s3: { uri: "s3://b/mcp-tools.json" } } } } },
    };
    expect(built(buildExecutionRolePolicy(input("aws", "us-east-1", [target]))).policy.Statement).toStrictEqual([
      { Sid: "ReadToolSchemasFromS3", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/mcp-tools.json" },
    ]);
  });

  it("escapes wildcard characters in object keys so they stay literal", () => {
    const result = built(buildExecutionRolePolicy(input("aws", "us-east-1", [openApi("x", "s3://b/v*/spec?.json")])));
    expect(result.policy.Statement[0].Resource).toBe("arn:aws:s3:::b/v${*}/spec${?}.json");
  });

  it("grants nothing for inline schemas", () => {
    const result = buildExecutionRolePolicy(
      input("aws", "us-east-1", [{ name: "inline", targetConfiguration: { mcp: { openApiSchema: { inlinePayload: "{}" } } } }]),
    );
    expect(result.policy).toBeNull();
  });

  it.each(["s3://bucket-only", "https://bucket/key", ""])("rejects the URI %j", (uri) => {
    expect(() => buildExecutionRolePolicy(input("aws", "us-east-1", [openApi("x", uri)]))).toThrow(
      `Target "x": openApiSchema.s3.uri must look like s3://bucket/key, got "${uri}"`,
    );
  });

  it("rejects a bad bucket owner", () => {
    expect(() => buildExecutionRolePolicy(input("aws", "us-east-1", [openApi("x", "s3://b/k", "42")]))).toThrow(
      'Target "x": openApiSchema.s3.bucketOwnerAccountId must be a 12-digit AWS account ID, got "42"',
    );
  });
});

describe("API Gateway targets", () => {
  const apiGw = (creds?: TargetInput["credentialProviderConfigurations"], restApiId = "abc123defg", stage = "v1"): TargetInput => ({
    name: "rest",
    targetConfiguration: { mcp: { apiGateway: { restApiId, stage } } },
    credentialProviderConfigurations: creds,
  });

  const filtered = (toolFilters: { filterPath?: string; methods?: string[] }[]): TargetInput => ({
    name: "rest",
    targetConfiguration: { mcp: { apiGateway: { restApiId: "abc123defg", stage: "prod", apiGatewayToolConfiguration: { toolFilters } } } },
    credentialProviderConfigurations: IAM_ROLE,
  });
  const arn = (path: string) => `arn:aws:execute-api:us-east-1:${ACCOUNT}:abc123defg/prod/${path}`;
  const grant = (filters: Parameters<typeof filtered>[0]) => built(buildExecutionRolePolicy(input("aws", "us-east-1", [filtered(filters)]))).policy.Statement[0].Resource;

  it("grants each filter's methods on its path, never every method", () => {
    expect(grant([{ filterPath: "/*", methods: ["GET"] }])).toBe(arn("GET/*"));
    expect(grant([{ filterPath: "/pets", methods: ["GET", "POST"] }])).toEqual([arn("GET/pets"), arn("POST/pets")]);
    expect(grant([{ filterPath: "/pets/{petId}", methods: ["DELETE"] }, { filterPath: "/", methods: ["GET"] }])).toEqual([arn("DELETE/pets/*"), arn("GET/")]);
    expect(grant([{ filterPath: "/files/{proxy+}", methods: ["PUT"] }])).toBe(arn("PUT/files/*"));
    expect(grant([{ filterPath: "/pets/*", methods: ["GET"] }])).toBe(arn("GET/pets/*"));
  });

  it.each([
    [{ filterPath: "pets", methods: ["GET"] }, 'toolFilters[0].filterPath must be a resource path such as /pets, /pets/{id} or /pets/*, got "pets"'],
    [{ filterPath: "/pets/../admin*", methods: ["GET"] }, "toolFilters[0].filterPath must be a resource path"],
    [{ filterPath: "/pets", methods: [] }, "toolFilters[0].methods must list at least one HTTP method"],
    [{ filterPath: "/pets", methods: ["*"] }, 'toolFilters[0].methods has "*", which is not an HTTP method'],
  ])("refuses the filter %j", (f, message) => {
    expect(() => grant([f])).toThrow(message);
  });

  it("without tool filters grants the whole stage and says so", () => {
    const result = built(buildExecutionRolePolicy(input("aws", "us-east-1", [apiGw(IAM_ROLE, "abc123defg", "prod")])));
    expect(result.policy.Statement[0].Resource).toBe(arn("*/*"));
    expect(result.notes).toEqual(['Target "rest" has no tool filters, so execute-api:Invoke is granted on every method and path of stage prod.']);
  });

  it.each(PARTITIONS)("grants execute-api:Invoke on the stage when the gateway role signs, in %s", (p, r) => {
    expect(built(buildExecutionRolePolicy(input(p, r, [apiGw(IAM_ROLE)]))).policy).toStrictEqual({
      Version: "2012-10-17",
      Statement: [
        { Sid: "InvokeApiGatewayTargets", Effect: "Allow", Action: "execute-api:Invoke", Resource: `arn:${p}:execute-api:${r}:${ACCOUNT}:abc123defg/v1/*/*` },
      ],
    });
  });

  it("grants nothing when the stage is reached without IAM", () => {
    const result = buildExecutionRolePolicy(input("aws", "us-east-1", [apiGw(undefined)]));
    expect(result).toMatchObject({ policy: null, reason: "no-permissions-needed" });
  });

  it.each([
    ["abc/../x", "v1", 'apiGateway.restApiId must be a REST API ID, got "abc/../x"'],
    ["abc123defg", "v1/*", 'apiGateway.stage must be a stage name, got "v1/*"'],
    ["abc123defg", "", 'apiGateway.stage must be a stage name, got ""'],
  ])("rejects restApiId %j / stage %j", (restApiId, stage, message) => {
    expect(() => buildExecutionRolePolicy(input("aws", "us-east-1", [apiGw(IAM_ROLE, restApiId, stage)]))).toThrow(message);
  });
});

describe("credential providers", () => {
  const vault = (p: string, r: string) => `arn:${p}:bedrock-agentcore:${r}:${ACCOUNT}:token-vault/default`;
  const apiKeyTarget = (providerArn: string, secretArn?: string): TargetInput => ({
    name: "keyed",
    targetConfiguration: { mcp: { mcpServer: { endpoint: "https://example.com/mcp" } } },
    credentialProviderConfigurations: [{ credentialProviderType: "API_KEY", credentialProvider: { apiKeyCredentialProvider: { providerArn } } }],
    secretArn,
  });
  const oauthTarget = (providerArn: string, grantType?: string): TargetInput => ({
    name: "oauthed",
    targetConfiguration: { mcp: { mcpServer: { endpoint: "https://example.com/mcp" } } },
    credentialProviderConfigurations: [
      { credentialProviderType: "OAUTH", credentialProvider: { oauthCredentialProvider: { providerArn, scopes: [], grantType } } },
    ],
  });

  it.each(PARTITIONS)("derives the workload identity from the gateway name when its ARN is unknown, in %s", (p, r) => {
    const provider = `${vault(p, r)}/apikeycredentialprovider/k`;
    const secret = `arn:${p}:secretsmanager:${r}:${ACCOUNT}:secret:bedrock-agentcore-identity!default/apikey/k-123456`;
    const result = built(buildExecutionRolePolicy(input(p, r, [apiKeyTarget(provider, secret)])));
    const directory = `arn:${p}:bedrock-agentcore:${r}:${ACCOUNT}:workload-identity-directory/default`;
    const identity = `${directory}/workload-identity/orders-gw-*`;
    expect(result.policy).toStrictEqual({
      Version: "2012-10-17",
      Statement: [
        { Sid: "GetWorkloadAccessToken", Effect: "Allow", Action: "bedrock-agentcore:GetWorkloadAccessToken", Resource: [directory, identity] },
        { Sid: "GetResourceApiKey", Effect: "Allow", Action: "bedrock-agentcore:GetResourceApiKey", Resource: [vault(p, r), provider, directory, identity] },
        { Sid: "ReadCredentialProviderSecrets", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: secret },
      ],
    });
    expect(result.notes).toEqual([
      'The gateway\'s workload identity ARN is unknown, so the identity is granted as "orders-gw-*". Pass GetGateway\'s workloadIdentityDetails.workloadIdentityArn to grant the exact identity.',
    ]);
  });

  it("falls back to the gateway ID's name part when the name is unknown too", () => {
    const base = input("aws", "us-east-1", [apiKeyTarget(`${vault("aws", "us-east-1")}/apikeycredentialprovider/k`)]);
    const result = built(buildExecutionRolePolicy({ ...base, gateway: { ...base.gateway, name: undefined } }));
    expect(result.policy.Statement[0].Resource).toEqual([
      `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:workload-identity-directory/default`,
      `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:workload-identity-directory/default/workload-identity/orders-gw-*`,
    ]);
  });

  it("uses the token vault named in the provider ARN", () => {
    const provider = `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:token-vault/vault-7/apikeycredentialprovider/k`;
    const result = built(buildExecutionRolePolicy(input("aws", "us-east-1", [apiKeyTarget(provider)])));
    expect(result.policy.Statement[1].Resource).toContain(`arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:token-vault/vault-7`);
    expect(result.policy.Statement[1].Resource).not.toContain(vault("aws", "us-east-1"));
  });

  it("falls back to the default vault when the provider ARN has another shape", () => {
    const provider = `arn:aws:acps:us-east-1:${ACCOUNT}:apikey/k`;
    const result = built(buildExecutionRolePolicy(input("aws", "us-east-1", [apiKeyTarget(provider)])));
    expect(result.policy.Statement[1].Resource).toContain(vault("aws", "us-east-1"));
    expect(result.policy.Statement[1].Resource).toContain(provider);
  });

  it("notes an unknown secret instead of granting a wildcard", () => {
    const provider = `${vault("aws", "us-east-1")}/apikeycredentialprovider/k`;
    const result = built(buildExecutionRolePolicy(input("aws", "us-east-1", [apiKeyTarget(provider)])));
    expect(result.policy.Statement.map((s) => s.Sid)).toEqual(["GetWorkloadAccessToken", "GetResourceApiKey"]);
    expect(result.notes).toContain(
      `Target "keyed": the secret of ${provider} is unknown, so secretsmanager:GetSecretValue is not granted. GetApiKeyCredentialProvider / GetOauth2CredentialProvider return it (apiKeySecretArn / clientSecretArn).`,
    );
  });

  it("prefers the providerSecretArns map over the target's secretArn", () => {
    const provider = `${vault("aws", "us-east-1")}/apikeycredentialprovider/k`;
    const fromMap = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:from-map-AAAAAA`;
    const onTarget = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:on-target-BBBBBB`;
    const result = built(
      buildExecutionRolePolicy(input("aws", "us-east-1", [apiKeyTarget(provider, onTarget)], { providerSecretArns: { [provider]: fromMap } })),
    );
    expect(result.policy.Statement[2].Resource).toBe(fromMap);
  });

  it("rejects a secret that is not a Secrets Manager ARN", () => {
    const provider = `${vault("aws", "us-east-1")}/apikeycredentialprovider/k`;
    expect(() => buildExecutionRolePolicy(input("aws", "us-east-1", [apiKeyTarget(provider, "arn:aws:secretsmanager:us-east-1:123456789012:secret:*")]))).toThrow(
      'Target "keyed": secret ARN must be a Secrets Manager secret ARN, got "arn:aws:secretsmanager:us-east-1:123456789012:secret:*"',
    );
  });

  it("rejects API key and OAuth configurations without a provider ARN", () => {
    const noArn: TargetInput = { name: "n", targetConfiguration: { mcp: { mcpServer: {} } }, credentialProviderConfigurations: [{ credentialProviderType: "OAUTH" }] };
    expect(() => buildExecutionRolePolicy(input("aws", "us-east-1", [noArn]))).toThrow(
      'Target "n": OAUTH credential provider needs a providerArn, got undefined',
    );
    expect(() => buildExecutionRolePolicy(input("aws", "us-east-1", [apiKeyTarget("not-an-arn")]))).toThrow(
      'Target "keyed": API_KEY credential provider needs a providerArn, got "not-an-arn"',
    );
  });

  it("grants only GetWorkloadAccessToken and GetResourceOauth2Token for client-credentials OAuth", () => {
    const provider = `${vault("aws", "us-east-1")}/oauth2credentialprovider/o`;
    for (const grantType of [undefined, "CLIENT_CREDENTIALS"]) {
      const result = built(buildExecutionRolePolicy(input("aws", "us-east-1", [oauthTarget(provider, grantType)])));
      expect(result.policy.Statement.map((s) => s.Action)).toEqual([
        "bedrock-agentcore:GetWorkloadAccessToken",
        "bedrock-agentcore:GetResourceOauth2Token",
      ]);
    }
  });

  it.each(["AUTHORIZATION_CODE", "TOKEN_EXCHANGE"])("adds the user-delegated token actions for %s", (grantType) => {
    const provider = `${vault("aws", "us-east-1")}/oauth2credentialprovider/o`;
    const result = built(buildExecutionRolePolicy(input("aws", "us-east-1", [oauthTarget(provider, grantType)])));
    expect(result.policy.Statement.map((s) => s.Action)).toEqual([
      [
        "bedrock-agentcore:GetWorkloadAccessToken",
        "bedrock-agentcore:GetWorkloadAccessTokenForJWT",
        "bedrock-agentcore:GetWorkloadAccessTokenForUserId",
      ],
      ["bedrock-agentcore:CompleteResourceTokenAuth", "bedrock-agentcore:GetResourceOauth2Token"],
    ]);
    expect(result.explanations[0].why).toContain("ForJWT / ForUserId");
    expect(result.explanations[1].why).toContain("CompleteResourceTokenAuth");
  });

  it("needs nothing for caller credentials and JWT passthrough", () => {
    for (const type of ["CALLER_IAM_CREDENTIALS", "JWT_PASSTHROUGH"] as const) {
      const result = buildExecutionRolePolicy(
        input("aws", "us-east-1", [{ name: "t", targetConfiguration: { mcp: { mcpServer: { endpoint: "https://x" } } }, credentialProviderConfigurations: [{ credentialProviderType: type }] }]),
      );
      expect(result).toStrictEqual({
        policy: null,
        reason: "no-permissions-needed",
        message: "These targets need no permissions from the execution role; IAM rejects a policy without statements, so there is nothing to attach.",
        explanations: [],
        notes: [],
      });
    }
  });

  it("notes an unknown credential provider type", () => {
    const result = buildExecutionRolePolicy(
      input("aws", "us-east-1", [
        { name: "t", targetConfiguration: { mcp: { mcpServer: { endpoint: "https://x" } } }, credentialProviderConfigurations: [{ credentialProviderType: "MAGIC" as never }] },
      ]),
    );
    expect(result.notes).toEqual(['Target "t" has an unknown credential provider type "MAGIC": review its permissions yourself.']);
  });

  it("rejects a malformed workload identity ARN", () => {
    const base = input("aws", "us-east-1", [apiKeyTarget(`${vault("aws", "us-east-1")}/apikeycredentialprovider/k`)]);
    expect(() =>
      buildExecutionRolePolicy({ ...base, gateway: { ...base.gateway, workloadIdentityArn: "arn:aws:iam::123456789012:role/x" } }),
    ).toThrow("gateway.workloadIdentityArn must look like arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default/workload-identity/NAME");
  });

  it("derives the directory from a known workload identity ARN", () => {
    const base = input("aws", "us-east-1", [apiKeyTarget(`${vault("aws", "us-east-1")}/apikeycredentialprovider/k`)]);
    const workloadIdentityArn = `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:workload-identity-directory/dir2/workload-identity/orders-gw-q`;
    const result = built(buildExecutionRolePolicy({ ...base, gateway: { ...base.gateway, workloadIdentityArn } }));
    expect(result.policy.Statement[0].Resource).toEqual([
      `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:workload-identity-directory/dir2`,
      workloadIdentityArn,
    ]);
    expect(result.notes.filter((n) => n.includes("workload identity"))).toEqual([]);
  });
});

describe("notes for permissions the generator cannot derive", () => {
  it("asks for the service permission of SigV4-signed MCP server and OpenAPI targets", () => {
    const result = buildExecutionRolePolicy(
      input("aws", "us-east-1", [
        {
          name: "runtime",
          targetConfiguration: { mcp: { mcpServer: { endpoint: "https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/x/invocations" } } },
          credentialProviderConfigurations: [
            { credentialProviderType: "GATEWAY_IAM_ROLE", credentialProvider: { iamCredentialProvider: { service: "bedrock-agentcore", region: "us-west-2" } } },
          ],
        },
        { name: "openapi", targetConfiguration: { mcp: { openApiSchema: { inlinePayload: "{}" } } }, credentialProviderConfigurations: IAM_ROLE },
      ]),
    );
    expect(result.notes).toEqual([
      'Target "runtime" signs its requests with this role for bedrock-agentcore in us-west-2: add the permission that service checks for the endpoint.',
      'Target "openapi" signs its requests with this role for the target\'s service: add the permission that service checks for the endpoint.',
    ]);
  });

  it("asks for the AWS service actions of Smithy targets", () => {
    const result = buildExecutionRolePolicy(
      input("aws", "us-east-1", [{ name: "ddb", targetConfiguration: { mcp: { smithyModel: { inlinePayload: "{}" } } }, credentialProviderConfigurations: IAM_ROLE }]),
    );
    expect(result.notes).toEqual([
      `Target "ddb" calls the AWS service its Smithy model describes with this role: add that service's actions on the resources the tools use.`,
    ]);
  });

  it("flags target kinds it does not know", () => {
    const result = buildExecutionRolePolicy(
      input("aws", "us-east-1", [
        { targetId: "T1", targetConfiguration: { http: {} } },
        { name: "conn", targetConfiguration: { mcp: { connector: {} } } },
        {},
      ]),
    );
    expect(result.notes).toEqual([
      'Target "T1" is not a Lambda, OpenAPI, Smithy, MCP server or API Gateway target: review the permissions it needs yourself.',
      'Target "conn" is not a Lambda, OpenAPI, Smithy, MCP server or API Gateway target: review the permissions it needs yourself.',
      'Target "target 3" is not a Lambda, OpenAPI, Smithy, MCP server or API Gateway target: review the permissions it needs yourself.',
    ]);
  });
});

describe("KMS and empty results", () => {
  it.each(PARTITIONS)("grants kms:Decrypt on the gateway key even without targets, in %s", (p, r) => {
    const key = `arn:${p}:kms:${r}:${ACCOUNT}:key/${KEY_ID}`;
    const result = built(buildExecutionRolePolicy({ ...input(p, r, []), gateway: gateway(p, r, { kmsKeyArn: key }) }));
    expect(result.policy).toStrictEqual({
      Version: "2012-10-17",
      Statement: [{ Sid: "DecryptWithGatewayKmsKey", Effect: "Allow", Action: "kms:Decrypt", Resource: key }],
    });
  });

  it("returns no policy, with a reason, for a gateway without targets", () => {
    expect(buildExecutionRolePolicy(input("aws", "us-east-1", []))).toStrictEqual({
      policy: null,
      reason: "no-targets",
      message: "The gateway has no targets yet, so the role needs no permissions; IAM rejects a policy without statements. Add a target to get its policy.",
      explanations: [],
      notes: [],
    });
  });

  it("rejects a malformed KMS key ARN", () => {
    expect(() =>
      buildExecutionRolePolicy({ ...input("aws", "us-east-1", []), gateway: gateway("aws", "us-east-1", { kmsKeyArn: "alias/mine" }) }),
    ).toThrow('gateway.kmsKeyArn must be a KMS key ARN, got "alias/mine"');
  });
});

describe("input validation", () => {
  it.each([
    [{ accountId: "1" }, 'accountId must be a 12-digit AWS account ID, got "1"'],
    [{ region: "mars-1" }, "region must be an AWS Region"],
    [{ partition: "aws-cn" as const }, "partition aws-cn does not match region us-east-1"],
    [{ gateway: { gatewayId: "Bad_ID", gatewayArn: "x" } }, 'gateway.gatewayId must be a gateway ID such as my-gateway-abcde12345, got "Bad_ID"'],
    [
      { gateway: { gatewayId: GATEWAY_ID, gatewayArn: `arn:aws:bedrock-agentcore:us-west-2:${ACCOUNT}:gateway/${GATEWAY_ID}` } },
      `gateway.gatewayArn must be arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:gateway/${GATEWAY_ID} (same partition, region, account and ID)`,
    ],
    [
      { gateway: { gatewayId: GATEWAY_ID, gatewayArn: `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:gateway/other-gw-abcde12345` } },
      "gateway.gatewayArn must be",
    ],
    [{ targets: "none" as never }, "targets must be an array"],
  ])("%j", (override, message) => {
    expect(() => buildExecutionRolePolicy({ ...input("aws", "us-east-1", []), ...override })).toThrow(message);
  });
});

describe("SDK compatibility", () => {
  it("accepts GetGatewayTarget output as a target", () => {
    expectTypeOf<GetGatewayTargetCommandOutput>().toExtend<TargetInput>();
  });
});
