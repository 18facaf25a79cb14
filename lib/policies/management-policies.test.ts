import { describe, expect, it } from "vitest";
import {
  buildGatewayFullAccessPolicy,
  buildGatewayReadOnlyPolicy,
  GATEWAY_LIST_ACTIONS,
  GATEWAY_READ_ACTIONS,
  GATEWAY_WRITE_ACTIONS,
} from "./management-policies";
import { formatPolicy } from "./policy-document";

const ACCOUNT = "123456789012";
const PARTITIONS = [
  ["aws", "us-east-1"],
  ["aws-cn", "cn-north-1"],
  ["aws-us-gov", "us-gov-west-1"],
] as const;

const LIST = {
  Sid: "ListAgentCoreGatewayResources",
  Effect: "Allow",
  Action: [
    "bedrock-agentcore:ListApiKeyCredentialProviders",
    "bedrock-agentcore:ListGatewayTargets",
    "bedrock-agentcore:ListGateways",
    "bedrock-agentcore:ListOauth2CredentialProviders",
    "bedrock-agentcore:ListWorkloadIdentities",
  ],
  Resource: "*",
};

const MANAGE_GATEWAY_ACTIONS = [
  "bedrock-agentcore:CreateGateway",
  "bedrock-agentcore:CreateGatewayTarget",
  "bedrock-agentcore:DeleteGateway",
  "bedrock-agentcore:DeleteGatewayTarget",
  "bedrock-agentcore:GetGateway",
  "bedrock-agentcore:GetGatewayTarget",
  "bedrock-agentcore:ListTagsForResource",
  "bedrock-agentcore:SynchronizeGatewayTargets",
  "bedrock-agentcore:TagResource",
  "bedrock-agentcore:UntagResource",
  "bedrock-agentcore:UpdateGateway",
  "bedrock-agentcore:UpdateGatewayTarget",
];

function fullAccess(p: string, r: string, a: string, gatewayResource: string | string[], gatewayActions = MANAGE_GATEWAY_ACTIONS) {
  return {
    Version: "2012-10-17",
    Statement: [
      LIST,
      { Sid: "ManageGateways", Effect: "Allow", Action: gatewayActions, Resource: gatewayResource },
      {
        Sid: "ManageCredentialProviders",
        Effect: "Allow",
        Action: [
          "bedrock-agentcore:CreateApiKeyCredentialProvider",
          "bedrock-agentcore:CreateOauth2CredentialProvider",
          "bedrock-agentcore:DeleteApiKeyCredentialProvider",
          "bedrock-agentcore:DeleteOauth2CredentialProvider",
          "bedrock-agentcore:GetApiKeyCredentialProvider",
          "bedrock-agentcore:GetOauth2CredentialProvider",
          "bedrock-agentcore:GetTokenVault",
          "bedrock-agentcore:UpdateApiKeyCredentialProvider",
          "bedrock-agentcore:UpdateOauth2CredentialProvider",
        ],
        Resource: `arn:${p}:bedrock-agentcore:${r}:${a}:token-vault/*`,
      },
      {
        Sid: "ManageWorkloadIdentities",
        Effect: "Allow",
        Action: [
          "bedrock-agentcore:CreateWorkloadIdentity",
          "bedrock-agentcore:DeleteWorkloadIdentity",
          "bedrock-agentcore:GetWorkloadIdentity",
          "bedrock-agentcore:UpdateWorkloadIdentity",
        ],
        Resource: `arn:${p}:bedrock-agentcore:${r}:${a}:workload-identity-directory/*`,
      },
      {
        Sid: "ManageCredentialProviderSecrets",
        Effect: "Allow",
        Action: ["secretsmanager:CreateSecret", "secretsmanager:DeleteSecret", "secretsmanager:DescribeSecret", "secretsmanager:PutSecretValue"],
        Resource: `arn:${p}:secretsmanager:${r}:${a}:secret:bedrock-agentcore-identity!*`,
      },
      {
        Sid: "PassExecutionRoleToAgentCore",
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: `arn:${p}:iam::${a}:role/*`,
        Condition: { StringEquals: { "iam:PassedToService": "bedrock-agentcore.amazonaws.com" } },
      },
    ],
  };
}

function readOnly(p: string, r: string, a: string, gatewayResource: string | string[]) {
  return {
    Version: "2012-10-17",
    Statement: [
      LIST,
      {
        Sid: "ReadGateways",
        Effect: "Allow",
        Action: ["bedrock-agentcore:GetGateway", "bedrock-agentcore:GetGatewayTarget", "bedrock-agentcore:ListTagsForResource"],
        Resource: gatewayResource,
      },
      {
        Sid: "ReadCredentialProviders",
        Effect: "Allow",
        Action: ["bedrock-agentcore:GetApiKeyCredentialProvider", "bedrock-agentcore:GetOauth2CredentialProvider", "bedrock-agentcore:GetTokenVault"],
        Resource: `arn:${p}:bedrock-agentcore:${r}:${a}:token-vault/*`,
      },
      {
        Sid: "ReadWorkloadIdentities",
        Effect: "Allow",
        Action: "bedrock-agentcore:GetWorkloadIdentity",
        Resource: `arn:${p}:bedrock-agentcore:${r}:${a}:workload-identity-directory/*`,
      },
    ],
  };
}

describe("buildGatewayFullAccessPolicy", () => {
  it.each(PARTITIONS)("produces the exact JSON for an account and region in %s (%s)", (p, r) => {
    const { policy } = buildGatewayFullAccessPolicy({ accountId: ACCOUNT, region: r });
    expect(formatPolicy(policy)).toBe(JSON.stringify(fullAccess(p, r, ACCOUNT, `arn:${p}:bedrock-agentcore:${r}:${ACCOUNT}:gateway/*`), null, 2));
  });

  it("uses wildcards for an unknown account and region", () => {
    expect(formatPolicy(buildGatewayFullAccessPolicy().policy)).toBe(
      JSON.stringify(fullAccess("aws", "*", "*", "arn:aws:bedrock-agentcore:*:*:gateway/*"), null, 2),
    );
  });

  it("honours a partition without a region", () => {
    expect(buildGatewayFullAccessPolicy({ partition: "aws-cn" }).policy).toStrictEqual(
      fullAccess("aws-cn", "*", "*", "arn:aws-cn:bedrock-agentcore:*:*:gateway/*"),
    );
  });

  it.each(PARTITIONS)("scopes gateway actions to chosen gateways and drops CreateGateway in %s", (p, r) => {
    const a = `arn:${p}:bedrock-agentcore:${r}:${ACCOUNT}:gateway/zeta-gw-abcde12345`;
    const b = `arn:${p}:bedrock-agentcore:${r}:${ACCOUNT}:gateway/alpha-gw-abcde12345`;
    const { policy, explanations } = buildGatewayFullAccessPolicy({ accountId: ACCOUNT, region: r, gatewayArns: [a, b, a] });
    expect(policy).toStrictEqual(fullAccess(p, r, ACCOUNT, [b, a], MANAGE_GATEWAY_ACTIONS.filter((x) => x !== "bedrock-agentcore:CreateGateway")));
    expect(explanations.find((e) => e.sid === "ManageGateways")?.why).toContain("CreateGateway is left out");
    expect(explanations.find((e) => e.sid === "ManageCredentialProviders")?.why).toContain("even when gateways are chosen");
  });

  it("keeps a single chosen gateway as a string resource", () => {
    const arn = `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:gateway/only-gw-abcde12345`;
    const { policy } = buildGatewayFullAccessPolicy({ gatewayArns: [arn] });
    expect(policy.Statement[1].Resource).toBe(arn);
  });

  it("narrows iam:PassRole to listed execution roles", () => {
    const roles = [`arn:aws:iam::${ACCOUNT}:role/service-role/gw-b`, `arn:aws:iam::${ACCOUNT}:role/gw-a`];
    const { policy, explanations } = buildGatewayFullAccessPolicy({ accountId: ACCOUNT, region: "us-east-1", executionRoleArns: roles });
    expect(policy.Statement.at(-1)).toStrictEqual({
      Sid: "PassExecutionRoleToAgentCore",
      Effect: "Allow",
      Action: "iam:PassRole",
      Resource: [`arn:aws:iam::${ACCOUNT}:role/gw-a`, `arn:aws:iam::${ACCOUNT}:role/service-role/gw-b`],
      Condition: { StringEquals: { "iam:PassedToService": "bedrock-agentcore.amazonaws.com" } },
    });
    expect(explanations.at(-1)?.why).not.toContain("list the execution roles");
  });

  it("explains every statement, List on * included", () => {
    const { policy, explanations } = buildGatewayFullAccessPolicy({ accountId: ACCOUNT, region: "us-east-1" });
    expect(explanations.map((e) => e.sid)).toEqual(policy.Statement.map((s) => s.Sid));
    expect(explanations[0].why).toContain('do not support resource-level permissions: IAM evaluates them against "*"');
    expect(explanations.at(-1)?.why).toContain("iam:PassedToService");
  });

  describe("rejects bad input", () => {
    it.each([
      [{ accountId: "x" }, 'accountId must be a 12-digit AWS account ID, got "x"'],
      [{ region: "earth" }, "region must be an AWS Region"],
      [{ region: "us-east-1", partition: "aws-cn" as const }, "partition aws-cn does not match region us-east-1"],
      [{ partition: "aws-iso" as never }, 'partition must be one of aws, aws-cn, aws-us-gov, got "aws-iso"'],
      [{ gatewayArns: ["arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/*"] }, "gatewayArns must hold gateway ARNs"],
      [{ gatewayArns: ["my-gateway-abcde12345"] }, 'gatewayArns must hold gateway ARNs, got "my-gateway-abcde12345"'],
      [
        { partition: "aws-cn" as const, gatewayArns: [`arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:gateway/g-abcde12345`] },
        "is not in partition aws-cn",
      ],
      [{ region: "us-west-2", gatewayArns: [`arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:gateway/g-abcde12345`] }, "is not in region us-west-2"],
      [{ accountId: "210987654321", gatewayArns: [`arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:gateway/g-abcde12345`] }, "is not in account 210987654321"],
      [{ executionRoleArns: ["arn:aws:iam::123456789012:user/bob"] }, "executionRoleArns must hold IAM role ARNs in partition aws"],
      [{ partition: "aws-cn" as const, executionRoleArns: [`arn:aws:iam::${ACCOUNT}:role/r`] }, "executionRoleArns must hold IAM role ARNs in partition aws-cn"],
      [{ accountId: "210987654321", executionRoleArns: [`arn:aws:iam::${ACCOUNT}:role/r`] }, "is not in account 210987654321"],
    ])("%j", (input, message) => {
      expect(() => buildGatewayFullAccessPolicy(input)).toThrow(message);
    });
  });
});

describe("buildGatewayReadOnlyPolicy", () => {
  it.each(PARTITIONS)("produces the exact JSON for an account and region in %s (%s)", (p, r) => {
    expect(formatPolicy(buildGatewayReadOnlyPolicy({ accountId: ACCOUNT, region: r }).policy)).toBe(
      JSON.stringify(readOnly(p, r, ACCOUNT, `arn:${p}:bedrock-agentcore:${r}:${ACCOUNT}:gateway/*`), null, 2),
    );
  });

  it("scopes reads to chosen gateways, List actions still on *", () => {
    const arn = `arn:aws-us-gov:bedrock-agentcore:us-gov-west-1:${ACCOUNT}:gateway/g-abcde12345`;
    const { policy, explanations } = buildGatewayReadOnlyPolicy({ region: "us-gov-west-1", gatewayArns: [arn] });
    expect(policy).toStrictEqual(readOnly("aws-us-gov", "us-gov-west-1", "*", arn));
    expect(explanations.map((e) => e.sid)).toEqual(["ListAgentCoreGatewayResources", "ReadGateways", "ReadCredentialProviders", "ReadWorkloadIdentities"]);
  });

  it("grants no write action and no iam:PassRole", () => {
    const actions = buildGatewayReadOnlyPolicy().policy.Statement.flatMap((s) => [s.Action].flat());
    for (const action of actions) expect(action).toMatch(/^bedrock-agentcore:(Get|List)/);
  });
});

describe("action lists", () => {
  it("are all AgentCore actions from the service model", () => {
    for (const action of [...GATEWAY_LIST_ACTIONS, ...GATEWAY_READ_ACTIONS, ...GATEWAY_WRITE_ACTIONS]) {
      expect(action).toMatch(/^bedrock-agentcore:[A-Z][A-Za-z0-9]+$/);
    }
  });
});
