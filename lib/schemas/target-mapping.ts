// Converts between the target form's values and AgentCore Control's target request/response shapes.
import type {
  CreateGatewayTargetRequest,
  CredentialProviderConfiguration,
  GetGatewayTargetResponse,
  McpTargetConfiguration,
  ToolDefinition,
} from "@aws-sdk/client-bedrock-agentcore-control";
import type { FieldErrors } from "./form-errors";
import { emptySchemaSource, emptyTargetForm, type SchemaSourceValues, type TargetFormValues, type TargetType } from "./target";

export type TargetFields = Pick<CreateGatewayTargetRequest, "name" | "description" | "targetConfiguration" | "credentialProviderConfigurations">;

function s3(v: SchemaSourceValues) {
  return { uri: v.s3Uri.trim(), ...(v.bucketOwner.trim() ? { bucketOwnerAccountId: v.bucketOwner.trim() } : {}) };
}

function mcpConfig(v: TargetFormValues): McpTargetConfiguration {
  switch (v.type) {
    case "lambda":
      return {
        lambda: {
          lambdaArn: v.lambda.arn.trim(),
          toolSchema: v.lambda.source === "s3" ? { s3: s3(v.lambda) } : { inlinePayload: JSON.parse(v.lambda.inline) as ToolDefinition[] },
        },
      };
    case "openApi":
      return { openApiSchema: v.openApi.source === "s3" ? { s3: s3(v.openApi) } : { inlinePayload: v.openApi.inline } };
    case "smithy":
      return { smithyModel: v.smithy.source === "s3" ? { s3: s3(v.smithy) } : { inlinePayload: v.smithy.inline } };
    case "mcpServer":
      return { mcpServer: { endpoint: v.mcpServer.endpoint.trim() } };
    case "apiGateway":
      return {
        apiGateway: {
          restApiId: v.apiGateway.restApiId.trim(),
          stage: v.apiGateway.stage.trim(),
          apiGatewayToolConfiguration: {
            toolFilters: v.apiGateway.filters.map((f) => ({ filterPath: f.path.trim(), methods: [...f.methods] })),
            ...(v.apiGateway.overrides.length
              ? {
                  toolOverrides: v.apiGateway.overrides.map((o) => ({
                    name: o.name.trim(),
                    path: o.path.trim(),
                    method: o.method,
                    ...(o.description.trim() ? { description: o.description.trim() } : {}),
                  })),
                }
              : {}),
          },
        },
      };
  }
}

function credentialConfig(v: TargetFormValues): CredentialProviderConfiguration[] | undefined {
  const a = v.auth;
  switch (a.type) {
    case "NONE":
      return undefined;
    case "GATEWAY_IAM_ROLE":
      if (v.type === "openApi" || v.type === "mcpServer") {
        return [
          {
            credentialProviderType: "GATEWAY_IAM_ROLE",
            credentialProvider: { iamCredentialProvider: { service: a.iamService.trim(), ...(a.iamRegion.trim() ? { region: a.iamRegion.trim() } : {}) } },
          },
        ];
      }
      return [{ credentialProviderType: "GATEWAY_IAM_ROLE" }];
    case "API_KEY":
      return [
        {
          credentialProviderType: "API_KEY",
          credentialProvider: {
            apiKeyCredentialProvider: {
              providerArn: a.apiKey.providerArn.trim(),
              credentialLocation: a.apiKey.location,
              ...(a.apiKey.parameterName.trim() ? { credentialParameterName: a.apiKey.parameterName.trim() } : {}),
              ...(a.apiKey.prefix ? { credentialPrefix: a.apiKey.prefix } : {}),
            },
          },
        },
      ];
    case "OAUTH": {
      const params = a.oauth.customParameters.filter((p) => p.key.trim() !== "");
      return [
        {
          credentialProviderType: "OAUTH",
          credentialProvider: {
            oauthCredentialProvider: {
              providerArn: a.oauth.providerArn.trim(),
              scopes: a.oauth.scopes.map((s) => s.trim()).filter(Boolean),
              grantType: a.oauth.grantType,
              ...(params.length ? { customParameters: Object.fromEntries(params.map((p) => [p.key.trim(), p.value])) } : {}),
              ...(a.oauth.grantType === "AUTHORIZATION_CODE" && a.oauth.returnUrl.trim() ? { defaultReturnUrl: a.oauth.returnUrl.trim() } : {}),
            },
          },
        },
      ];
    }
  }
}

/** The request body shared by CreateGatewayTarget and UpdateGatewayTarget (a full replacement). */
export function toTargetRequest(v: TargetFormValues): TargetFields {
  const creds = credentialConfig(v);
  return {
    name: v.name.trim(),
    ...(v.description.trim() ? { description: v.description } : {}),
    targetConfiguration: { mcp: mcpConfig(v) },
    ...(creds ? { credentialProviderConfigurations: creds } : {}),
  };
}

export function targetTypeOf(t: Partial<Pick<GetGatewayTargetResponse, "targetConfiguration">>): TargetType | "other" {
  const mcp = t.targetConfiguration?.mcp;
  if (mcp?.lambda) return "lambda";
  if (mcp?.openApiSchema) return "openApi";
  if (mcp?.smithyModel) return "smithy";
  if (mcp?.mcpServer) return "mcpServer";
  if (mcp?.apiGateway) return "apiGateway";
  return "other";
}

function sourceFrom(schema: { s3?: { uri?: string; bucketOwnerAccountId?: string }; inlinePayload?: unknown } | undefined): SchemaSourceValues {
  if (!schema) return emptySchemaSource();
  if (schema.s3) return { source: "s3", inline: "", s3Uri: schema.s3.uri ?? "", bucketOwner: schema.s3.bucketOwnerAccountId ?? "" };
  const inline = typeof schema.inlinePayload === "string" ? schema.inlinePayload : JSON.stringify(schema.inlinePayload ?? [], null, 2);
  return { source: "inline", inline, s3Uri: "", bucketOwner: "" };
}

/** Form values for editing a target: everything it has now. */
export function targetToFormValues(t: Partial<Pick<GetGatewayTargetResponse, "name" | "description" | "targetConfiguration" | "credentialProviderConfigurations">>): TargetFormValues {
  const v = emptyTargetForm();
  v.name = t.name ?? "";
  v.description = t.description ?? "";
  const type = targetTypeOf(t);
  if (type !== "other") v.type = type;
  const mcp = t.targetConfiguration?.mcp;
  if (mcp?.lambda) v.lambda = { arn: mcp.lambda.lambdaArn ?? "", ...sourceFrom(mcp.lambda.toolSchema) };
  if (mcp?.openApiSchema) v.openApi = sourceFrom(mcp.openApiSchema);
  if (mcp?.smithyModel) v.smithy = sourceFrom(mcp.smithyModel);
  if (mcp?.mcpServer) v.mcpServer = { endpoint: mcp.mcpServer.endpoint ?? "" };
  if (mcp?.apiGateway) {
    const g = mcp.apiGateway;
    v.apiGateway = {
      restApiId: g.restApiId ?? "",
      stage: g.stage ?? "",
      filters: (g.apiGatewayToolConfiguration?.toolFilters ?? []).map((f) => ({ path: f.filterPath ?? "", methods: [...(f.methods ?? [])] })),
      overrides: (g.apiGatewayToolConfiguration?.toolOverrides ?? []).map((o) => ({ name: o.name ?? "", description: o.description ?? "", path: o.path ?? "", method: o.method ?? "GET" })),
    };
  }
  const c = t.credentialProviderConfigurations?.[0];
  if (!c) v.auth.type = "NONE";
  else if (c.credentialProviderType === "GATEWAY_IAM_ROLE") {
    v.auth.type = "GATEWAY_IAM_ROLE";
    v.auth.iamService = c.credentialProvider?.iamCredentialProvider?.service ?? "";
    v.auth.iamRegion = c.credentialProvider?.iamCredentialProvider?.region ?? "";
  } else if (c.credentialProviderType === "API_KEY") {
    const k = c.credentialProvider?.apiKeyCredentialProvider;
    v.auth.type = "API_KEY";
    v.auth.apiKey = { providerArn: k?.providerArn ?? "", location: k?.credentialLocation ?? "HEADER", parameterName: k?.credentialParameterName ?? "", prefix: k?.credentialPrefix ?? "" };
  } else if (c.credentialProviderType === "OAUTH") {
    const o = c.credentialProvider?.oauthCredentialProvider;
    v.auth.type = "OAUTH";
    v.auth.oauth = {
      providerArn: o?.providerArn ?? "",
      scopes: [...(o?.scopes ?? [])],
      grantType: o?.grantType ?? "CLIENT_CREDENTIALS",
      customParameters: Object.entries(o?.customParameters ?? {}).map(([key, value]) => ({ key, value })),
      returnUrl: o?.defaultReturnUrl ?? "",
    };
  }
  return v;
}

const RULES: [RegExp, (m: RegExpMatchArray, type: TargetType) => string][] = [
  [/^name$/, () => "name"],
  [/^description$/, () => "description"],
  [/^targetConfiguration\.mcp\.lambda\.lambdaArn/, () => "lambda.arn"],
  [/^targetConfiguration\.mcp\.lambda\.toolSchema\.s3\.uri/, () => "lambda.s3Uri"],
  [/^targetConfiguration\.mcp\.lambda\.toolSchema\.s3\.bucketOwnerAccountId/, () => "lambda.bucketOwner"],
  [/^targetConfiguration\.mcp\.lambda\.toolSchema/, () => "lambda.inline"],
  [/^targetConfiguration\.mcp\.(openApiSchema|smithyModel)\.s3\.uri/, (m) => `${m[1] === "openApiSchema" ? "openApi" : "smithy"}.s3Uri`],
  [/^targetConfiguration\.mcp\.(openApiSchema|smithyModel)\.s3\.bucketOwnerAccountId/, (m) => `${m[1] === "openApiSchema" ? "openApi" : "smithy"}.bucketOwner`],
  [/^targetConfiguration\.mcp\.(openApiSchema|smithyModel)/, (m) => `${m[1] === "openApiSchema" ? "openApi" : "smithy"}.inline`],
  [/^targetConfiguration\.mcp\.mcpServer/, () => "mcpServer.endpoint"],
  [/^targetConfiguration\.mcp\.apiGateway\.restApiId/, () => "apiGateway.restApiId"],
  [/^targetConfiguration\.mcp\.apiGateway\.stage/, () => "apiGateway.stage"],
  [/^targetConfiguration\.mcp\.apiGateway/, () => "apiGateway.filters"],
  [/^credentialProviderConfigurations.*apiKeyCredentialProvider\.providerArn/, () => "auth.apiKey.providerArn"],
  [/^credentialProviderConfigurations.*oauthCredentialProvider\.providerArn/, () => "auth.oauth.providerArn"],
  [/^credentialProviderConfigurations.*oauthCredentialProvider\.scopes/, () => "auth.oauth.scopes"],
  [/^credentialProviderConfigurations.*oauthCredentialProvider\.grantType/, () => "auth.oauth.grantType"],
  [/^credentialProviderConfigurations.*oauthCredentialProvider\.defaultReturnUrl/, () => "auth.oauth.returnUrl"],
  [/^credentialProviderConfigurations.*oauthCredentialProvider\.customParameters/, () => "auth.oauth.customParameters"],
  [/^credentialProviderConfigurations.*apiKeyCredentialProvider\.credentialParameterName/, () => "auth.apiKey.parameterName"],
  [/^credentialProviderConfigurations.*apiKeyCredentialProvider\.credentialPrefix/, () => "auth.apiKey.prefix"],
  [/^credentialProviderConfigurations.*iamCredentialProvider\.region/, () => "auth.iamRegion"],
  [/^credentialProviderConfigurations.*iamCredentialProvider\.service/, () => "auth.iamService"],
  [/^credentialProviderConfigurations/, () => "auth.type"],
  [/^targetConfiguration/, (_m, type) => `${type}`],
];

/** Places an AWS ValidationException's fieldList on the target form's fields; the rest goes under "_form". */
export function awsTargetFieldListToFormErrors(fieldList: { name?: string; message?: string }[], type: TargetType): FieldErrors {
  const out: FieldErrors = {};
  for (const f of fieldList) {
    const name = f.name ?? "";
    let key = "_form";
    for (const [re, to] of RULES) {
      const m = name.match(re);
      if (m) {
        key = to(m, type);
        break;
      }
    }
    const message = f.message ?? "Invalid value.";
    out[key] = out[key] ? `${out[key]} ${message}` : message;
  }
  return out;
}
