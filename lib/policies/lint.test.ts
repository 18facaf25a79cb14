import { describe, expect, it } from "vitest";
import { buildExecutionRolePolicy, type ExecutionRolePolicy, type ExecutionRolePolicyInput } from "./execution-permissions";
import { lintPermissionPolicy, lintTrustPolicy, parsePolicyDocument, type LintFinding } from "./lint";
import { formatPolicy, type PolicyDocument } from "./policy-document";
import { buildGatewayTrustPolicy } from "./trust-policy";

const ACCOUNT = "123456789012";
const OTHER = "210987654321";
const REGION = "us-east-1";
const SOURCE_ARN = `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:gateway/*`;
const PARTITIONS = [
  ["aws", "us-east-1"],
  ["aws-cn", "cn-north-1"],
  ["aws-us-gov", "us-gov-west-1"],
] as const;

const codes = (findings: LintFinding[]) => findings.map((f) => f.code);
const only = (findings: LintFinding[], code: string) => findings.filter((f) => f.code === code);

/** A trust policy as users paste it, built from one statement. */
/** A trust policy as users paste it; a null version leaves Version out. */
function trust(statement: Record<string, unknown> | Record<string, unknown>[], version: string | null = "2012-10-17") {
  return { ...(version === null ? {} : { Version: version }), Statement: statement };
}

function agentCoreStatement(extra: Record<string, unknown> = {}) {
  return {
    Effect: "Allow",
    Principal: { Service: "bedrock-agentcore.amazonaws.com" },
    Action: "sts:AssumeRole",
    Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT }, ArnLike: { "aws:SourceArn": SOURCE_ARN } },
    ...extra,
  };
}

const lintTrust = (doc: unknown) => lintTrustPolicy(doc, { accountId: ACCOUNT, region: REGION });

describe("lintTrustPolicy: a good policy", () => {
  it.each(PARTITIONS)("finds nothing in the generated trust policy for %s", (_p, region) => {
    for (const gatewayName of [undefined, "orders"]) {
      const doc = buildGatewayTrustPolicy({ accountId: ACCOUNT, region, gatewayName });
      expect(lintTrustPolicy(doc, { accountId: ACCOUNT, region })).toEqual([]);
      expect(lintTrustPolicy(formatPolicy(doc), { accountId: ACCOUNT, region })).toEqual([]);
      expect(lintTrustPolicy(doc, { accountId: ACCOUNT })).toEqual([]);
    }
  });

  it("accepts Statement as an object, Action as an array and case-insensitive condition keys", () => {
    const statement = agentCoreStatement({
      Action: ["sts:AssumeRole", "sts:TagSession"],
      Condition: { StringEquals: { "AWS:SOURCEACCOUNT": ACCOUNT }, ArnLike: { "aws:sourcearn": [SOURCE_ARN] } },
    });
    expect(lintTrust(trust(statement))).toEqual([]);
  });

  it("ignores Deny statements for the trust checks", () => {
    const deny = { Effect: "Deny", Principal: "*", Action: "sts:AssumeRole", Condition: { Bool: { "aws:SecureTransport": "false" } } };
    expect(lintTrust(trust([agentCoreStatement(), deny]))).toEqual([]);
  });

  it("accepts ArnEquals with wildcards (it globs like ArnLike)", () => {
    const statement = agentCoreStatement({ Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT }, ArnEquals: { "aws:SourceArn": SOURCE_ARN } } });
    expect(lintTrust(trust(statement))).toEqual([]);
  });
});

describe("lintTrustPolicy: findings", () => {
  it("invalid-json: reports where the text breaks", () => {
    expect(lintTrust('{"Version": "2012-10-17",, }')).toStrictEqual([
      { severity: "error", code: "invalid-json", message: "Invalid JSON at line 1, column 26: Unexpected ',' — expected a key in double quotes" },
    ]);
  });

  it("not-a-policy: for text and for objects", () => {
    expect(lintTrust('{"Version":"2012-10-17"}')).toStrictEqual([
      { severity: "error", code: "not-a-policy", message: "Not a policy: Statement missing" },
    ]);
    expect(codes(lintTrust(null))).toEqual(["not-a-policy"]);
    expect(codes(lintTrust(["x"]))).toEqual(["not-a-policy"]);
  });

  it("duplicate-key", () => {
    const text = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Effect":"Allow","Principal":{"Service":"bedrock-agentcore.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"},"ArnLike":{"aws:SourceArn":"arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/*"}}}}';
    expect(lintTrust(text)).toStrictEqual([
      {
        severity: "warning",
        code: "duplicate-key",
        message: 'Key "Effect" appears more than once in Statement (line 1, column 55); only one of them takes effect.',
        fix: 'Merge the duplicate "Effect" entries into one.',
      },
    ]);
  });

  it("version-missing / version-outdated / version-invalid", () => {
    expect(only(lintTrust(trust(agentCoreStatement(), null)), "version-missing")).toMatchObject([{ severity: "warning", fix: 'Add "Version": "2012-10-17".' }]);
    expect(only(lintTrust(trust(agentCoreStatement(), "2008-10-17")), "version-outdated")).toMatchObject([{ severity: "warning" }]);
    expect(lintTrust(trust(agentCoreStatement(), "2024-01-01"))).toStrictEqual([
      {
        severity: "error",
        code: "version-invalid",
        message: 'Version "2024-01-01" is not a policy language version; IAM accepts only "2012-10-17" and "2008-10-17".',
        fix: 'Use "Version": "2012-10-17".',
      },
    ]);
  });

  it("invalid-sid and duplicate-sid", () => {
    const findings = lintTrust(trust([agentCoreStatement({ Sid: "Trust-Gateway" }), agentCoreStatement({ Sid: "A" }), agentCoreStatement({ Sid: "A" })]));
    expect(findings).toStrictEqual([
      { severity: "error", code: "invalid-sid", message: 'Statement "Trust-Gateway": Sid "Trust-Gateway" may contain only letters and digits.', statementSid: "Trust-Gateway", statementIndex: 0 },
      { severity: "error", code: "duplicate-sid", message: 'Statement "A": Sid is also used by statement #2; Sids must be unique.', statementSid: "A", statementIndex: 2 },
    ]);
    expect(codes(lintTrust(trust(agentCoreStatement({ Sid: 7 }))))).toEqual(["invalid-sid"]);
  });

  it("invalid-effect", () => {
    const findings = lintTrust(trust([agentCoreStatement(), agentCoreStatement({ Effect: "allow" })]));
    expect(findings).toStrictEqual([
      { severity: "error", code: "invalid-effect", message: 'Statement #2: Effect must be "Allow" or "Deny" (case-sensitive), got "allow".', statementIndex: 1 },
    ]);
    expect(only(lintTrust(trust([agentCoreStatement(), { Principal: "*", Action: "sts:AssumeRole" }])), "invalid-effect")[0].message).toBe(
      'Statement #2: Effect must be "Allow" or "Deny" (case-sensitive), got nothing.',
    );
  });

  it("missing-action, action-and-not-action and invalid-action", () => {
    const { Action: _drop, ...withoutAction } = agentCoreStatement();
    void _drop;
    expect(codes(lintTrust(trust([agentCoreStatement(), withoutAction])))).toEqual(["missing-action"]);
    expect(codes(lintTrust(trust(agentCoreStatement({ NotAction: "sts:TagSession" }))))).toEqual(["action-and-not-action", "not-action"]);
    expect(lintTrust(trust(agentCoreStatement({ Action: ["sts:AssumeRole", "AssumeRole"] })))).toStrictEqual([
      { severity: "error", code: "invalid-action", message: 'Statement #1: "AssumeRole" is not an action; actions look like service:Operation.', statementIndex: 0 },
    ]);
    expect(only(lintTrust(trust(agentCoreStatement({ Action: [] }))), "invalid-action")[0].message).toBe(
      "Statement #1: Action must be a string or a non-empty array of strings.",
    );
    expect(codes(lintTrust(trust(agentCoreStatement({ Action: 5 }))))).toEqual(["invalid-action", "no-agentcore-trust"]);
  });

  it("wildcard-action and partial-wildcard-action", () => {
    expect(lintTrust(trust(agentCoreStatement({ Action: "*" })))).toStrictEqual([
      { severity: "error", code: "wildcard-action", message: 'Statement #1 allows every action of every service ("*").', statementIndex: 0, fix: "List the exact actions the role needs." },
    ]);
    expect(lintTrust(trust(agentCoreStatement({ Action: "sts:*" })))).toMatchObject([
      { severity: "warning", code: "wildcard-action", message: 'Statement #1 allows every sts action ("sts:*"), including ones added later.' },
    ]);
    expect(lintTrust(trust(agentCoreStatement({ Action: "sts:Assume*" })))).toMatchObject([
      { severity: "info", code: "partial-wildcard-action", message: 'Statement #1: "sts:Assume*" also matches actions the service adds later.' },
    ]);
  });

  it("resource-in-trust-policy", () => {
    expect(lintTrust(trust(agentCoreStatement({ Resource: "*" })))).toStrictEqual([
      { severity: "error", code: "resource-in-trust-policy", message: "Statement #1: a trust policy cannot have Resource or NotResource; IAM rejects it.", statementIndex: 0, fix: "Remove Resource / NotResource." },
    ]);
  });

  it("missing-principal", () => {
    const { Principal: _drop, ...noPrincipal } = agentCoreStatement();
    void _drop;
    expect(codes(lintTrust(trust(noPrincipal)))).toEqual(["missing-principal", "no-agentcore-trust"]);
  });

  it("not-principal", () => {
    const { Principal: _drop, ...rest } = agentCoreStatement();
    void _drop;
    const findings = lintTrust(trust([agentCoreStatement(), { ...rest, NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } }]));
    expect(findings).toMatchObject([
      { severity: "error", code: "not-principal", message: "Statement #2: NotPrincipal with Allow trusts everyone except the listed principals.", statementIndex: 1 },
    ]);
  });

  it.each([["*"], [{ AWS: "*" }], [{ AWS: ["arn:aws:iam::111122223333:root", "*"] }]])("wildcard-principal for %j", (principal) => {
    const findings = lintTrust(trust([agentCoreStatement(), { Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" }]));
    expect(only(findings, "wildcard-principal")).toStrictEqual([
      {
        severity: "error",
        code: "wildcard-principal",
        message: 'Statement #2 trusts any principal ("*"), so anyone can assume the role.',
        statementIndex: 1,
        fix: 'Use "Principal": { "Service": "bedrock-agentcore.amazonaws.com" }',
      },
    ]);
  });

  it("additional-principal", () => {
    const findings = lintTrust(trust(agentCoreStatement({ Principal: { Service: ["bedrock-agentcore.amazonaws.com", "lambda.amazonaws.com"] } })));
    expect(findings).toStrictEqual([
      {
        severity: "info",
        code: "additional-principal",
        message: "Statement #1 also trusts Service lambda.amazonaws.com; the gateway's execution role needs only bedrock-agentcore.amazonaws.com.",
        statementIndex: 0,
      },
    ]);
  });

  it("no-agentcore-trust, with the statement to paste when the region is known", () => {
    const lambdaOnly = trust({ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" });
    const findings = lintTrust(lambdaOnly);
    expect(findings[0]).toStrictEqual({
      severity: "error",
      code: "no-agentcore-trust",
      message: "No statement allows bedrock-agentcore.amazonaws.com to call sts:AssumeRole, so the gateway cannot use this role.",
      fix: JSON.stringify(buildGatewayTrustPolicy({ accountId: ACCOUNT, region: REGION }).Statement[0], null, 2),
    });
    expect(codes(findings)).toEqual(["no-agentcore-trust", "additional-principal"]);
    expect(lintTrustPolicy(lambdaOnly, { accountId: ACCOUNT })[0].fix).toBe(
      'Add a statement allowing "Principal": { "Service": "bedrock-agentcore.amazonaws.com" } to call sts:AssumeRole, with aws:SourceAccount and aws:SourceArn conditions.',
    );
  });

  it("no-agentcore-trust when AgentCore may only tag sessions", () => {
    expect(codes(lintTrust(trust(agentCoreStatement({ Action: "sts:TagSession" }))))).toEqual(["no-agentcore-trust"]);
  });

  it("confused-deputy", () => {
    const { Condition: _drop, ...noCondition } = agentCoreStatement();
    void _drop;
    expect(lintTrust(trust(noCondition))).toStrictEqual([
      {
        severity: "error",
        code: "confused-deputy",
        message:
          "Statement #1 lets bedrock-agentcore.amazonaws.com assume the role for any AgentCore resource in any account (confused deputy): it has no aws:SourceAccount or aws:SourceArn condition.",
        statementIndex: 0,
        fix: `Add "Condition": { "StringEquals": { "aws:SourceAccount": "${ACCOUNT}" }, "ArnLike": { "aws:SourceArn": "${SOURCE_ARN}" } }`,
      },
    ]);
  });

  it("confused-deputy when the only conditions are negated", () => {
    const statement = agentCoreStatement({ Condition: { StringNotEquals: { "aws:SourceAccount": OTHER } } });
    expect(codes(lintTrust(trust(statement)))).toEqual(["confused-deputy"]);
  });

  it("missing-source-account", () => {
    expect(lintTrust(trust(agentCoreStatement({ Condition: { ArnLike: { "aws:SourceArn": SOURCE_ARN } } })))).toStrictEqual([
      {
        severity: "warning",
        code: "missing-source-account",
        message: "Statement #1 has no aws:SourceAccount condition.",
        statementIndex: 0,
        fix: `Add to Condition: "StringEquals": { "aws:SourceAccount": "${ACCOUNT}" }`,
      },
    ]);
  });

  it("missing-source-arn", () => {
    expect(lintTrust(trust(agentCoreStatement({ Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } } })))).toStrictEqual([
      {
        severity: "warning",
        code: "missing-source-arn",
        message: "Statement #1 has no aws:SourceArn condition, so any AgentCore resource of the account (not only gateways) can use the role.",
        statementIndex: 0,
        fix: `Add to Condition: "ArnLike": { "aws:SourceArn": "${SOURCE_ARN}" }`,
      },
    ]);
  });

  it("source-account-mismatch", () => {
    const statement = agentCoreStatement({ Condition: { StringEquals: { "aws:SourceAccount": [ACCOUNT, OTHER] }, ArnLike: { "aws:SourceArn": SOURCE_ARN } } });
    expect(lintTrust(trust(statement))).toStrictEqual([
      {
        severity: "error",
        code: "source-account-mismatch",
        message: `Statement #1: aws:SourceAccount allows ${OTHER}, not only this account ${ACCOUNT}.`,
        statementIndex: 0,
        fix: `Set "aws:SourceAccount" to "${ACCOUNT}".`,
      },
    ]);
  });

  it.each([
    [`arn:aws:bedrock-agentcore:${REGION}:${OTHER}:gateway/*`, `account ${OTHER} is not ${ACCOUNT}`],
    [`arn:aws-cn:bedrock-agentcore:${REGION}:${ACCOUNT}:gateway/*`, "partition aws-cn is not aws"],
    [`arn:aws:bedrock-agentcore:eu-west-1:${ACCOUNT}:gateway/*`, "region eu-west-1 is not us-east-1"],
    [`arn:aws:lambda:${REGION}:${ACCOUNT}:gateway/*`, "service lambda is not bedrock-agentcore"],
  ])("source-arn-mismatch for %s", (sourceArn, problem) => {
    const statement = agentCoreStatement({ Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT }, ArnLike: { "aws:SourceArn": sourceArn } } });
    expect(lintTrust(trust(statement))).toStrictEqual([
      {
        severity: "error",
        code: "source-arn-mismatch",
        message: `Statement #1: aws:SourceArn "${sourceArn}" never matches this account's gateways: ${problem}.`,
        statementIndex: 0,
        fix: `Use "ArnLike": { "aws:SourceArn": "${SOURCE_ARN}" }`,
      },
    ]);
  });

  it("does not check the region of aws:SourceArn without a region", () => {
    const statement = agentCoreStatement({ Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT }, ArnLike: { "aws:SourceArn": `arn:aws:bedrock-agentcore:eu-west-1:${ACCOUNT}:gateway/*` } } });
    expect(lintTrustPolicy(trust(statement), { accountId: ACCOUNT })).toEqual([]);
  });

  it.each([
    [`arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:*`, "is not limited to gateways"],
    [`arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:runtime/*`, "is not limited to gateways"],
    ["*", "matches any resource"],
  ])("source-arn-too-broad for %s", (sourceArn, text) => {
    const statement = agentCoreStatement({ Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT }, ArnLike: { "aws:SourceArn": sourceArn } } });
    const findings = lintTrust(trust(statement));
    expect(codes(findings)).toEqual(["source-arn-too-broad"]);
    expect(findings[0]).toMatchObject({ severity: "warning", statementIndex: 0, fix: `Use "ArnLike": { "aws:SourceArn": "${SOURCE_ARN}" }` });
    expect(findings[0].message).toContain(text);
  });

  it("wildcard-with-string-equals", () => {
    const statement = agentCoreStatement({ Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT, "aws:SourceArn": SOURCE_ARN } } });
    expect(lintTrust(trust(statement))).toStrictEqual([
      {
        severity: "error",
        code: "wildcard-with-string-equals",
        message: `Statement #1: StringEquals compares "${SOURCE_ARN}" literally, so the wildcard never matches and AgentCore cannot assume the role.`,
        statementIndex: 0,
        fix: `Use ArnLike for aws:SourceArn: "ArnLike": { "aws:SourceArn": "${SOURCE_ARN}" }`,
      },
    ]);
  });

  it.each([["StringEqualsIfExists"], ["ForAllValues:StringEquals"]])("condition-if-exists for %s", (operator) => {
    const statement = agentCoreStatement({ Condition: { [operator]: { "aws:SourceAccount": ACCOUNT }, ArnLike: { "aws:SourceArn": SOURCE_ARN } } });
    expect(lintTrust(trust(statement))).toStrictEqual([
      {
        severity: "warning",
        code: "condition-if-exists",
        message: `Statement #1: ${operator} on aws:sourceaccount also passes when the key is missing, which weakens the confused-deputy protection.`,
        statementIndex: 0,
        fix: "Use StringEquals without IfExists / ForAllValues.",
      },
    ]);
  });

  it("policy-too-large", () => {
    const doc = trust([agentCoreStatement(), ...Array.from({ length: 12 }, (_, i) => ({ Sid: `Extra${i}`, Effect: "Deny", Principal: { AWS: `arn:aws:iam::${OTHER}:role/${"r".repeat(150)}` }, Action: "sts:AssumeRole" }))]);
    const findings = only(lintTrust(doc), "policy-too-large");
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBe("warning");
    expect(findings[0].message).toMatch(/^The trust policy is \d+ characters without whitespace; IAM's default quota is 2048\.$/);
  });

  it("sorts errors before warnings before infos", () => {
    const statement = agentCoreStatement({
      Action: "sts:Assume*",
      Principal: { Service: ["bedrock-agentcore.amazonaws.com", "ec2.amazonaws.com"] },
      Condition: { StringEquals: { "aws:SourceAccount": OTHER } },
    });
    const findings = lintTrust(trust(statement, "2008-10-17"));
    expect(findings.map((f) => [f.severity, f.code])).toEqual([
      ["error", "source-account-mismatch"],
      ["warning", "version-outdated"],
      ["warning", "missing-source-arn"],
      ["info", "partial-wildcard-action"],
      ["info", "additional-principal"],
    ]);
  });

  it("rejects bad options", () => {
    expect(() => lintTrustPolicy("{}", { accountId: "nope" })).toThrow('options.accountId must be a 12-digit AWS account ID, got "nope"');
    expect(() => lintTrustPolicy("{}", { accountId: ACCOUNT, region: "x" })).toThrow("options.region must be an AWS Region");
  });
});

function required(partition: "aws" | "aws-cn" | "aws-us-gov", region: string): ExecutionRolePolicy {
  const gatewayId = "orders-abcde12345";
  const input: ExecutionRolePolicyInput = {
    accountId: ACCOUNT,
    region,
    gateway: {
      gatewayId,
      gatewayArn: `arn:${partition}:bedrock-agentcore:${region}:${ACCOUNT}:gateway/${gatewayId}`,
      workloadIdentityArn: `arn:${partition}:bedrock-agentcore:${region}:${ACCOUNT}:workload-identity-directory/default/workload-identity/orders-xyz`,
    },
    targets: [
      {
        name: "orders",
        targetConfiguration: {
          mcp: { lambda: { lambdaArn: `arn:${partition}:lambda:${region}:${ACCOUNT}:function:orders`, toolSchema: { s3: { uri: "s3://schemas/orders*.json", bucketOwnerAccountId: ACCOUNT } } } },
        },
        credentialProviderConfigurations: [{ credentialProviderType: "GATEWAY_IAM_ROLE" }],
      },
      {
        name: "crm",
        targetConfiguration: { mcp: { openApiSchema: { inlinePayload: "{}" } } },
        credentialProviderConfigurations: [
          {
            credentialProviderType: "API_KEY",
            credentialProvider: { apiKeyCredentialProvider: { providerArn: `arn:${partition}:bedrock-agentcore:${region}:${ACCOUNT}:token-vault/default/apikeycredentialprovider/crm` } },
          },
        ],
        secretArn: `arn:${partition}:secretsmanager:${region}:${ACCOUNT}:secret:bedrock-agentcore-identity!default/apikey/crm-AbCdEf`,
      },
    ],
  };
  return buildExecutionRolePolicy(input) as ExecutionRolePolicy;
}

const REQUIRED = required("aws", REGION).policy;
const LAMBDA = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:orders`;
const permission = (statement: Record<string, unknown> | Record<string, unknown>[]) => ({ Version: "2012-10-17", Statement: statement });

/** The generated policy with one statement replaced (or removed when replacement is null). */
function replacing(sid: string, replacement: Record<string, unknown> | null): PolicyDocument {
  const statements = REQUIRED.Statement.filter((s) => s.Sid !== sid);
  return { ...REQUIRED, Statement: replacement ? [...statements, replacement as never] : statements };
}

describe("lintPermissionPolicy: a good policy", () => {
  it.each(PARTITIONS)("finds nothing in the generated policy checked against itself in %s", (p, r) => {
    const policy = required(p, r).policy;
    expect(lintPermissionPolicy(policy, { requiredPolicy: policy })).toEqual([]);
    expect(lintPermissionPolicy(formatPolicy(policy), { requiredPolicy: policy })).toEqual([]);
  });

  it("counts action names case-insensitively and merged statements as exact", () => {
    const merged = permission({
      Effect: "Allow",
      Action: ["LAMBDA:invokefunction", "s3:GetObject"],
      Resource: [LAMBDA, "arn:aws:s3:::schemas/orders${*}.json"],
    });
    const lambdaAndSchema = { ...REQUIRED, Statement: REQUIRED.Statement.slice(0, 2) };
    expect(lambdaAndSchema.Statement.map((st) => st.Sid)).toEqual(["InvokeLambdaTargets", "ReadToolSchemasFromS3InAccount123456789012"]);
    expect(lintPermissionPolicy(merged, { requiredPolicy: lambdaAndSchema })).toEqual([]);
  });

  it("takes a generated pattern copied verbatim (workload identity by name) as exact", () => {
    const input: ExecutionRolePolicyInput = {
      accountId: ACCOUNT,
      region: REGION,
      gateway: { gatewayId: "orders-abcde12345", gatewayArn: `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:gateway/orders-abcde12345` },
      targets: [
        {
          credentialProviderConfigurations: [
            { credentialProviderType: "API_KEY", credentialProvider: { apiKeyCredentialProvider: { providerArn: `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:token-vault/default/apikeycredentialprovider/crm` } } },
          ],
          targetConfiguration: { mcp: { mcpServer: { endpoint: "https://x" } } },
        },
      ],
    };
    const byName = (buildExecutionRolePolicy(input) as ExecutionRolePolicy).policy;
    expect(JSON.stringify(byName)).toContain("workload-identity/orders-*");
    expect(lintPermissionPolicy(byName, { requiredPolicy: byName })).toEqual([]);
  });

  it("does not check coverage without a required policy", () => {
    expect(lintPermissionPolicy(permission({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k" }))).toEqual([]);
    expect(lintPermissionPolicy(permission({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k" }), { requiredPolicy: null })).toEqual([]);
  });
});

describe("lintPermissionPolicy: findings", () => {
  it("shares the parse and common findings with the trust linter", () => {
    expect(codes(lintPermissionPolicy("{"))).toEqual(["invalid-json"]);
    expect(codes(lintPermissionPolicy({ Statement: [] }))).toEqual(["not-a-policy"]);
    expect(codes(lintPermissionPolicy({ Statement: { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k" } }))).toEqual(["version-missing"]);
  });

  it("principal-in-identity-policy", () => {
    expect(lintPermissionPolicy(permission({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k" }))).toStrictEqual([
      { severity: "error", code: "principal-in-identity-policy", message: "Statement #1: a role's permission policy cannot name a Principal; IAM rejects it.", statementIndex: 0, fix: "Remove Principal / NotPrincipal." },
    ]);
  });

  it("missing-resource, resource-and-not-resource and invalid-resource", () => {
    expect(lintPermissionPolicy(permission({ Sid: "S", Effect: "Allow", Action: "s3:GetObject" }))).toStrictEqual([
      { severity: "error", code: "missing-resource", message: 'Statement "S" has neither Resource nor NotResource.', statementSid: "S", statementIndex: 0 },
    ]);
    expect(codes(lintPermissionPolicy(permission({ Effect: "Deny", Action: "s3:GetObject", Resource: "a", NotResource: "b" })))).toEqual(["resource-and-not-resource"]);
    expect(lintPermissionPolicy(permission({ Effect: "Allow", Action: "s3:GetObject", Resource: [1] }))).toStrictEqual([
      { severity: "error", code: "invalid-resource", message: "Statement #1: Resource must be a string or a non-empty array of strings.", statementIndex: 0 },
    ]);
  });

  it("wildcard-resource and wildcard-action", () => {
    expect(lintPermissionPolicy(permission({ Effect: "Allow", Action: "lambda:*", Resource: "*" }))).toStrictEqual([
      {
        severity: "warning",
        code: "wildcard-action",
        message: 'Statement #1 allows every lambda action ("lambda:*"), including ones added later.',
        statementIndex: 0,
        fix: "List the exact actions the role needs.",
      },
      { severity: "warning", code: "wildcard-resource", message: 'Statement #1 applies to every resource ("*").', statementIndex: 0, fix: "List the exact ARNs the role needs." },
    ]);
  });

  it("does not flag wildcards in Deny statements", () => {
    expect(lintPermissionPolicy(permission({ Effect: "Deny", Action: "*", NotResource: "*" }))).toEqual([]);
  });

  it("not-action and not-resource", () => {
    expect(codes(lintPermissionPolicy(permission({ Effect: "Allow", NotAction: "iam:*", Resource: LAMBDA })))).toEqual(["not-action"]);
    expect(lintPermissionPolicy(permission({ Effect: "Allow", Action: "lambda:InvokeFunction", NotResource: LAMBDA }))).toStrictEqual([
      {
        severity: "warning",
        code: "not-resource",
        message: `Statement #1 applies to every resource except ${LAMBDA}: NotResource with Allow grants far more than it seems.`,
        statementIndex: 0,
        fix: "Replace NotResource with the exact resources.",
      },
    ]);
  });

  it("missing-permission with the statement to paste", () => {
    const findings = lintPermissionPolicy(replacing("InvokeLambdaTargets", null), { requiredPolicy: REQUIRED });
    expect(findings).toStrictEqual([
      {
        severity: "error",
        code: "missing-permission",
        message: `Missing lambda:InvokeFunction on ${LAMBDA} (generated statement "InvokeLambdaTargets"): the gateway's targets need it.`,
        statementSid: "InvokeLambdaTargets",
        fix: JSON.stringify({ Sid: "InvokeLambdaTargets", Effect: "Allow", Action: "lambda:InvokeFunction", Resource: LAMBDA }, null, 2),
      },
    ]);
  });

  it("missing-permission lists only the uncovered resources and keeps conditions in the fix", () => {
    const partial = replacing("GetResourceApiKey", {
      Sid: "GetResourceApiKey",
      Effect: "Allow",
      Action: "bedrock-agentcore:GetResourceApiKey",
      Resource: [`arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:token-vault/default`, `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:token-vault/default/apikeycredentialprovider/crm`],
    });
    const findings = lintPermissionPolicy(partial, { requiredPolicy: REQUIRED });
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toBe(
      `Missing bedrock-agentcore:GetResourceApiKey on arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:workload-identity-directory/default, arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:workload-identity-directory/default/workload-identity/orders-xyz (generated statement "GetResourceApiKey"): the gateway's targets need it.`,
    );

    const s3 = lintPermissionPolicy(replacing("ReadToolSchemasFromS3InAccount123456789012", null), { requiredPolicy: REQUIRED });
    expect(JSON.parse(s3[0].fix!)).toStrictEqual({
      Sid: "ReadToolSchemasFromS3InAccount123456789012",
      Effect: "Allow",
      Action: "s3:GetObject",
      Resource: "arn:aws:s3:::schemas/orders${*}.json",
      Condition: { StringEquals: { "s3:ResourceAccount": ACCOUNT } },
    });
  });

  it("missing-permission when a qualified grant does not cover the unqualified function", () => {
    const findings = lintPermissionPolicy(
      replacing("InvokeLambdaTargets", { Effect: "Allow", Action: "lambda:InvokeFunction", Resource: `${LAMBDA}:*` }),
      { requiredPolicy: REQUIRED },
    );
    expect(codes(findings)).toEqual(["missing-permission"]);
  });

  it("covered-by-wildcard", () => {
    const findings = lintPermissionPolicy(
      replacing("InvokeLambdaTargets", { Sid: "AllLambdas", Effect: "Allow", Action: "lambda:Invoke*", Resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:*` }),
      { requiredPolicy: REQUIRED },
    );
    expect(findings).toStrictEqual([
      {
        severity: "warning",
        code: "wildcard-resource",
        message: `Statement "AllLambdas": "arn:aws:lambda:${REGION}:${ACCOUNT}:function:*" reaches every Lambda function it matches, not only the targets' functions.`,
        statementSid: "AllLambdas",
        statementIndex: REQUIRED.Statement.length - 1,
        fix: "List the exact function ARNs and S3 object ARNs the targets use.",
      },
      {
        severity: "warning",
        code: "covered-by-wildcard",
        message: `lambda:InvokeFunction on ${LAMBDA} is allowed only through wildcards in Statement "AllLambdas"; it also grants what the targets do not need.`,
        statementSid: "AllLambdas",
        statementIndex: REQUIRED.Statement.length - 1,
        fix: JSON.stringify({ Sid: "InvokeLambdaTargets", Effect: "Allow", Action: "lambda:InvokeFunction", Resource: LAMBDA }, null, 2),
      },
      { severity: "info", code: "partial-wildcard-action", message: 'Statement "AllLambdas": "lambda:Invoke*" also matches actions the service adds later.', statementSid: "AllLambdas", statementIndex: REQUIRED.Statement.length - 1 },
    ]);
  });

  it("wildcard Lambda and S3 resources say what they reach", () => {
    const messages = (statement: Record<string, unknown>) => only(lintPermissionPolicy(permission(statement)), "wildcard-resource").map((f) => f.message);
    expect(messages({ Effect: "Allow", Action: "lambda:InvokeFunction", Resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:orders-*` })).toEqual([
      `Statement #1: "arn:aws:lambda:${REGION}:${ACCOUNT}:function:orders-*" reaches every Lambda function it matches, not only the targets' functions.`,
    ]);
    expect(messages({ Effect: "Allow", Action: "lambda:InvokeFunction", Resource: `arn:aws:lambda:*:*:function:orders` })).toEqual([
      'Statement #1: "arn:aws:lambda:*:*:function:orders" matches functions in other regions or accounts.',
    ]);
    expect(messages({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::schemas/*" })).toEqual([
      'Statement #1: "arn:aws:s3:::schemas/*" reaches every object of the bucket schemas, not only the tool schemas.',
    ]);
    expect(messages({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::schemas-*/orders.json" })).toEqual([
      'Statement #1: "arn:aws:s3:::schemas-*/orders.json" reaches objects in every bucket it matches.',
    ]);
    expect(messages({ Effect: "Allow", Action: "lambda:InvokeFunction", Resource: `${LAMBDA}:PROD` })).toEqual([]);
    expect(messages({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::schemas/tools/orders.json" })).toEqual([]);
  });

  it("action-resource-mismatch: an action on a resource type it is never authorized on", () => {
    const findings = (statement: Record<string, unknown>) => only(lintPermissionPolicy(permission(statement)), "action-resource-mismatch");
    expect(findings({ Sid: "S", Effect: "Allow", Action: "lambda:InvokeFunction", Resource: "arn:aws:s3:::schemas/orders.json" })).toStrictEqual([
      {
        severity: "error",
        code: "action-resource-mismatch",
        message: 'Statement "S": lambda:InvokeFunction is authorized on a Lambda function, and none of arn:aws:s3:::schemas/orders.json is one, so it grants nothing.',
        statementSid: "S",
        statementIndex: 0,
        fix: "Put lambda:InvokeFunction in a statement whose Resource is a Lambda function ARN such as arn:aws:lambda:REGION:ACCOUNT:function:NAME.",
      },
    ]);
    expect(findings({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::schemas" })).toMatchObject([{ message: expect.stringContaining("s3:GetObject is authorized on an S3 object") }]);
    expect(findings({ Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::schemas/*" })).toMatchObject([{ message: expect.stringContaining("s3:ListBucket is authorized on an S3 bucket") }]);
    expect(findings({ Effect: "Allow", Action: "execute-api:Invoke", Resource: LAMBDA })).toHaveLength(1);
    // Mixed statements are fine while some resource fits each action, and "*" or wildcard services fit anything.
    expect(findings({ Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: ["arn:aws:s3:::schemas", "arn:aws:s3:::schemas/a.json"] })).toEqual([]);
    expect(findings({ Effect: "Allow", Action: "lambda:InvokeFunction", Resource: "arn:aws:*:*:*:*" })).toEqual([]);
    expect(findings({ Effect: "Allow", Action: "lambda:InvokeFunction", Resource: "*" })).toEqual([]);
  });

  it("does not ask to scope actions that have no resource type", () => {
    expect(lintPermissionPolicy(permission({ Effect: "Allow", Action: ["lambda:ListFunctions", "s3:ListAllMyBuckets"], Resource: "*" }))).toEqual([]);
    const mixed = only(lintPermissionPolicy(permission({ Effect: "Allow", Action: ["lambda:ListFunctions", "lambda:InvokeFunction"], Resource: "*" })), "wildcard-resource");
    expect(mixed).toStrictEqual([
      {
        severity: "warning",
        code: "wildcard-resource",
        message: 'Statement #1 applies lambda:InvokeFunction to every resource ("*"). lambda:ListFunctions cannot be limited to resources, but the others can.',
        statementIndex: 0,
        fix: 'Keep lambda:ListFunctions in a statement of its own on "*", and list the exact ARNs for lambda:InvokeFunction.',
      },
    ]);
  });

  it("covered-by-wildcard for an Allow with NotAction", () => {
    const findings = lintPermissionPolicy(replacing("InvokeLambdaTargets", { Effect: "Allow", NotAction: "iam:*", Resource: LAMBDA }), { requiredPolicy: REQUIRED });
    expect(codes(findings)).toEqual(["not-action", "covered-by-wildcard"]);
  });

  it("covered-by-wildcard for one admin statement covering everything", () => {
    const findings = lintPermissionPolicy(permission({ Effect: "Allow", Action: "*", Resource: "*" }), { requiredPolicy: REQUIRED });
    expect(codes(findings)).toEqual([
      "wildcard-action",
      "wildcard-resource",
      ...REQUIRED.Statement.map(() => "covered-by-wildcard" as const),
    ]);
  });

  it("denied-by-statement", () => {
    const deny = { Sid: "NoLambda", Effect: "Deny", Action: "lambda:*", Resource: "*" };
    const findings = lintPermissionPolicy({ ...REQUIRED, Statement: [...REQUIRED.Statement, deny] }, { requiredPolicy: REQUIRED });
    expect(findings).toStrictEqual([
      {
        severity: "error",
        code: "denied-by-statement",
        message: `Statement "NoLambda" denies lambda:InvokeFunction on ${LAMBDA}, which the gateway's targets need; an explicit Deny wins over any Allow.`,
        statementSid: "NoLambda",
        statementIndex: REQUIRED.Statement.length,
        fix: "Narrow or remove the Deny statement.",
      },
    ]);
  });

  it("ignores conditional denies, which may not apply", () => {
    const deny = { Effect: "Deny", Action: "lambda:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } };
    expect(lintPermissionPolicy({ ...REQUIRED, Statement: [...REQUIRED.Statement, deny] }, { requiredPolicy: REQUIRED })).toEqual([]);
  });

  it("policy-too-large: a warning past the managed-policy size, an error past the inline limit", () => {
    const big = (count: number) =>
      permission(Array.from({ length: count }, (_, i) => ({ Sid: `S${i}`, Effect: "Allow", Action: "s3:GetObject", Resource: `arn:aws:s3:::bucket/${"k".repeat(90)}${i}` })));
    expect(only(lintPermissionPolicy(big(45)), "policy-too-large")).toMatchObject([{ severity: "warning" }]);
    expect(only(lintPermissionPolicy(big(60)), "policy-too-large")).toMatchObject([{ severity: "error", fix: "Split it into several managed policies." }]);
    expect(only(lintPermissionPolicy(big(30)), "policy-too-large")).toEqual([]);
  });
});

describe("parsePolicyDocument is exported from the linter", () => {
  it("gives a precise error for pasted text", () => {
    expect(parsePolicyDocument('{"Statement": [}')).toMatchObject({ ok: false, error: { kind: "json", line: 1, column: 16 } });
  });
});
