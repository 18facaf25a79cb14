// The target form's schema: one source of truth for the create/edit target forms and their server actions.
import { z } from "zod";
import { parseApiDocument } from "@/formats/api-document";
import { OUTBOUND_AUTH_LABELS, TARGET_TYPE_LABELS } from "./labels";
import { validateToolSchemaText } from "./tool-schema";

export const TARGET_NAME_PATTERN = "^([0-9a-zA-Z][-]?){1,100}$";
export const TARGET_DESCRIPTION_MAX = 200;
export const TARGET_ID_PATTERN = "^[0-9a-zA-Z]{10}$";
export const LAMBDA_ARN_PATTERN = "^arn:(aws[a-zA-Z-]*)?:lambda:([a-z]{2}(-gov)?-[a-z]+-\\d{1}):(\\d{12}):function:([a-zA-Z0-9-_.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?$";
export const LAMBDA_ARN_MAX = 170;
export const S3_URI_PATTERN = "^s3://.{1,2043}$";
export const ACCOUNT_ID_PATTERN = "^[0-9]{12}$";
export const PROVIDER_ARN_PATTERN = "^arn:([^:]*):([^:]*):([^:]*):([0-9]{12})?:(.+)$";
export const IAM_SERVICE_PATTERN = "^[a-zA-Z0-9._-]+$";
export const OAUTH_RETURN_URL_PATTERN = "^\\w+:(\\/?\\/?)[^\\s]+$";
/**
 * The largest inline document (OpenAPI, Smithy, Lambda tool schema) the console sends, in UTF-8 bytes.
 * The model puts no length trait on InlinePayload; the AgentCore developer guide gives 10 MB as the
 * maximum model size ("Smithy model targets"), read here as 10,000,000 bytes, the stricter reading.
 * next.config.ts sizes the server-action body limit from it (next-config.test.ts checks they agree).
 */
export const INLINE_DOCUMENT_MAX_BYTES = 10_000_000;

export const TARGET_TYPES = ["lambda", "openApi", "smithy", "mcpServer", "apiGateway"] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

export const OUTBOUND_AUTH_TYPES = ["GATEWAY_IAM_ROLE", "API_KEY", "OAUTH", "NONE"] as const;
export type OutboundAuthType = (typeof OUTBOUND_AUTH_TYPES)[number];

/**
 * Outbound auth each target type supports (AgentCore developer guide, "Set up outbound authorization
 * for your gateway"): Lambda only the gateway role; Smithy the role or OAuth client credentials;
 * OpenAPI and MCP servers OAuth, API key, the role (SigV4 for a named service) or none; API Gateway
 * the role, an API key or none. The first entry is the default.
 */
export const OUTBOUND_AUTH_BY_TYPE: Record<TargetType, readonly OutboundAuthType[]> = {
  lambda: ["GATEWAY_IAM_ROLE"],
  openApi: ["API_KEY", "OAUTH", "GATEWAY_IAM_ROLE", "NONE"],
  smithy: ["GATEWAY_IAM_ROLE", "OAUTH"],
  mcpServer: ["NONE", "OAUTH", "GATEWAY_IAM_ROLE", "API_KEY"],
  apiGateway: ["GATEWAY_IAM_ROLE", "API_KEY", "NONE"],
};

export const OAUTH_GRANT_TYPES = ["CLIENT_CREDENTIALS", "AUTHORIZATION_CODE", "TOKEN_EXCHANGE"] as const;
export const REST_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

const re = (p: string) => new RegExp(p);

export type SchemaSourceValues = { source: "inline" | "s3"; inline: string; s3Uri: string; bucketOwner: string };

export type TargetFormValues = {
  name: string;
  description: string;
  type: TargetType;
  lambda: { arn: string } & SchemaSourceValues;
  openApi: SchemaSourceValues;
  smithy: SchemaSourceValues;
  mcpServer: { endpoint: string };
  apiGateway: {
    restApiId: string;
    stage: string;
    filters: { path: string; methods: (typeof REST_METHODS)[number][] }[];
    overrides: { name: string; description: string; path: string; method: (typeof REST_METHODS)[number] }[];
  };
  auth: {
    type: OutboundAuthType;
    iamService: string;
    iamRegion: string;
    apiKey: { providerArn: string; location: "HEADER" | "QUERY_PARAMETER"; parameterName: string; prefix: string };
    oauth: { providerArn: string; scopes: string[]; grantType: (typeof OAUTH_GRANT_TYPES)[number]; customParameters: { key: string; value: string }[]; returnUrl: string };
  };
};

export function emptySchemaSource(): SchemaSourceValues {
  return { source: "inline", inline: "", s3Uri: "", bucketOwner: "" };
}

export function emptyTargetForm(): TargetFormValues {
  return {
    name: "",
    description: "",
    type: "lambda",
    lambda: { arn: "", ...emptySchemaSource() },
    openApi: emptySchemaSource(),
    smithy: emptySchemaSource(),
    mcpServer: { endpoint: "" },
    apiGateway: { restApiId: "", stage: "", filters: [{ path: "/*", methods: ["GET"] }], overrides: [] },
    auth: {
      type: "GATEWAY_IAM_ROLE",
      iamService: "",
      iamRegion: "",
      apiKey: { providerArn: "", location: "HEADER", parameterName: "", prefix: "" },
      oauth: { providerArn: "", scopes: [], grantType: "CLIENT_CREDENTIALS", customParameters: [], returnUrl: "" },
    },
  };
}

type Issue = { path: (string | number)[]; message: string };

const MB = (bytes: number) => `${(bytes / 1_000_000).toFixed(1).replace(/\.0$/, "")} MB`;

/** UTF-8 length without allocating a copy of a multi-megabyte string. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The field message for an inline document AgentCore would refuse for its size, or undefined. */
export function inlineDocumentSizeProblem(text: string, what: string): string | undefined {
  // Cheap bound first: a string of n UTF-16 units has at most 3n UTF-8 bytes.
  if (text.length * 3 <= INLINE_DOCUMENT_MAX_BYTES) return undefined;
  const bytes = utf8Length(text);
  if (bytes <= INLINE_DOCUMENT_MAX_BYTES) return undefined;
  return `This ${what} is ${MB(bytes)}; AgentCore accepts inline documents up to ${MB(INLINE_DOCUMENT_MAX_BYTES)}. Upload it to Amazon S3 and choose the S3 source instead.`;
}

/**
 * What the form sends to its server action: the chosen type's settings, with the inline documents of the
 * other types left out (they stay in the form), so three pasted documents never weigh on one request.
 */
export function targetValuesToSubmit(v: TargetFormValues): TargetFormValues {
  const blank = (s: SchemaSourceValues, type: TargetType) => (v.type === type ? s : { ...s, inline: "" });
  return { ...v, lambda: { ...blank(v.lambda, "lambda"), arn: v.lambda.arn }, openApi: blank(v.openApi, "openApi"), smithy: blank(v.smithy, "smithy") };
}

function checkS3(v: SchemaSourceValues, base: string[], issues: Issue[]) {
  const uri = v.s3Uri.trim();
  if (uri === "") issues.push({ path: [...base, "s3Uri"], message: "Enter the S3 URI of the schema, like s3://my-bucket/schemas/tools.json." });
  else if (!re(S3_URI_PATTERN).test(uri) || !/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/.+/.test(uri))
    issues.push({ path: [...base, "s3Uri"], message: "Enter an S3 object URI: s3://bucket/key (the bucket name in lowercase, then the object key)." });
  const owner = v.bucketOwner.trim();
  if (owner !== "" && !re(ACCOUNT_ID_PATTERN).test(owner)) issues.push({ path: [...base, "bucketOwner"], message: "The bucket owner is a 12-digit AWS account id." });
}

function checkApiDocument(v: SchemaSourceValues, kind: "openapi" | "smithy", base: string[], issues: Issue[]) {
  if (v.source === "s3") return checkS3(v, base, issues);
  if (v.inline.trim() === "") return issues.push({ path: [...base, "inline"], message: kind === "openapi" ? "Paste or upload the OpenAPI document." : "Paste or upload the Smithy model (JSON AST)." });
  const tooLarge = inlineDocumentSizeProblem(v.inline, kind === "openapi" ? "OpenAPI document" : "Smithy model");
  if (tooLarge) return issues.push({ path: [...base, "inline"], message: tooLarge });
  const parsed = parseApiDocument(v.inline, kind);
  if (!parsed.ok) issues.push({ path: [...base, "inline"], message: `Line ${parsed.line}, column ${parsed.column}: ${parsed.message}` });
}

function checkTargetConfig(v: TargetFormValues, issues: Issue[]) {
  switch (v.type) {
    case "lambda": {
      const arn = v.lambda.arn.trim();
      if (arn === "") issues.push({ path: ["lambda", "arn"], message: "Enter the Lambda function ARN." });
      else if (arn.length > LAMBDA_ARN_MAX || !re(LAMBDA_ARN_PATTERN).test(arn))
        issues.push({ path: ["lambda", "arn"], message: "Enter a Lambda function ARN, like arn:aws:lambda:us-east-1:123456789012:function:my-tools (an alias or version may follow)." });
      if (v.lambda.source === "s3") checkS3(v.lambda, ["lambda"], issues);
      else if (v.lambda.inline.trim() === "") issues.push({ path: ["lambda", "inline"], message: "Paste the tool schema: a JSON array of tool definitions." });
      else {
        const tooLarge = inlineDocumentSizeProblem(v.lambda.inline, "tool schema");
        if (tooLarge) return void issues.push({ path: ["lambda", "inline"], message: tooLarge });
        const r = validateToolSchemaText(v.lambda.inline);
        if (!r.ok) {
          const shown = r.problems.slice(0, 5).map((p) => `Line ${p.line}, column ${p.column}${p.path ? ` (${p.path})` : ""}: ${p.message}`);
          if (r.problems.length > 5) shown.push(`…and ${r.problems.length - 5} more.`);
          issues.push({ path: ["lambda", "inline"], message: shown.join("\n") });
        }
      }
      return;
    }
    case "openApi":
      return checkApiDocument(v.openApi, "openapi", ["openApi"], issues);
    case "smithy":
      return checkApiDocument(v.smithy, "smithy", ["smithy"], issues);
    case "mcpServer": {
      const e = v.mcpServer.endpoint.trim();
      if (e === "") issues.push({ path: ["mcpServer", "endpoint"], message: "Enter the MCP server's endpoint URL." });
      else if (!/^https:\/\/[^\s/]+/.test(e)) issues.push({ path: ["mcpServer", "endpoint"], message: "The MCP server endpoint must be an https:// URL." });
      return;
    }
    case "apiGateway": {
      const a = v.apiGateway;
      if (!/^[a-z0-9]{10}$/.test(a.restApiId.trim())) issues.push({ path: ["apiGateway", "restApiId"], message: "Enter the REST API id: 10 lowercase letters and digits, like a1b2c3d4e5." });
      if (!/^[a-zA-Z0-9_]{1,128}$/.test(a.stage.trim())) issues.push({ path: ["apiGateway", "stage"], message: "Enter the stage name: letters, digits and underscores, like prod." });
      if (a.filters.length === 0) issues.push({ path: ["apiGateway", "filters"], message: "Add at least one tool filter: which paths and methods become tools." });
      a.filters.forEach((f, i) => {
        if (!f.path.trim().startsWith("/")) issues.push({ path: ["apiGateway", "filters", i, "path"], message: "A filter path starts with /, like /orders or /orders/*." });
        if (f.methods.length === 0) issues.push({ path: ["apiGateway", "filters", i, "methods"], message: "Choose at least one method." });
        else if (f.methods.some((m) => !(REST_METHODS as readonly string[]).includes(m))) issues.push({ path: ["apiGateway", "filters", i, "methods"], message: `Methods are ${REST_METHODS.join(", ")}.` });
      });
      a.overrides.forEach((o, i) => {
        if (!/^[a-zA-Z0-9_-]{1,64}$/.test(o.name.trim())) issues.push({ path: ["apiGateway", "overrides", i, "name"], message: "A tool name uses letters, digits, _ and - (at most 64)." });
        if (!o.path.trim().startsWith("/")) issues.push({ path: ["apiGateway", "overrides", i, "path"], message: "The path starts with /." });
        if (!(REST_METHODS as readonly string[]).includes(o.method)) issues.push({ path: ["apiGateway", "overrides", i, "method"], message: `Methods are ${REST_METHODS.join(", ")}.` });
      });
      return;
    }
  }
}

function checkAuth(v: TargetFormValues, issues: Issue[]) {
  const allowed = OUTBOUND_AUTH_BY_TYPE[v.type];
  const a = v.auth;
  if (!allowed.includes(a.type)) {
    issues.push({ path: ["auth", "type"], message: `${TARGET_TYPE_LABELS[v.type].label} targets support ${allowed.map((t) => OUTBOUND_AUTH_LABELS[t]).join(", ")}.` });
    return;
  }
  if (a.type === "GATEWAY_IAM_ROLE" && (v.type === "openApi" || v.type === "mcpServer")) {
    if (!re(IAM_SERVICE_PATTERN).test(a.iamService.trim()) || a.iamService.trim().length > 64)
      issues.push({ path: ["auth", "iamService"], message: "Enter the service name requests are signed for (SigV4), like execute-api, lambda or bedrock-agentcore." });
    if (a.iamRegion.trim() !== "" && !/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(a.iamRegion.trim()))
      issues.push({ path: ["auth", "iamRegion"], message: "Enter a region like us-east-1, or leave empty for the gateway's region." });
  }
  if (a.type === "API_KEY") {
    if (!re(PROVIDER_ARN_PATTERN).test(a.apiKey.providerArn.trim())) issues.push({ path: ["auth", "apiKey", "providerArn"], message: "Choose an API key credential provider." });
    if (a.apiKey.parameterName.length > 64) issues.push({ path: ["auth", "apiKey", "parameterName"], message: "Use at most 64 characters." });
    if (a.apiKey.prefix.length > 64) issues.push({ path: ["auth", "apiKey", "prefix"], message: "Use at most 64 characters." });
  }
  if (a.type === "OAUTH") {
    if (!re(PROVIDER_ARN_PATTERN).test(a.oauth.providerArn.trim())) issues.push({ path: ["auth", "oauth", "providerArn"], message: "Choose an OAuth credential provider." });
    const scopes = a.oauth.scopes.map((s) => s.trim());
    if (scopes.filter(Boolean).length > 100) issues.push({ path: ["auth", "oauth", "scopes"], message: "At most 100 scopes." });
    scopes.forEach((s, i) => {
      if (s !== "" && (s.length > 64 || /\s/.test(s))) issues.push({ path: ["auth", "oauth", "scopes", i], message: "A scope has no spaces and at most 64 characters." });
    });
    if (v.type === "smithy" && a.oauth.grantType !== "CLIENT_CREDENTIALS")
      issues.push({ path: ["auth", "oauth", "grantType"], message: "Smithy targets support the client credentials grant only." });
    if (a.oauth.grantType === "AUTHORIZATION_CODE" && a.oauth.returnUrl.trim() !== "" && !re(OAUTH_RETURN_URL_PATTERN).test(a.oauth.returnUrl.trim()))
      issues.push({ path: ["auth", "oauth", "returnUrl"], message: "Enter a URL, like https://app.example.com/oauth/done." });
    if (a.oauth.customParameters.length > 10) issues.push({ path: ["auth", "oauth", "customParameters"], message: "At most 10 custom parameters." });
    const names = new Set<string>();
    a.oauth.customParameters.forEach((p, i) => {
      const key = p.key.trim();
      const at = ["auth", "oauth", "customParameters", i];
      if (key === "" && p.value.trim() === "") return;
      if (key === "") issues.push({ path: [...at, "key"], message: "Write the parameter as name=value." });
      else if (key.length > 256) issues.push({ path: [...at, "key"], message: "A parameter name has at most 256 characters." });
      else if (names.has(key)) issues.push({ path: [...at, "key"], message: "This parameter is set twice." });
      else if (p.value === "" || p.value.length > 2048) issues.push({ path: [...at, "value"], message: "Give the parameter a value (1 to 2048 characters) after the =." });
      names.add(key);
    });
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Everything CreateGatewayTarget / UpdateGatewayTarget take from the form. */
export const targetSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "Enter a target name.")
      .max(100, "Use at most 100 characters.")
      .regex(re(TARGET_NAME_PATTERN), "Start with a letter or digit, then use letters, digits and single hyphens (no double hyphens)."),
    description: z.string().max(TARGET_DESCRIPTION_MAX, `Use at most ${TARGET_DESCRIPTION_MAX} characters.`),
    type: z.enum(TARGET_TYPES, "Choose the target type."),
    lambda: z.unknown(),
    openApi: z.unknown(),
    smithy: z.unknown(),
    mcpServer: z.unknown(),
    apiGateway: z.unknown(),
    auth: z.unknown(),
  })
  .superRefine(
    (raw, ctx) => {
      // The sub-objects are plain form state; only the chosen type's part and its auth are checked.
      const v = raw as unknown as TargetFormValues;
      if (!TARGET_TYPES.includes(v.type)) return;
      if (!isRecord(v[v.type])) return ctx.addIssue({ code: "custom", path: [v.type], message: "The target settings are incomplete." });
      if (!isRecord(v.auth)) return ctx.addIssue({ code: "custom", path: ["auth", "type"], message: "Choose the target's outbound auth." });
      const issues: Issue[] = [];
      try {
        checkTargetConfig(v, issues);
        checkAuth(v, issues);
      } catch {
        issues.push({ path: [v.type], message: "The target settings are incomplete." });
      }
      for (const i of issues) ctx.addIssue({ code: "custom", path: i.path, message: i.message });
    },
    { when: (payload) => isRecord(payload.value) },
  )
  .transform((v) => v as unknown as TargetFormValues);
