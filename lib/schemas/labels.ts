// Display names for the console's enums, one table per enum: forms, tables, detail pages and schema messages read them here.
import type { AUTHORIZER_TYPES } from "./constraints";
import type { OUTBOUND_AUTH_TYPES, TARGET_TYPES } from "./target";

/** `label` names the choice in forms; `short` fits a table column. */
export type EnumLabel = { label: string; short: string };

type AuthorizerType = (typeof AUTHORIZER_TYPES)[number];

/** Inbound authorizer types; AUTHENTICATE_ONLY is AWS's and only ever listed, never offered. */
export const AUTHORIZER_TYPE_LABELS: Record<AuthorizerType | "AUTHENTICATE_ONLY", EnumLabel> = {
  CUSTOM_JWT: { label: "JSON Web Token (OAuth)", short: "JWT (OAuth)" },
  AWS_IAM: { label: "AWS IAM", short: "AWS IAM" },
  NONE: { label: "No authorization", short: "None" },
  AUTHENTICATE_ONLY: { label: "Authenticate only", short: "Authenticate only" },
};

/** The short name of an authorizer type as AWS returns it; an unknown type is shown as it is. */
export function authorizerTypeName(type: string): string {
  return Object.hasOwn(AUTHORIZER_TYPE_LABELS, type) ? AUTHORIZER_TYPE_LABELS[type as keyof typeof AUTHORIZER_TYPE_LABELS].short : type;
}

/** The target types the console creates (its form's kinds), with AWS's `targetType` for each. */
export const TARGET_TYPE_LABELS: Record<(typeof TARGET_TYPES)[number], EnumLabel & { awsType: string }> = {
  lambda: { label: "Lambda function", short: "Lambda", awsType: "LAMBDA" },
  openApi: { label: "OpenAPI schema", short: "OpenAPI", awsType: "OPEN_API_SCHEMA" },
  smithy: { label: "Smithy model", short: "Smithy", awsType: "SMITHY_MODEL" },
  mcpServer: { label: "MCP server", short: "MCP server", awsType: "MCP_SERVER" },
  apiGateway: { label: "API Gateway stage", short: "API Gateway", awsType: "API_GATEWAY" },
};

// Target types AWS lists that the console cannot create.
const LISTED_ONLY_TARGET_TYPES: Record<string, string> = { CONNECTOR: "Connector", AGENTCORE_RUNTIME: "AgentCore Runtime", PASSTHROUGH: "Passthrough", PROVIDER: "Provider" };

/** The short name of AWS's `targetType` (as ListGatewayTargets returns it); "—" when absent, an unknown type as it is. */
export function targetTypeName(awsType: string | undefined): string {
  if (!awsType) return "—";
  const created = Object.values(TARGET_TYPE_LABELS).find((t) => t.awsType === awsType);
  return created?.short ?? (Object.hasOwn(LISTED_ONLY_TARGET_TYPES, awsType) ? LISTED_ONLY_TARGET_TYPES[awsType] : awsType);
}

/** Outbound auth of a target (and a credential provider's type on a target). */
export const OUTBOUND_AUTH_LABELS: Record<(typeof OUTBOUND_AUTH_TYPES)[number], string> = {
  GATEWAY_IAM_ROLE: "Gateway IAM role",
  API_KEY: "API key",
  OAUTH: "OAuth",
  NONE: "No authorization",
};
