// Builds the least-privilege permission policy of a gateway's execution role from its targets.

import {
  agentCoreArn,
  assertAccountId,
  formatArn,
  parseArn,
  parseS3Uri,
  resolvePartition,
  s3ObjectArn,
  type Partition,
} from "./arn";
import {
  oneOrMany,
  POLICY_VERSION,
  sortedUnique,
  type PolicyDocument,
  type PolicyStatement,
  type StatementExplanation,
} from "./policy-document";

// Minimal mirrors of the GetGateway / GetGatewayTarget output shapes (SDK members are optional
// there too), so SDK results can be passed as they are without this module importing the SDK.

export type CredentialProviderType =
  | "GATEWAY_IAM_ROLE"
  | "OAUTH"
  | "API_KEY"
  | "CALLER_IAM_CREDENTIALS"
  | "JWT_PASSTHROUGH";

export interface S3LocationInput {
  uri?: string;
  bucketOwnerAccountId?: string;
}

export interface SchemaSourceInput {
  s3?: S3LocationInput;
  inlinePayload?: unknown;
}

export interface McpTargetConfigurationInput {
  lambda?: { lambdaArn?: string; toolSchema?: SchemaSourceInput };
  openApiSchema?: SchemaSourceInput;
  smithyModel?: SchemaSourceInput;
  mcpServer?: { endpoint?: string };
  apiGateway?: { restApiId?: string; stage?: string };
  connector?: unknown;
}

export interface TargetConfigurationInput {
  mcp?: McpTargetConfigurationInput;
  http?: unknown;
  inference?: unknown;
}

export interface CredentialProviderInput {
  oauthCredentialProvider?: { providerArn?: string; scopes?: string[]; grantType?: string };
  apiKeyCredentialProvider?: { providerArn?: string };
  iamCredentialProvider?: { service?: string; region?: string };
}

export interface CredentialProviderConfigurationInput {
  credentialProviderType?: CredentialProviderType;
  credentialProvider?: CredentialProviderInput;
}

export interface TargetInput {
  name?: string;
  targetId?: string;
  targetConfiguration?: TargetConfigurationInput;
  credentialProviderConfigurations?: CredentialProviderConfigurationInput[];
  /** The provider's secret (apiKeySecretArn.secretArn / clientSecretArn.secretArn) when known. */
  secretArn?: string;
}

export interface GatewayInput {
  gatewayId: string;
  gatewayArn: string;
  /** The gateway name; used to name its workload identity when workloadIdentityArn is unknown. */
  name?: string;
  kmsKeyArn?: string;
  /** GetGateway's workloadIdentityDetails.workloadIdentityArn. */
  workloadIdentityArn?: string;
}

export interface ExecutionRolePolicyInput {
  accountId: string;
  region: string;
  partition?: Partition;
  gateway: GatewayInput;
  targets: TargetInput[];
  /** providerArn → the provider's Secrets Manager secret ARN; wins over TargetInput.secretArn. */
  providerSecretArns?: Record<string, string>;
}

export interface ExecutionRolePolicy {
  policy: PolicyDocument;
  explanations: StatementExplanation[];
  /** What the generator could not grant by itself and the user must check. */
  notes: string[];
}

// IAM rejects a policy without statements, so "nothing to grant" is a result, not a document.
export interface NoExecutionRolePolicy {
  policy: null;
  reason: "no-targets" | "no-permissions-needed";
  message: string;
  explanations: [];
  notes: string[];
}

export type ExecutionRolePolicyResult = ExecutionRolePolicy | NoExecutionRolePolicy;

export const EXECUTION_SIDS = {
  lambda: "InvokeLambdaTargets",
  apiGateway: "InvokeApiGatewayTargets",
  s3: "ReadToolSchemasFromS3",
  workloadAccessToken: "GetWorkloadAccessToken",
  apiKey: "GetResourceApiKey",
  oauth: "GetResourceOauth2Token",
  secrets: "ReadCredentialProviderSecrets",
  kms: "DecryptWithGatewayKmsKey",
} as const;

// Patterns from bedrock-agentcore-control-2023-06-05.json (LambdaFunctionArn, GatewayId, KmsKeyArn,
// SecretArn; the model's SecretArn omits aws-cn, which Secrets Manager does have).
const LAMBDA_ARN_PATTERN =
  /^arn:(aws[a-zA-Z-]*)?:lambda:([a-z]{2}(-gov)?-[a-z]+-\d):(\d{12}):function:([a-zA-Z0-9_.-]+)(:(\$LATEST|[a-zA-Z0-9_-]+))?$/;
const GATEWAY_ID_PATTERN = /^([0-9a-z][-]?){1,100}-[0-9a-z]{10}$/;
const KMS_KEY_ARN_PATTERN = /^arn:aws(|-cn|-us-gov):kms:[a-zA-Z0-9-]*:[0-9]{12}:key\/[a-zA-Z0-9-]{36}$/;
const SECRET_ARN_PATTERN =
  /^arn:(aws|aws-cn|aws-us-gov):secretsmanager:[A-Za-z0-9-]{1,64}:[0-9]{12}:secret:[a-zA-Z0-9_/+=.@!-]+$/;
const REST_API_ID_PATTERN = /^[a-zA-Z0-9]+$/;
const STAGE_PATTERN = /^[a-zA-Z0-9_-]+$/;
const TOKEN_VAULT_PATTERN = /^token-vault\/([^/]+)\//;

interface Group {
  resources: Set<string>;
  targets: Set<string>;
}

function group(): Group {
  return { resources: new Set(), targets: new Set() };
}

function add(g: Group, label: string, ...resources: string[]) {
  for (const r of resources) g.resources.add(r);
  g.targets.add(label);
}

function quoteList(labels: Iterable<string>): string {
  return sortedUnique(labels)
    .map((l) => `"${l}"`)
    .join(", ");
}

function statement(sid: string, actions: string[], resources: Iterable<string>, condition?: PolicyStatement["Condition"]) {
  const s: PolicyStatement = {
    Sid: sid,
    Effect: "Allow",
    Action: oneOrMany(sortedUnique(actions)),
    Resource: oneOrMany(sortedUnique(resources)),
  };
  if (condition) s.Condition = condition;
  return s;
}

function validateGateway(gateway: GatewayInput, partition: Partition, region: string, accountId: string) {
  if (!gateway || typeof gateway.gatewayId !== "string" || !GATEWAY_ID_PATTERN.test(gateway.gatewayId)) {
    throw new Error(`gateway.gatewayId must be a gateway ID such as my-gateway-abcde12345, got ${JSON.stringify(gateway?.gatewayId)}`);
  }
  const expected = agentCoreArn(partition, region, accountId, `gateway/${gateway.gatewayId}`);
  if (gateway.gatewayArn !== expected) {
    throw new Error(`gateway.gatewayArn must be ${expected} (same partition, region, account and ID), got ${JSON.stringify(gateway.gatewayArn)}`);
  }
  if (gateway.kmsKeyArn !== undefined && !KMS_KEY_ARN_PATTERN.test(gateway.kmsKeyArn)) {
    throw new Error(`gateway.kmsKeyArn must be a KMS key ARN, got ${JSON.stringify(gateway.kmsKeyArn)}`);
  }
}

function workloadIdentityResources(input: ExecutionRolePolicyInput, partition: Partition, notes: string[]) {
  const { gateway, region, accountId } = input;
  if (gateway.workloadIdentityArn !== undefined) {
    const arn = parseArn(gateway.workloadIdentityArn);
    const match = arn && /^(workload-identity-directory\/[^/]+)\/workload-identity\/[^/]+$/.exec(arn.resource);
    if (!arn || arn.service !== "bedrock-agentcore" || !match) {
      throw new Error(
        `gateway.workloadIdentityArn must look like arn:${partition}:bedrock-agentcore:${region}:${accountId}:workload-identity-directory/default/workload-identity/NAME, got ${JSON.stringify(gateway.workloadIdentityArn)}`,
      );
    }
    return { directory: formatArn({ ...arn, resource: match[1] }), identity: gateway.workloadIdentityArn };
  }
  // The service names a gateway's workload identity after its lowercased name plus a suffix;
  // the gateway ID is that same lowercased name plus a 10-character suffix.
  const prefix = gateway.name ? gateway.name.toLowerCase() : gateway.gatewayId.replace(/-[0-9a-z]{10}$/, "");
  notes.push(
    `The gateway's workload identity ARN is unknown, so the identity is granted as "${prefix}-*". Pass GetGateway's workloadIdentityDetails.workloadIdentityArn to grant the exact identity.`,
  );
  const directory = agentCoreArn(partition, region, accountId, "workload-identity-directory/default");
  return { directory, identity: `${directory}/workload-identity/${prefix}-*` };
}

function tokenVaultFor(providerArn: string, fallback: string): string {
  const arn = parseArn(providerArn);
  const match = arn && TOKEN_VAULT_PATTERN.exec(arn.resource);
  return arn && match ? formatArn({ ...arn, resource: `token-vault/${match[1]}` }) : fallback;
}

export function buildExecutionRolePolicy(input: ExecutionRolePolicyInput): ExecutionRolePolicyResult {
  const { accountId, region } = input;
  assertAccountId(accountId);
  const partition = resolvePartition(region, input.partition);
  validateGateway(input.gateway, partition, region, accountId);
  if (!Array.isArray(input.targets)) throw new Error("targets must be an array");

  const notes: string[] = [];
  const lambda = group();
  const apiGateway = group();
  const s3ByOwner = new Map<string, Group>(); // "" = no bucket owner given
  const apiKey = group();
  const oauth = group();
  const secrets = group();
  const credentialTargets = new Set<string>();
  let userDelegatedOAuth = false;

  input.targets.forEach((target, index) => {
    const label = target.name || target.targetId || `target ${index + 1}`;
    const where = `Target "${label}"`;
    const mcp = target.targetConfiguration?.mcp;
    const creds = target.credentialProviderConfigurations ?? [];
    const usesGatewayRole = creds.some((c) => c.credentialProviderType === "GATEWAY_IAM_ROLE");

    const addSchema = (schema: SchemaSourceInput | undefined, field: string) => {
      if (!schema?.s3) return;
      const location = parseS3Uri(schema.s3.uri ?? "");
      if (!location) throw new Error(`${where}: ${field}.s3.uri must look like s3://bucket/key, got ${JSON.stringify(schema.s3.uri)}`);
      const owner = schema.s3.bucketOwnerAccountId ?? "";
      if (owner !== "") assertAccountId(owner, `${where}: ${field}.s3.bucketOwnerAccountId`);
      if (!s3ByOwner.has(owner)) s3ByOwner.set(owner, group());
      add(s3ByOwner.get(owner)!, label, s3ObjectArn(partition, location));
    };

    if (mcp?.lambda) {
      const arn = mcp.lambda.lambdaArn;
      if (typeof arn !== "string" || !LAMBDA_ARN_PATTERN.test(arn)) {
        throw new Error(`${where}: lambdaArn must be a Lambda function ARN, got ${JSON.stringify(arn)}`);
      }
      add(lambda, label, arn);
      addSchema(mcp.lambda.toolSchema, "toolSchema");
    } else if (mcp?.openApiSchema) {
      addSchema(mcp.openApiSchema, "openApiSchema");
    } else if (mcp?.smithyModel) {
      addSchema(mcp.smithyModel, "smithyModel");
      if (usesGatewayRole) {
        notes.push(`${where} calls the AWS service its Smithy model describes with this role: add that service's actions on the resources the tools use.`);
      }
    } else if (mcp?.apiGateway) {
      const { restApiId, stage } = mcp.apiGateway;
      if (typeof restApiId !== "string" || !REST_API_ID_PATTERN.test(restApiId)) {
        throw new Error(`${where}: apiGateway.restApiId must be a REST API ID, got ${JSON.stringify(restApiId)}`);
      }
      if (typeof stage !== "string" || !STAGE_PATTERN.test(stage)) {
        throw new Error(`${where}: apiGateway.stage must be a stage name, got ${JSON.stringify(stage)}`);
      }
      if (usesGatewayRole) {
        add(apiGateway, label, `arn:${partition}:execute-api:${region}:${accountId}:${restApiId}/${stage}/*/*`);
      }
    } else if (!mcp?.mcpServer) {
      notes.push(`${where} is not a Lambda, OpenAPI, Smithy, MCP server or API Gateway target: review the permissions it needs yourself.`);
    }

    if (usesGatewayRole && (mcp?.mcpServer || mcp?.openApiSchema)) {
      const iam = creds.find((c) => c.credentialProviderType === "GATEWAY_IAM_ROLE")?.credentialProvider?.iamCredentialProvider;
      const service = iam?.service ?? "the target's service";
      notes.push(`${where} signs its requests with this role for ${service}${iam?.region ? ` in ${iam.region}` : ""}: add the permission that service checks for the endpoint.`);
    }

    for (const cred of creds) {
      const type = cred.credentialProviderType;
      if (type === "API_KEY" || type === "OAUTH") {
        const provider =
          type === "API_KEY" ? cred.credentialProvider?.apiKeyCredentialProvider : cred.credentialProvider?.oauthCredentialProvider;
        const providerArn = provider?.providerArn;
        if (typeof providerArn !== "string" || !parseArn(providerArn)) {
          throw new Error(`${where}: ${type} credential provider needs a providerArn, got ${JSON.stringify(providerArn)}`);
        }
        const fallbackVault = agentCoreArn(partition, region, accountId, "token-vault/default");
        add(type === "API_KEY" ? apiKey : oauth, label, tokenVaultFor(providerArn, fallbackVault), providerArn);
        credentialTargets.add(label);
        if (type === "OAUTH") {
          const grantType = cred.credentialProvider?.oauthCredentialProvider?.grantType;
          if (grantType !== undefined && grantType !== "CLIENT_CREDENTIALS") userDelegatedOAuth = true;
        }
        const secretArn = input.providerSecretArns?.[providerArn] ?? target.secretArn;
        if (secretArn === undefined) {
          notes.push(`${where}: the secret of ${providerArn} is unknown, so secretsmanager:GetSecretValue is not granted. GetApiKeyCredentialProvider / GetOauth2CredentialProvider return it (apiKeySecretArn / clientSecretArn).`);
        } else if (!SECRET_ARN_PATTERN.test(secretArn)) {
          throw new Error(`${where}: secret ARN must be a Secrets Manager secret ARN, got ${JSON.stringify(secretArn)}`);
        } else {
          add(secrets, label, secretArn);
        }
      } else if (type !== "GATEWAY_IAM_ROLE" && type !== "CALLER_IAM_CREDENTIALS" && type !== "JWT_PASSTHROUGH") {
        notes.push(`${where} has an unknown credential provider type ${JSON.stringify(type)}: review its permissions yourself.`);
      }
    }
  });

  const statements: PolicyStatement[] = [];
  const explanations: StatementExplanation[] = [];
  const push = (s: PolicyStatement, why: string) => {
    statements.push(s);
    explanations.push({ sid: s.Sid!, why });
  };

  if (lambda.resources.size > 0) {
    push(
      statement(EXECUTION_SIDS.lambda, ["lambda:InvokeFunction"], lambda.resources),
      `The gateway invokes the Lambda functions of ${quoteList(lambda.targets)}. Each ARN is granted exactly as the target names it: a qualified ARN (version or alias) allows only that qualifier, an unqualified ARN only unqualified invocations, never other versions or aliases.`,
    );
  }
  if (apiGateway.resources.size > 0) {
    push(
      statement(EXECUTION_SIDS.apiGateway, ["execute-api:Invoke"], apiGateway.resources),
      `The gateway signs requests to the REST API stages of ${quoteList(apiGateway.targets)} with this role (GATEWAY_IAM_ROLE outbound auth); the grant covers every method and path of that stage only. Stages reached with an API key or no auth need no IAM permission.`,
    );
  }
  const owners = [...s3ByOwner.keys()].sort();
  for (const owner of owners) {
    const g = s3ByOwner.get(owner)!;
    const sid = owner === "" ? EXECUTION_SIDS.s3 : `${EXECUTION_SIDS.s3}InAccount${owner}`;
    const condition = owner === "" ? undefined : { StringEquals: { "s3:ResourceAccount": owner } };
    push(
      statement(sid, ["s3:GetObject"], g.resources, condition),
      owner === ""
        ? `The gateway reads the tool schemas of ${quoteList(g.targets)} from these exact S3 objects.`
        : `The gateway reads the tool schemas of ${quoteList(g.targets)} from these exact S3 objects, only while the bucket belongs to account ${owner} (s3:ResourceAccount), so a bucket re-created by someone else after deletion cannot feed it a schema.`,
    );
  }
  if (credentialTargets.size > 0) {
    const identity = workloadIdentityResources(input, partition, notes);
    const workloadActions = ["bedrock-agentcore:GetWorkloadAccessToken"];
    if (userDelegatedOAuth) {
      workloadActions.push("bedrock-agentcore:GetWorkloadAccessTokenForJWT", "bedrock-agentcore:GetWorkloadAccessTokenForUserId");
    }
    push(
      statement(EXECUTION_SIDS.workloadAccessToken, workloadActions, [identity.directory, identity.identity]),
      `Before fetching an outbound credential for ${quoteList(credentialTargets)}, the gateway gets a workload access token for its own workload identity.${userDelegatedOAuth ? " User-delegated OAuth grants also need the ForJWT / ForUserId variants." : ""}`,
    );
    if (apiKey.resources.size > 0) {
      push(
        statement(EXECUTION_SIDS.apiKey, ["bedrock-agentcore:GetResourceApiKey"], [...apiKey.resources, identity.directory, identity.identity]),
        `The gateway reads the API keys of ${quoteList(apiKey.targets)} from the token vault; the call is authorized on the vault, the credential provider and the workload identity.`,
      );
    }
    if (oauth.resources.size > 0) {
      const actions = ["bedrock-agentcore:GetResourceOauth2Token"];
      if (userDelegatedOAuth) actions.push("bedrock-agentcore:CompleteResourceTokenAuth");
      push(
        statement(EXECUTION_SIDS.oauth, actions, [...oauth.resources, identity.directory, identity.identity]),
        `The gateway gets OAuth access tokens for ${quoteList(oauth.targets)} from the token vault; the call is authorized on the vault, the credential provider and the workload identity.`,
      );
    }
    if (secrets.resources.size > 0) {
      push(
        statement(EXECUTION_SIDS.secrets, ["secretsmanager:GetSecretValue"], secrets.resources),
        `The credential providers of ${quoteList(secrets.targets)} keep their API key or client secret in these exact Secrets Manager secrets.`,
      );
    }
  }
  if (input.gateway.kmsKeyArn !== undefined) {
    push(
      statement(EXECUTION_SIDS.kms, ["kms:Decrypt"], [input.gateway.kmsKeyArn]),
      "The gateway's data is encrypted with this customer managed KMS key; the gateway decrypts it with this role.",
    );
  }

  if (statements.length === 0) {
    const noTargets = input.targets.length === 0;
    return {
      policy: null,
      reason: noTargets ? "no-targets" : "no-permissions-needed",
      message: noTargets
        ? "The gateway has no targets yet, so the role needs no permissions; IAM rejects a policy without statements. Add a target to get its policy."
        : "These targets need no permissions from the execution role; IAM rejects a policy without statements, so there is nothing to attach.",
      explanations: [],
      notes,
    };
  }
  return { policy: { Version: POLICY_VERSION, Statement: statements }, explanations, notes };
}
