// Builds the full-access and read-only policies for people who manage AgentCore gateways.

import { isAccountId, isPartition, parseArn, resolvePartition, assertAccountId, type Partition } from "./arn";
import {
  oneOrMany,
  POLICY_VERSION,
  sortedUnique,
  type PolicyDocument,
  type PolicyStatement,
  type StatementExplanation,
} from "./policy-document";
import { AGENTCORE_SERVICE_PRINCIPAL } from "./trust-policy";

export interface ManagementPolicyInput {
  /** Without an account the ARNs use `*` for it; with one they stay in that account. */
  accountId?: string;
  /** Without a region the ARNs use `*` for it. */
  region?: string;
  /** Defaults to the region's partition, or aws without a region. */
  partition?: Partition;
  /** Limit gateway and target actions to these gateways; List actions stay on "*". */
  gatewayArns?: string[];
  /** Full access only: the roles that may be passed to AgentCore as execution roles. */
  executionRoleArns?: string[];
}

export interface ManagementPolicy {
  policy: PolicyDocument;
  explanations: StatementExplanation[];
}

const ac = (action: string) => `bedrock-agentcore:${action}`;

// List operations have no resource to scope, so IAM only honours them on "*".
export const GATEWAY_LIST_ACTIONS = [
  "ListGateways",
  "ListGatewayTargets",
  "ListApiKeyCredentialProviders",
  "ListOauth2CredentialProviders",
  "ListWorkloadIdentities",
].map(ac);

export const GATEWAY_READ_ACTIONS = ["GetGateway", "GetGatewayTarget", "ListTagsForResource"].map(ac);

export const GATEWAY_WRITE_ACTIONS = [
  "CreateGateway",
  "UpdateGateway",
  "DeleteGateway",
  "CreateGatewayTarget",
  "UpdateGatewayTarget",
  "DeleteGatewayTarget",
  "SynchronizeGatewayTargets",
  "TagResource",
  "UntagResource",
].map(ac);

export const CREDENTIAL_PROVIDER_READ_ACTIONS = ["GetApiKeyCredentialProvider", "GetOauth2CredentialProvider", "GetTokenVault"].map(ac);

export const CREDENTIAL_PROVIDER_WRITE_ACTIONS = [
  "CreateApiKeyCredentialProvider",
  "UpdateApiKeyCredentialProvider",
  "DeleteApiKeyCredentialProvider",
  "CreateOauth2CredentialProvider",
  "UpdateOauth2CredentialProvider",
  "DeleteOauth2CredentialProvider",
].map(ac);

export const WORKLOAD_IDENTITY_READ_ACTIONS = ["GetWorkloadIdentity"].map(ac);
export const WORKLOAD_IDENTITY_WRITE_ACTIONS = ["CreateWorkloadIdentity", "UpdateWorkloadIdentity", "DeleteWorkloadIdentity"].map(ac);

export const CREDENTIAL_SECRET_ACTIONS = [
  "secretsmanager:CreateSecret",
  "secretsmanager:DeleteSecret",
  "secretsmanager:DescribeSecret",
  "secretsmanager:PutSecretValue",
];

export const MANAGEMENT_SIDS = {
  list: "ListAgentCoreGatewayResources",
  manageGateways: "ManageGateways",
  readGateways: "ReadGateways",
  manageCredentialProviders: "ManageCredentialProviders",
  readCredentialProviders: "ReadCredentialProviders",
  manageWorkloadIdentities: "ManageWorkloadIdentities",
  readWorkloadIdentities: "ReadWorkloadIdentities",
  credentialSecrets: "ManageCredentialProviderSecrets",
  passRole: "PassExecutionRoleToAgentCore",
} as const;

const GATEWAY_ARN_PATTERN =
  /^arn:aws(|-cn|-us-gov):bedrock-agentcore:[a-z0-9-]{1,20}:[0-9]{12}:gateway\/([0-9a-z][-]?){1,48}-[a-z0-9]{10}$/;
const ROLE_ARN_PATTERN = /^arn:aws(|-cn|-us-gov):iam::[0-9]{12}:role\/[\w+=,.@/-]+$/;

interface Scope {
  partition: Partition;
  region: string;
  account: string;
  gatewayArns: string[];
}

function resolveScope(input: ManagementPolicyInput): Scope {
  if (input.accountId !== undefined) assertAccountId(input.accountId);
  let partition: Partition;
  if (input.region !== undefined) partition = resolvePartition(input.region, input.partition);
  else if (input.partition === undefined) partition = "aws";
  else if (isPartition(input.partition)) partition = input.partition;
  else throw new Error(`partition must be one of aws, aws-cn, aws-us-gov, got ${JSON.stringify(input.partition)}`);

  const gatewayArns = sortedUnique(input.gatewayArns ?? []);
  for (const arn of gatewayArns) {
    const parsed = parseArn(arn);
    if (!GATEWAY_ARN_PATTERN.test(arn) || !parsed) {
      throw new Error(`gatewayArns must hold gateway ARNs, got ${JSON.stringify(arn)}`);
    }
    if (parsed.partition !== partition) throw new Error(`gateway ${arn} is not in partition ${partition}`);
    if (input.region !== undefined && parsed.region !== input.region) throw new Error(`gateway ${arn} is not in region ${input.region}`);
    if (input.accountId !== undefined && parsed.accountId !== input.accountId) {
      throw new Error(`gateway ${arn} is not in account ${input.accountId}`);
    }
  }
  return { partition, region: input.region ?? "*", account: input.accountId ?? "*", gatewayArns };
}

function agentCore(scope: Scope, resource: string) {
  return `arn:${scope.partition}:bedrock-agentcore:${scope.region}:${scope.account}:${resource}`;
}

function allow(sid: string, actions: string[], resources: string[], condition?: PolicyStatement["Condition"]): PolicyStatement {
  const s: PolicyStatement = {
    Sid: sid,
    Effect: "Allow",
    Action: oneOrMany(sortedUnique(actions)),
    Resource: oneOrMany(sortedUnique(resources)),
  };
  if (condition) s.Condition = condition;
  return s;
}

function where(scope: Scope) {
  const region = scope.region === "*" ? "any region" : scope.region;
  const account = scope.account === "*" ? "any account" : `account ${scope.account}`;
  return `${account}, ${region}`;
}

function build(input: ManagementPolicyInput, full: boolean): ManagementPolicy {
  const scope = resolveScope(input);
  const scoped = scope.gatewayArns.length > 0;
  const statements: PolicyStatement[] = [];
  const explanations: StatementExplanation[] = [];
  const push = (s: PolicyStatement, why: string) => {
    statements.push(s);
    explanations.push({ sid: s.Sid!, why });
  };

  push(
    allow(MANAGEMENT_SIDS.list, GATEWAY_LIST_ACTIONS, ["*"]),
    "List actions do not support resource-level permissions: IAM evaluates them against \"*\", so they sit in their own statement. They reveal names and IDs, not configurations.",
  );

  const gatewayResources = scoped ? scope.gatewayArns : [agentCore(scope, "gateway/*")];
  const gatewayActions = full
    ? [...GATEWAY_READ_ACTIONS, ...GATEWAY_WRITE_ACTIONS.filter((a) => !scoped || a !== ac("CreateGateway"))]
    : GATEWAY_READ_ACTIONS;
  const gatewayWhy = scoped
    ? `Only the chosen gateways and their targets (targets are authorized on their gateway's ARN).${full ? " CreateGateway is left out: a new gateway's ID, and so its ARN, does not exist before it is created." : ""}`
    : `Every gateway and its targets in ${where(scope)} (targets are authorized on their gateway's ARN).`;
  push(
    allow(full ? MANAGEMENT_SIDS.manageGateways : MANAGEMENT_SIDS.readGateways, gatewayActions, gatewayResources),
    full ? `Create, change, synchronize, tag and delete gateways. ${gatewayWhy}` : `Read gateway and target configurations and tags. ${gatewayWhy}`,
  );

  const vault = agentCore(scope, "token-vault/*");
  push(
    allow(
      full ? MANAGEMENT_SIDS.manageCredentialProviders : MANAGEMENT_SIDS.readCredentialProviders,
      full ? [...CREDENTIAL_PROVIDER_READ_ACTIONS, ...CREDENTIAL_PROVIDER_WRITE_ACTIONS] : CREDENTIAL_PROVIDER_READ_ACTIONS,
      [vault],
    ),
    `${full ? "Manage" : "Read"} the API key and OAuth credential providers that targets use for outbound auth. They live in the token vault, not in a gateway, so they are scoped to the vault in ${where(scope)}${scoped ? " even when gateways are chosen" : ""}.`,
  );

  const directory = agentCore(scope, "workload-identity-directory/*");
  push(
    allow(
      full ? MANAGEMENT_SIDS.manageWorkloadIdentities : MANAGEMENT_SIDS.readWorkloadIdentities,
      full ? [...WORKLOAD_IDENTITY_READ_ACTIONS, ...WORKLOAD_IDENTITY_WRITE_ACTIONS] : WORKLOAD_IDENTITY_READ_ACTIONS,
      [directory],
    ),
    full
      ? "Each gateway has a workload identity that AgentCore creates with it and deletes with it; outbound API key and OAuth calls are made as that identity."
      : "Read the workload identities that gateways use for outbound API key and OAuth calls.",
  );

  if (full) {
    push(
      allow(MANAGEMENT_SIDS.credentialSecrets, CREDENTIAL_SECRET_ACTIONS, [
        `arn:${scope.partition}:secretsmanager:${scope.region}:${scope.account}:secret:bedrock-agentcore-identity!*`,
      ]),
      "Creating, updating and deleting a credential provider creates, writes and deletes its Secrets Manager secret on your behalf; AgentCore names them bedrock-agentcore-identity!…, so no other secret is reachable. Reading secret values is not granted.",
    );
    const roles = input.executionRoleArns?.length ? sortedUnique(input.executionRoleArns) : [`arn:${scope.partition}:iam::${scope.account}:role/*`];
    for (const role of input.executionRoleArns ?? []) {
      if (!ROLE_ARN_PATTERN.test(role) || parseArn(role)?.partition !== scope.partition) {
        throw new Error(`executionRoleArns must hold IAM role ARNs in partition ${scope.partition}, got ${JSON.stringify(role)}`);
      }
      if (isAccountId(input.accountId) && parseArn(role)?.accountId !== input.accountId) {
        throw new Error(`execution role ${role} is not in account ${input.accountId}`);
      }
    }
    push(
      allow(MANAGEMENT_SIDS.passRole, ["iam:PassRole"], roles, {
        StringEquals: { "iam:PassedToService": AGENTCORE_SERVICE_PRINCIPAL },
      }),
      `CreateGateway and UpdateGateway pass the execution role to AgentCore. iam:PassedToService limits the pass to ${AGENTCORE_SERVICE_PRINCIPAL}, so these roles cannot be handed to any other service${input.executionRoleArns?.length ? "" : "; list the execution roles to narrow it further"}.`,
    );
  }

  return { policy: { Version: POLICY_VERSION, Statement: statements }, explanations };
}

export function buildGatewayFullAccessPolicy(input: ManagementPolicyInput = {}): ManagementPolicy {
  return build(input, true);
}

export function buildGatewayReadOnlyPolicy(input: ManagementPolicyInput = {}): ManagementPolicy {
  return build(input, false);
}
