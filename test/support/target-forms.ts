// Valid target forms of every type, shared by the target schema tests and the form/sandbox parity tests.
import { issuesToFieldErrors, type FieldErrors } from "@/lib/schemas/form-errors";
import { emptyTargetForm, OUTBOUND_AUTH_BY_TYPE, targetSchema, type OutboundAuthType, type TargetFormValues, type TargetType } from "@/lib/schemas/target";

export const LAMBDA_ARN = "arn:aws:lambda:us-east-1:123456789012:function:weather-tools";
export const API_KEY_ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/pets-key";
export const OAUTH_ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/oauth2credentialprovider/pets-oauth";
export const TOOLS = JSON.stringify([{ name: "get_weather", description: "Current weather", inputSchema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } }], null, 2);
export const OPENAPI_JSON = JSON.stringify({ openapi: "3.0.1", info: { title: "Pets", version: "1.0" }, paths: { "/pets": { get: { operationId: "listPets" } } } }, null, 2);
export const OPENAPI_YAML = `openapi: 3.1.0
info:
  title: Pets
  version: "1.0"
paths:
  /pets:
    get:
      operationId: listPets
`;
export const SMITHY = JSON.stringify({ smithy: "2.0", shapes: { "example.weather#Weather": { type: "service", version: "1" }, "example.weather#GetForecast": { type: "operation" } } }, null, 2);

/** A valid form of the given type with its default outbound auth (the first listed), the IAM service filled where needed. */
export function form(type: TargetType = "lambda", edit: (v: TargetFormValues) => void = () => {}): TargetFormValues {
  const v = emptyTargetForm();
  v.name = "weather";
  v.type = type;
  v.lambda = { ...v.lambda, arn: LAMBDA_ARN, inline: TOOLS };
  v.openApi.inline = OPENAPI_JSON;
  v.smithy.inline = SMITHY;
  v.mcpServer.endpoint = "https://mcp.example.com/mcp";
  v.apiGateway = { ...v.apiGateway, restApiId: "a1b2c3d4e5", stage: "prod" };
  v.auth.type = OUTBOUND_AUTH_BY_TYPE[type][0];
  v.auth.iamService = "execute-api";
  v.auth.apiKey.providerArn = API_KEY_ARN;
  v.auth.oauth.providerArn = OAUTH_ARN;
  edit(v);
  return v;
}

/** The same form with another outbound auth. */
export const withAuth = (type: TargetType, auth: OutboundAuthType, edit: (v: TargetFormValues) => void = () => {}) =>
  form(type, (v) => {
    v.auth.type = auth;
    edit(v);
  });

/** What the form shows: the first message per field, as the server action returns it. */
export function fieldErrors(values: unknown): FieldErrors {
  const r = targetSchema.safeParse(values);
  return r.success ? {} : issuesToFieldErrors(r.error.issues);
}

