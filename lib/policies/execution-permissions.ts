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
  mcpServer?: { endpoint?: string; mcpToolSchema?: SchemaSourceInput };
  apiGateway?: {
    restApiId?: string;
    stage?: string;
    apiGatewayToolConfiguration?: { toolFilters?: { filterPath?: string; methods?: string[] }[] };
  };
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
const HTTP_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);
// A resource path as API Gateway writes it: segments of path characters, {param} or {proxy+}, or a trailing /*.
const FILTER_PATH_PATTERN = /^\/(?:[A-Za-z0-9._~!$&'()+,;=:@%{}-]+(?:\/[A-Za-z0-9._~!$&'()+,;=:@%{}-]+)*)?(?:\/\*)?$|^\/\*$/;
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

interface Collected {
  lambda: Group;
  apiGateway: Group;
  /** Keyed by bucket owner account; "" when no owner is given. */
  s3ByOwner: Map<string, Group>;
  apiKey: Group;
  oauth: Group;
  secrets: Group;
  credentialTargets: Set<string>;
  userDelegatedOAuth: boolean;
  notes: string[];
}

interface Context {
  input: ExecutionRolePolicyInput;
  partition: Partition;
  collected: Collected;
}

function collectSchema(ctx: Context, label: string, schema: SchemaSourceInput | undefined, field: string) {
  if (!schema?.s3) return;
  const where = `Target "${label}"`;
  const location = parseS3Uri(schema.s3.uri ?? "");
  if (!location) throw new Error(`${where}: ${field}.s3.uri must look like s3://bucket/key, got ${JSON.stringify(schema.s3.uri)}`);
  const owner = schema.s3.bucketOwnerAccountId ?? "";
  if (owner !== "") assertAccountId(owner, `${where}: ${field}.s3.bucketOwnerAccountId`);
  const { s3ByOwner } = ctx.collected;
  if (!s3ByOwner.has(owner)) s3ByOwner.set(owner, group());
  add(s3ByOwner.get(owner)!, label, s3ObjectArn(ctx.partition, location));
}

/**
 * The resource part of an execute-api ARN (API_ID/STAGE/METHOD/PATH) for a tool filter path: no leading slash, and
 * path parameters ({id}, {proxy+}) become * because the ARN is matched against the request's actual path.
 */
export function executeApiPath(filterPath: unknown, where: string): string {
  if (typeof filterPath !== "string" || !FILTER_PATH_PATTERN.test(filterPath)) {
    throw new Error(`${where} must be a resource path such as /pets, /pets/{id} or /pets/*, got ${JSON.stringify(filterPath)}`);
  }
  return filterPath
    .slice(1)
    .split("/")
    .map((seg) => (/^\{.+\}$/.test(seg) ? "*" : seg))
    .join("/");
}

/** What the target's own kind (Lambda, schema, API Gateway…) needs. */
function collectTargetKind(ctx: Context, target: TargetInput, label: string) {
  const { collected, partition, input } = ctx;
  const where = `Target "${label}"`;
  const mcp = target.targetConfiguration?.mcp;
  const creds = target.credentialProviderConfigurations ?? [];
  const roleConfig = creds.find((c) => c.credentialProviderType === "GATEWAY_IAM_ROLE");

  if (mcp?.lambda) {
    const arn = mcp.lambda.lambdaArn;
    if (typeof arn !== "string" || !LAMBDA_ARN_PATTERN.test(arn)) {
      throw new Error(`${where}: lambdaArn must be a Lambda function ARN, got ${JSON.stringify(arn)}`);
    }
    add(collected.lambda, label, arn);
    collectSchema(ctx, label, mcp.lambda.toolSchema, "toolSchema");
  } else if (mcp?.openApiSchema) {
    collectSchema(ctx, label, mcp.openApiSchema, "openApiSchema");
  } else if (mcp?.smithyModel) {
    collectSchema(ctx, label, mcp.smithyModel, "smithyModel");
    if (roleConfig) {
      collected.notes.push(
        `${where} calls the AWS service its Smithy model describes with this role: add that service's actions on the resources the tools use.`,
      );
    }
  } else if (mcp?.apiGateway) {
    const { restApiId, stage } = mcp.apiGateway;
    if (typeof restApiId !== "string" || !REST_API_ID_PATTERN.test(restApiId)) {
      throw new Error(`${where}: apiGateway.restApiId must be a REST API ID, got ${JSON.stringify(restApiId)}`);
    }
    if (typeof stage !== "string" || !STAGE_PATTERN.test(stage)) {
      throw new Error(`${where}: apiGateway.stage must be a stage name, got ${JSON.stringify(stage)}`);
    }
    if (roleConfig) {
      const base = `arn:${partition}:execute-api:${input.region}:${input.accountId}:${restApiId}/${stage}`;
      const filters = mcp.apiGateway.apiGatewayToolConfiguration?.toolFilters ?? [];
      if (filters.length === 0) {
        add(collected.apiGateway, label, `${base}/*/*`);
        collected.notes.push(`${where} has no tool filters, so execute-api:Invoke is granted on every method and path of stage ${stage}.`);
      }
      for (const [i, f] of filters.entries()) {
        const path = executeApiPath(f.filterPath, `${where}: toolFilters[${i}].filterPath`);
        const methods = f.methods ?? [];
        if (methods.length === 0) throw new Error(`${where}: toolFilters[${i}].methods must list at least one HTTP method`);
        for (const m of methods) {
          if (!HTTP_METHODS.has(m)) throw new Error(`${where}: toolFilters[${i}].methods has ${JSON.stringify(m)}, which is not an HTTP method`);
          add(collected.apiGateway, label, `${base}/${m}/${path}`);
        }
      }
    }
  } else if (mcp?.mcpServer) {
    collectSchema(ctx, label, mcp.mcpServer.mcpToolSchema, "mcpServer.mcpToolSchema");
  } else {
    collected.notes.push(`${where} is not a Lambda, OpenAPI, Smithy, MCP server or API Gateway target: review the permissions it needs yourself.`);
  }

  if (roleConfig && (mcp?.mcpServer || mcp?.openApiSchema)) {
    const iam = roleConfig.credentialProvider?.iamCredentialProvider;
    const service = `${iam?.service ?? "the target's service"}${iam?.region ? ` in ${iam.region}` : ""}`;
    collected.notes.push(`${where} signs its requests with this role for ${service}: add the permission that service checks for the endpoint.`);
  }
}

/** What the target's outbound API key / OAuth credential providers need. */
function collectCredentials(ctx: Context, target: TargetInput, label: string) {
  const { collected, partition, input } = ctx;
  const where = `Target "${label}"`;
  for (const cred of target.credentialProviderConfigurations ?? []) {
    const type = cred.credentialProviderType;
    if (type === "GATEWAY_IAM_ROLE" || type === "CALLER_IAM_CREDENTIALS" || type === "JWT_PASSTHROUGH") continue;
    if (type !== "API_KEY" && type !== "OAUTH") {
      collected.notes.push(`${where} has an unknown credential provider type ${JSON.stringify(type)}: review its permissions yourself.`);
      continue;
    }
    const oauth = cred.credentialProvider?.oauthCredentialProvider;
    const providerArn = (type === "API_KEY" ? cred.credentialProvider?.apiKeyCredentialProvider : oauth)?.providerArn;
    if (typeof providerArn !== "string" || !parseArn(providerArn)) {
      throw new Error(`${where}: ${type} credential provider needs a providerArn, got ${JSON.stringify(providerArn)}`);
    }
    const defaultVault = agentCoreArn(partition, input.region, input.accountId, "token-vault/default");
    add(type === "API_KEY" ? collected.apiKey : collected.oauth, label, tokenVaultFor(providerArn, defaultVault), providerArn);
    collected.credentialTargets.add(label);
    if (type === "OAUTH" && oauth?.grantType !== undefined && oauth.grantType !== "CLIENT_CREDENTIALS") {
      collected.userDelegatedOAuth = true;
    }

    const secretArn = input.providerSecretArns?.[providerArn] ?? target.secretArn;
    if (secretArn === undefined) {
      collected.notes.push(
        `${where}: the secret of ${providerArn} is unknown, so secretsmanager:GetSecretValue is not granted. GetApiKeyCredentialProvider / GetOauth2CredentialProvider return it (apiKeySecretArn / clientSecretArn).`,
      );
    } else if (!SECRET_ARN_PATTERN.test(secretArn)) {
      throw new Error(`${where}: secret ARN must be a Secrets Manager secret ARN, got ${JSON.stringify(secretArn)}`);
    } else {
      add(collected.secrets, label, secretArn);
    }
  }
}

function assemble(ctx: Context): { statements: PolicyStatement[]; explanations: StatementExplanation[] } {
  const { collected: c, input, partition } = ctx;
  const statements: PolicyStatement[] = [];
  const explanations: StatementExplanation[] = [];
  const push = (s: PolicyStatement, why: string) => {
    statements.push(s);
    explanations.push({ sid: s.Sid!, why });
  };

  if (c.lambda.resources.size > 0) {
    push(
      statement(EXECUTION_SIDS.lambda, ["lambda:InvokeFunction"], c.lambda.resources),
      `The gateway invokes the Lambda functions of ${quoteList(c.lambda.targets)}. Each ARN is granted exactly as the target names it: a qualified ARN (version or alias) allows only that qualifier, an unqualified ARN only unqualified invocations, never other versions or aliases.`,
    );
  }
  if (c.apiGateway.resources.size > 0) {
    push(
      statement(EXECUTION_SIDS.apiGateway, ["execute-api:Invoke"], c.apiGateway.resources),
      `The gateway signs requests to the REST API stages of ${quoteList(c.apiGateway.targets)} with this role (GATEWAY_IAM_ROLE outbound auth); the grant covers only the methods and paths of their tool filters. Stages reached with an API key or no auth need no IAM permission.`,
    );
  }
  for (const owner of [...c.s3ByOwner.keys()].sort()) {
    const g = c.s3ByOwner.get(owner)!;
    const targets = quoteList(g.targets);
    if (owner === "") {
      push(
        statement(EXECUTION_SIDS.s3, ["s3:GetObject"], g.resources),
        `The gateway reads the tool schemas of ${targets} from these exact S3 objects.`,
      );
    } else {
      push(
        statement(`${EXECUTION_SIDS.s3}InAccount${owner}`, ["s3:GetObject"], g.resources, { StringEquals: { "s3:ResourceAccount": owner } }),
        `The gateway reads the tool schemas of ${targets} from these exact S3 objects, only while the bucket belongs to account ${owner} (s3:ResourceAccount), so a bucket re-created by someone else after deletion cannot feed it a schema.`,
      );
    }
  }
  if (c.credentialTargets.size > 0) {
    const identity = workloadIdentityResources(input, partition, c.notes);
    const identityResources = [identity.directory, identity.identity];
    const workloadActions = ["bedrock-agentcore:GetWorkloadAccessToken"];
    const oauthActions = ["bedrock-agentcore:GetResourceOauth2Token"];
    if (c.userDelegatedOAuth) {
      workloadActions.push("bedrock-agentcore:GetWorkloadAccessTokenForJWT", "bedrock-agentcore:GetWorkloadAccessTokenForUserId");
      oauthActions.push("bedrock-agentcore:CompleteResourceTokenAuth");
    }
    push(
      statement(EXECUTION_SIDS.workloadAccessToken, workloadActions, identityResources),
      `Before fetching an outbound credential for ${quoteList(c.credentialTargets)}, the gateway gets a workload access token for its own workload identity.${c.userDelegatedOAuth ? " User-delegated OAuth grants also need the ForJWT / ForUserId variants." : ""}`,
    );
    if (c.apiKey.resources.size > 0) {
      push(
        statement(EXECUTION_SIDS.apiKey, ["bedrock-agentcore:GetResourceApiKey"], [...c.apiKey.resources, ...identityResources]),
        `The gateway reads the API keys of ${quoteList(c.apiKey.targets)} from the token vault; the call is authorized on the vault, the credential provider and the workload identity.`,
      );
    }
    if (c.oauth.resources.size > 0) {
      push(
        statement(EXECUTION_SIDS.oauth, oauthActions, [...c.oauth.resources, ...identityResources]),
        `The gateway gets OAuth access tokens for ${quoteList(c.oauth.targets)} from the token vault; the call is authorized on the vault, the credential provider and the workload identity.${c.userDelegatedOAuth ? " User-delegated grants also complete the user's consent (CompleteResourceTokenAuth)." : ""}`,
      );
    }
    if (c.secrets.resources.size > 0) {
      push(
        statement(EXECUTION_SIDS.secrets, ["secretsmanager:GetSecretValue"], c.secrets.resources),
        `The credential providers of ${quoteList(c.secrets.targets)} keep their API key or client secret in these exact Secrets Manager secrets.`,
      );
    }
  }
  if (input.gateway.kmsKeyArn !== undefined) {
    push(
      statement(EXECUTION_SIDS.kms, ["kms:Decrypt"], [input.gateway.kmsKeyArn]),
      "The gateway's data is encrypted with this customer managed KMS key; the gateway decrypts it with this role.",
    );
  }
  return { statements, explanations };
}

export function buildExecutionRolePolicy(input: ExecutionRolePolicyInput): ExecutionRolePolicyResult {
  assertAccountId(input.accountId);
  const partition = resolvePartition(input.region, input.partition);
  validateGateway(input.gateway, partition, input.region, input.accountId);
  if (!Array.isArray(input.targets)) throw new Error("targets must be an array");

  const collected: Collected = {
    lambda: group(),
    apiGateway: group(),
    s3ByOwner: new Map(),
    apiKey: group(),
    oauth: group(),
    secrets: group(),
    credentialTargets: new Set(),
    userDelegatedOAuth: false,
    notes: [],
  };
  const ctx: Context = { input, partition, collected };
  input.targets.forEach((target, index) => {
    const label = target.name || target.targetId || `target ${index + 1}`;
    collectTargetKind(ctx, target, label);
    collectCredentials(ctx, target, label);
  });

  const { statements, explanations } = assemble(ctx);
  if (statements.length === 0) {
    const noTargets = input.targets.length === 0;
    return {
      policy: null,
      reason: noTargets ? "no-targets" : "no-permissions-needed",
      message: noTargets
        ? "The gateway has no targets yet, so the role needs no permissions; IAM rejects a policy without statements. Add a target to get its policy."
        : "These targets need no permissions from the execution role; IAM rejects a policy without statements, so there is nothing to attach.",
      explanations: [],
      notes: collected.notes,
    };
  }
  return { policy: { Version: POLICY_VERSION, Statement: statements }, explanations, notes: collected.notes };
}
