// Converts between the gateway form's values and AgentCore Control's request/response shapes.
import type {
  CreateGatewayRequest,
  CustomClaimValidationType,
  GetGatewayResponse,
  UpdateGatewayRequest,
} from "@aws-sdk/client-bedrock-agentcore-control";
import type { FieldErrors } from "./form-errors";
import { emptyGatewayForm, type GatewayFormValues, type GatewayInput } from "./gateway";
import { MCP_VERSIONS } from "./constraints";

type GatewayFields = Omit<CreateGatewayRequest, "clientToken">;

/** The request body shared by CreateGateway and UpdateGateway: every field, so an update is a full PUT. */
export function toGatewayRequest(v: GatewayInput): GatewayFields {
  const req: GatewayFields = {
    name: v.name,
    roleArn: v.roleArn,
    protocolType: "MCP",
    authorizerType: v.authorizerType,
  };
  if (v.description.trim() !== "") req.description = v.description;
  const mcp: NonNullable<NonNullable<GatewayFields["protocolConfiguration"]>["mcp"]> = {};
  if (v.mcp.supportedVersions.length > 0) mcp.supportedVersions = [...v.mcp.supportedVersions];
  if (v.mcp.instructions.trim() !== "") mcp.instructions = v.mcp.instructions;
  if (v.mcp.semanticSearch) mcp.searchType = "SEMANTIC";
  if (Object.keys(mcp).length > 0) req.protocolConfiguration = { mcp };
  if (v.jwt) {
    const j = v.jwt;
    req.authorizerConfiguration = {
      customJWTAuthorizer: {
        discoveryUrl: j.discoveryUrl,
        ...(j.allowedAudience.length ? { allowedAudience: j.allowedAudience } : {}),
        ...(j.allowedClients.length ? { allowedClients: j.allowedClients } : {}),
        ...(j.allowedScopes.length ? { allowedScopes: j.allowedScopes } : {}),
        ...(j.customClaims.length
          ? {
              customClaims: j.customClaims.map(
                (c): CustomClaimValidationType => ({
                  inboundTokenClaimName: c.name,
                  inboundTokenClaimValueType: c.valueType,
                  authorizingClaimMatchValue: {
                    claimMatchOperator: c.operator,
                    claimMatchValue: c.operator === "CONTAINS_ANY" ? { matchValueStringList: c.values } : { matchValueString: c.values[0] },
                  },
                }),
              ),
            }
          : {}),
      },
    };
  }
  if (v.debugExceptions) req.exceptionLevel = "DEBUG";
  if (v.kmsKeyArn !== "") req.kmsKeyArn = v.kmsKeyArn;
  if (v.tags.length > 0) req.tags = Object.fromEntries(v.tags.map((t) => [t.key, t.value]));
  return req;
}

/** Form values for editing an existing gateway: every field it has now. */
export function gatewayToFormValues(
  g: Pick<GetGatewayResponse, "name" | "description" | "roleArn" | "authorizerConfiguration" | "protocolConfiguration" | "exceptionLevel" | "kmsKeyArn"> & { authorizerType?: string },
): GatewayFormValues {
  const empty = emptyGatewayForm();
  const jwt = g.authorizerConfiguration?.customJWTAuthorizer;
  const mcp = g.protocolConfiguration?.mcp;
  const authorizerType = (["CUSTOM_JWT", "AWS_IAM", "NONE"] as const).find((t) => t === g.authorizerType) ?? "NONE";
  return {
    name: g.name ?? "",
    description: g.description ?? "",
    roleMode: "arn",
    newRoleName: "",
    roleArn: g.roleArn ?? "",
    authorizerType,
    jwtSource: "oidc",
    cognito: empty.cognito,
    jwt: jwt
      ? {
          discoveryUrl: jwt.discoveryUrl ?? "",
          allowedAudience: [...(jwt.allowedAudience ?? [])],
          allowedClients: [...(jwt.allowedClients ?? [])],
          allowedScopes: [...(jwt.allowedScopes ?? [])],
          customClaims: (jwt.customClaims ?? []).map((c) => {
            const m = c.authorizingClaimMatchValue?.claimMatchValue;
            return {
              name: c.inboundTokenClaimName ?? "",
              valueType: c.inboundTokenClaimValueType === "STRING_ARRAY" ? "STRING_ARRAY" : "STRING",
              operator: (c.authorizingClaimMatchValue?.claimMatchOperator as GatewayFormValues["jwt"]["customClaims"][number]["operator"]) ?? "EQUALS",
              values: m?.matchValueString !== undefined ? [m.matchValueString] : [...(m?.matchValueStringList ?? [])],
            };
          }),
        }
      : empty.jwt,
    mcp: {
      supportedVersions: (mcp?.supportedVersions ?? []).filter((v): v is (typeof MCP_VERSIONS)[number] => (MCP_VERSIONS as readonly string[]).includes(v)),
      instructions: mcp?.instructions ?? "",
      semanticSearch: mcp?.searchType === "SEMANTIC",
    },
    debugExceptions: g.exceptionLevel === "DEBUG",
    kmsKeyArn: g.kmsKeyArn ?? "",
    tags: [],
  };
}

const AWS_FIELD_TO_FORM: [RegExp, string][] = [
  [/^authorizerConfiguration\.customJWTAuthorizer\.customClaims(?:\[(\d+)\]|\.(\d+))\.inboundTokenClaimName/, "jwt.customClaims.$1$2.name"],
  [/^authorizerConfiguration\.customJWTAuthorizer\.customClaims(?:\[(\d+)\]|\.(\d+))\.authorizingClaimMatchValue.*/, "jwt.customClaims.$1$2.values"],
  [/^authorizerConfiguration\.customJWTAuthorizer\.(allowedAudience|allowedClients|allowedScopes)(?:\[(\d+)\]|\.(\d+))/, "jwt.$1.$2$3"],
  [/^authorizerConfiguration\.customJWTAuthorizer\.(discoveryUrl|allowedAudience|allowedClients|allowedScopes|customClaims)$/, "jwt.$1"],
  [/^authorizerConfiguration.*/, "jwt.discoveryUrl"],
  [/^protocolConfiguration\.mcp\.(supportedVersions|instructions).*/, "mcp.$1"],
  [/^protocolConfiguration\.mcp\.searchType$/, "mcp.semanticSearch"],
  [/^exceptionLevel$/, "debugExceptions"],
  [/^tags.*/, "tags"],
  [/^(name|description|roleArn|authorizerType|kmsKeyArn)$/, "$1"],
];

/** Places an AWS ValidationException's fieldList on the form's fields; what fits no field goes under "_form". */
export function awsFieldListToFormErrors(fieldList: { name?: string; message?: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const f of fieldList) {
    const name = f.name ?? "";
    const rule = AWS_FIELD_TO_FORM.find(([re]) => re.test(name));
    const key = rule ? name.replace(rule[0], rule[1]) : "_form";
    const message = f.message ?? "Invalid value.";
    out[key] = out[key] ? `${out[key]} ${message}` : message;
  }
  return out;
}

type UpdateFields = Omit<UpdateGatewayRequest, "gatewayIdentifier">;
type CurrentGateway = Pick<
  GetGatewayResponse,
  "customTransformConfiguration" | "interceptorConfigurations" | "policyEngineConfiguration" | "wafConfiguration" | "protocolConfiguration" | "authorizerConfiguration"
>;

/**
 * UpdateGateway replaces the whole configuration, so settings the form does not edit (interceptors,
 * policy engine, WAF, MCP session/streaming, JWT private endpoints, MCP versions the console does not
 * list…) are carried over from the gateway as it is now instead of being wiped.
 */
export function withUnmanagedSettings(current: CurrentGateway, fields: Omit<GatewayFields, "tags">): UpdateFields {
  const out: UpdateFields = { ...fields };
  if (current.customTransformConfiguration) out.customTransformConfiguration = current.customTransformConfiguration;
  if (current.interceptorConfigurations) out.interceptorConfigurations = current.interceptorConfigurations;
  if (current.policyEngineConfiguration) out.policyEngineConfiguration = current.policyEngineConfiguration;
  if (current.wafConfiguration) out.wafConfiguration = current.wafConfiguration;

  const curMcp = current.protocolConfiguration?.mcp;
  if (curMcp) {
    const known = new Set<string>(MCP_VERSIONS);
    const extraVersions = (curMcp.supportedVersions ?? []).filter((v) => !known.has(v));
    const mcp = { ...(out.protocolConfiguration?.mcp ?? {}) };
    if (extraVersions.length) mcp.supportedVersions = [...(mcp.supportedVersions ?? []), ...extraVersions];
    if (curMcp.sessionConfiguration) mcp.sessionConfiguration = curMcp.sessionConfiguration;
    if (curMcp.streamingConfiguration) mcp.streamingConfiguration = curMcp.streamingConfiguration;
    if (Object.keys(mcp).length) out.protocolConfiguration = { mcp };
  }

  const curJwt = current.authorizerConfiguration?.customJWTAuthorizer;
  const newJwt = out.authorizerConfiguration?.customJWTAuthorizer;
  if (curJwt && newJwt) {
    const { advertisedScopeMapping, privateEndpoint, privateEndpointOverrides, allowedWorkloadConfiguration } = curJwt;
    out.authorizerConfiguration = {
      customJWTAuthorizer: {
        ...newJwt,
        ...(advertisedScopeMapping ? { advertisedScopeMapping } : {}),
        ...(privateEndpoint ? { privateEndpoint } : {}),
        ...(privateEndpointOverrides ? { privateEndpointOverrides } : {}),
        ...(allowedWorkloadConfiguration ? { allowedWorkloadConfiguration } : {}),
      },
    };
  }
  return out;
}

/** Names of the settings an update keeps as they are because the form cannot show them, for a note on the edit page. */
export function unmanagedSettingNames(current: CurrentGateway): string[] {
  const names: string[] = [];
  if (current.customTransformConfiguration) names.push("custom transform");
  if (current.interceptorConfigurations?.length) names.push("interceptors");
  if (current.policyEngineConfiguration) names.push("policy engine");
  if (current.wafConfiguration) names.push("WAF");
  const mcp = current.protocolConfiguration?.mcp;
  if (mcp?.sessionConfiguration) names.push("MCP session timeout");
  if (mcp?.streamingConfiguration) names.push("MCP response streaming");
  const known = new Set<string>(MCP_VERSIONS);
  if (mcp?.supportedVersions?.some((v) => !known.has(v))) names.push("other MCP versions");
  const jwt = current.authorizerConfiguration?.customJWTAuthorizer;
  if (jwt?.advertisedScopeMapping) names.push("advertised scope mapping");
  if (jwt?.privateEndpoint || jwt?.privateEndpointOverrides?.length) names.push("private identity provider endpoint");
  if (jwt?.allowedWorkloadConfiguration) names.push("allowed workloads");
  return names;
}

/** Authorizer types the form can edit; a gateway of another type is shown but not editable here. */
export function isEditableAuthorizerType(t: string | undefined): boolean {
  return t === "CUSTOM_JWT" || t === "AWS_IAM" || t === "NONE";
}
