// Pure audit rules: which SDK operations mutate, and which input/output members identify a resource (everything else is dropped).

/** Operation name from an SDK command name ("CreateGatewayCommand" → "CreateGateway"). */
export function operationName(commandName: string): string {
  return commandName.endsWith("Command") ? commandName.slice(0, -"Command".length) : commandName;
}

const READ_PREFIXES = ["Get", "List", "Describe", "Head"] as const;

/**
 * Mutating = every operation except reads: Get*, List*, Describe*, Head* (STS GetCallerIdentity is a Get).
 * Cognito's admin reads (AdminGetUser, AdminListGroupsForUser…) are reads too, so a leading "Admin" is skipped.
 * Anything else (Create, Update, Delete, Put, Synchronize, Tag, Set, Admin*, unknown names) is recorded.
 */
export function isMutating(operation: string): boolean {
  const op = operationName(operation).replace(/^Admin(?=[A-Z])/, "");
  return !READ_PREFIXES.some((p) => op.startsWith(p) && (op.length === p.length || /[A-Z]/.test(op[p.length])));
}

/**
 * The member paths (dotted, from the command's input or output) that identify a resource. Explicit on purpose: a
 * member not named here never reaches the log, so a new secret-bearing member can never leak by accident.
 */
export const IDENTIFIER_PATHS: ReadonlySet<string> = new Set([
  // AgentCore Control: gateways, targets, credential providers
  "name",
  "gatewayIdentifier",
  "gatewayId",
  "gatewayArn",
  "gatewayUrl",
  "targetId",
  "targetIdList",
  "roleArn",
  "kmsKeyArn",
  "credentialProviderArn",
  "credentialProviderVendor",
  "apiKeySecretArn.secretArn",
  "clientSecretArn.secretArn",
  "targetConfiguration.mcp.lambda.lambdaArn",
  "targetConfiguration.mcp.mcpServer.endpoint",
  // Cognito user pools
  "PoolName",
  "UserPoolId",
  "ClientName",
  "ClientId",
  "Domain",
  "Identifier",
  "UserPool.Id",
  "UserPool.Name",
  "UserPool.Arn",
  "UserPoolClient.ClientId",
  "UserPoolClient.ClientName",
  "UserPoolClient.UserPoolId",
  "ResourceServer.Identifier",
  "ResourceServer.UserPoolId",
  // IAM roles and policies
  "RoleName",
  "PolicyName",
  "PolicyArn",
  "Path",
  "Role.RoleName",
  "Role.Arn",
  "Role.RoleId",
  "Policy.PolicyName",
  "Policy.Arn",
]);

/** The allowed paths that hold a list of ids rather than one string. */
const LIST_PATHS: ReadonlySet<string> = new Set(["targetIdList"]);

export const MAX_RESOURCES = 12;
export const MAX_VALUE_LENGTH = 200;

function clean(value: string): string {
  // Control characters would break the one-entry-per-line format or the terminal of whoever reads the file.
  const v = value.replace(/[\u0000-\u001f\u007f]/g, " ");
  return v.length > MAX_VALUE_LENGTH ? `${v.slice(0, MAX_VALUE_LENGTH - 1)}…` : v;
}

function collect(value: unknown, path: string, depth: number, into: Record<string, string>) {
  if (Object.keys(into).length >= MAX_RESOURCES) return;
  if (typeof value === "string") {
    if (IDENTIFIER_PATHS.has(path) && value !== "" && !(path in into)) into[path] = clean(value);
    return;
  }
  if (Array.isArray(value)) {
    // Only lists of plain strings at a list path (targetIdList); never walk into lists of objects.
    if (LIST_PATHS.has(path) && !(path in into) && value.length > 0 && value.every((v) => typeof v === "string")) {
      into[path] = clean(value.join(", "));
    }
    return;
  }
  if (value === null || typeof value !== "object" || depth > 4) return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k === "$metadata") continue;
    collect(v, path ? `${path}.${k}` : k, depth + 1, into);
  }
}

/** The identifying members of a call, input first, then what the output adds (e.g. the ARN or id AWS assigned). */
export function extractResources(input: unknown, output?: unknown): Record<string, string> {
  const into: Record<string, string> = {};
  collect(input, "", 0, into);
  collect(output, "", 0, into);
  return into;
}

/** An AWS error name fit for the log (the SDK's `name`), or "Error" for anything odd. */
export function errorOutcome(err: unknown): string {
  const name = (err as { name?: unknown } | null)?.name;
  return typeof name === "string" && /^[A-Za-z][A-Za-z0-9_.:-]{0,99}$/.test(name) ? name : "Error";
}

/** The AWS request id of an SDK output or error, when it has one. */
export function requestIdOf(x: unknown): string | undefined {
  const id = (x as { $metadata?: { requestId?: unknown } } | null)?.$metadata?.requestId;
  return typeof id === "string" && id !== "" ? clean(id) : undefined;
}
