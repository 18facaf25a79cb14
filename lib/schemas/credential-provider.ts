// Credential provider forms (API key, OAuth2): one zod schema each for the form and the server action, and the mapping to AgentCore Identity requests.
import { z } from "zod";
import type { CreateOauth2CredentialProviderRequest, Oauth2Discovery, Oauth2ProviderConfigInput } from "@aws-sdk/client-bedrock-agentcore-control";
import type { FieldErrors } from "./form-errors";

// The model's constraints (bedrock-agentcore-control 2023-06-05); credential-provider.test.ts checks each against the extract.
export const PROVIDER_NAME_PATTERN = "^[a-zA-Z0-9\\-_]+$";
export const PROVIDER_NAME_MAX = 128;
export const API_KEY_MAX = 65536;
export const CLIENT_ID_MAX = 256;
export const CLIENT_SECRET_MAX = 2048;
export const TENANT_ID_MAX = 2048;
export const OAUTH2_DISCOVERY_URL_PATTERN = "^.+/\\.well-known/(openid-configuration|oauth-authorization-server)$";
export const TOKEN_AUTH_METHODS = ["client_secret_basic", "client_secret_post"] as const;

export type ProviderKind = "apiKey" | "oauth";
export const PROVIDER_KINDS = ["apiKey", "oauth"] as const satisfies readonly ProviderKind[];
/** How the console names each kind in titles, buttons and messages. */
export const PROVIDER_NOUN: Record<ProviderKind, string> = { apiKey: "API key provider", oauth: "OAuth2 provider" };

/** CredentialProviderVendorType, in the model's order. */
export const CREDENTIAL_PROVIDER_VENDORS = [
  "GoogleOauth2",
  "GithubOauth2",
  "SlackOauth2",
  "SalesforceOauth2",
  "MicrosoftOauth2",
  "CustomOauth2",
  "AtlassianOauth2",
  "LinkedinOauth2",
  "XOauth2",
  "OktaOauth2",
  "OneLoginOauth2",
  "PingOneOauth2",
  "FacebookOauth2",
  "YandexOauth2",
  "RedditOauth2",
  "ZoomOauth2",
  "TwitchOauth2",
  "SpotifyOauth2",
  "DropboxOauth2",
  "NotionOauth2",
  "HubspotOauth2",
  "CyberArkOauth2",
  "FusionAuthOauth2",
  "Auth0Oauth2",
  "CognitoOauth2",
] as const;
export type CredentialProviderVendor = (typeof CREDENTIAL_PROVIDER_VENDORS)[number];

/** The oauth2ProviderConfigInput member a vendor takes; vendors without their own member use includedOauth2ProviderConfig. */
export type VendorConfigMember =
  | "customOauth2ProviderConfig"
  | "googleOauth2ProviderConfig"
  | "githubOauth2ProviderConfig"
  | "slackOauth2ProviderConfig"
  | "salesforceOauth2ProviderConfig"
  | "microsoftOauth2ProviderConfig"
  | "atlassianOauth2ProviderConfig"
  | "linkedinOauth2ProviderConfig"
  | "includedOauth2ProviderConfig";

export type VendorInfo = {
  label: string;
  member: VendorConfigMember;
  /** Listed first in the picker. */
  common: boolean;
  /** Tenant-hosted authorization servers: the issuer (or both endpoints) of your tenant is needed. */
  needsIssuer?: boolean;
  issuerExample?: string;
};

export const VENDORS: Record<CredentialProviderVendor, VendorInfo> = {
  GoogleOauth2: { label: "Google", member: "googleOauth2ProviderConfig", common: true },
  GithubOauth2: { label: "GitHub", member: "githubOauth2ProviderConfig", common: true },
  SlackOauth2: { label: "Slack", member: "slackOauth2ProviderConfig", common: true },
  SalesforceOauth2: { label: "Salesforce", member: "salesforceOauth2ProviderConfig", common: true },
  MicrosoftOauth2: { label: "Microsoft (Entra ID)", member: "microsoftOauth2ProviderConfig", common: true },
  AtlassianOauth2: { label: "Atlassian", member: "atlassianOauth2ProviderConfig", common: true },
  LinkedinOauth2: { label: "LinkedIn", member: "linkedinOauth2ProviderConfig", common: true },
  CustomOauth2: { label: "Custom (any OAuth2 / OIDC server)", member: "customOauth2ProviderConfig", common: true },
  XOauth2: { label: "X (Twitter)", member: "includedOauth2ProviderConfig", common: false },
  OktaOauth2: { label: "Okta", member: "includedOauth2ProviderConfig", common: false, needsIssuer: true, issuerExample: "https://your-org.okta.com/oauth2/default" },
  OneLoginOauth2: { label: "OneLogin", member: "includedOauth2ProviderConfig", common: false, needsIssuer: true, issuerExample: "https://your-org.onelogin.com/oidc/2" },
  PingOneOauth2: { label: "PingOne", member: "includedOauth2ProviderConfig", common: false, needsIssuer: true, issuerExample: "https://auth.pingone.com/<environment id>/as" },
  FacebookOauth2: { label: "Facebook", member: "includedOauth2ProviderConfig", common: false },
  YandexOauth2: { label: "Yandex", member: "includedOauth2ProviderConfig", common: false },
  RedditOauth2: { label: "Reddit", member: "includedOauth2ProviderConfig", common: false },
  ZoomOauth2: { label: "Zoom", member: "includedOauth2ProviderConfig", common: false },
  TwitchOauth2: { label: "Twitch", member: "includedOauth2ProviderConfig", common: false },
  SpotifyOauth2: { label: "Spotify", member: "includedOauth2ProviderConfig", common: false },
  DropboxOauth2: { label: "Dropbox", member: "includedOauth2ProviderConfig", common: false },
  NotionOauth2: { label: "Notion", member: "includedOauth2ProviderConfig", common: false },
  HubspotOauth2: { label: "HubSpot", member: "includedOauth2ProviderConfig", common: false },
  CyberArkOauth2: { label: "CyberArk", member: "includedOauth2ProviderConfig", common: false, needsIssuer: true, issuerExample: "https://<tenant>.id.cyberark.cloud" },
  FusionAuthOauth2: { label: "FusionAuth", member: "includedOauth2ProviderConfig", common: false, needsIssuer: true, issuerExample: "https://auth.example.com" },
  Auth0Oauth2: { label: "Auth0", member: "includedOauth2ProviderConfig", common: false, needsIssuer: true, issuerExample: "https://your-tenant.us.auth0.com/" },
  CognitoOauth2: {
    label: "Amazon Cognito",
    member: "includedOauth2ProviderConfig",
    common: false,
    needsIssuer: true,
    issuerExample: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEfGhI",
  },
};

export function vendorLabel(vendor: string): string {
  return (VENDORS as Record<string, VendorInfo | undefined>)[vendor]?.label ?? vendor;
}

const re = (p: string) => new RegExp(p);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function isHttpsUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === "https:" && u.hostname !== "";
  } catch {
    return false;
  }
}

export const providerNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a name for the provider.")
  .max(PROVIDER_NAME_MAX, `Use at most ${PROVIDER_NAME_MAX} characters.`)
  .regex(re(PROVIDER_NAME_PATTERN), "Use letters, digits, hyphens and underscores only.");

/** A write-only secret typed once: not trimmed (it is sent as typed), but stray spaces and line breaks at its ends are refused. */
function secretSchema(what: string, max: number) {
  return z
    .string()
    .min(1, `Enter the ${what}.`)
    .max(max, `Use at most ${max} characters.`)
    .refine((v) => v === v.trim(), `The ${what} starts or ends with a space or line break. Remove it.`);
}

export const apiKeySchema = secretSchema("API key", API_KEY_MAX);
export const clientSecretSchema = secretSchema("client secret", CLIENT_SECRET_MAX);

export const clientIdSchema = z.string().trim().min(1, "Enter the client ID.").max(CLIENT_ID_MAX, `Use at most ${CLIENT_ID_MAX} characters.`);

export const oauth2DiscoveryUrlSchema = z
  .string()
  .trim()
  .min(1, "Enter the discovery URL.")
  .regex(re(OAUTH2_DISCOVERY_URL_PATTERN), "The discovery URL must end with /.well-known/openid-configuration or /.well-known/oauth-authorization-server.")
  .refine(isHttpsUrl, "Enter a full https URL, like https://idp.example.com/.well-known/openid-configuration.");

function httpsUrlSchema(what: string, example: string) {
  return z.string().trim().min(1, `Enter the ${what}.`).refine(isHttpsUrl, `Enter an https URL, like ${example}.`);
}

export const issuerSchema = httpsUrlSchema("issuer URL", "https://idp.example.com");
export const authorizationEndpointSchema = httpsUrlSchema("authorization endpoint", "https://idp.example.com/oauth2/authorize");
export const tokenEndpointSchema = httpsUrlSchema("token endpoint", "https://idp.example.com/oauth2/token");

export const tenantIdSchema = z
  .string()
  .trim()
  .max(TENANT_ID_MAX, `Use at most ${TENANT_ID_MAX} characters.`)
  .refine((v) => v === "" || /^[A-Za-z0-9.-]+$/.test(v), "Enter the directory (tenant) ID, a domain like contoso.onmicrosoft.com, or common, organizations or consumers.");

/** Response types typed as a comma-separated list ("code, code id_token"). */
export const responseTypesSchema = z
  .string()
  .superRefine((text, ctx) => {
    const seen = new Set<string>();
    for (const raw of text.split(",")) {
      const t = raw.trim().replace(/\s+/g, " ");
      if (t === "") continue;
      if (!/^[a-z_]+( [a-z_]+)*$/.test(t)) {
        ctx.addIssue({ code: "custom", message: `"${t}" is not a response type. Use values like code or id_token, separated by commas.` });
        return;
      }
      if (seen.has(t)) {
        ctx.addIssue({ code: "custom", message: `${t} is listed twice.` });
        return;
      }
      seen.add(t);
    }
  })
  .transform((text) => [...new Set(text.split(",").map((t) => t.trim().replace(/\s+/g, " ")).filter((t) => t !== ""))]);

export const tokenEndpointAuthMethodsSchema = z
  .array(z.enum(TOKEN_AUTH_METHODS, "Choose client_secret_basic or client_secret_post."))
  .max(2, "Choose at most two methods.")
  .refine((l) => new Set(l).size === l.length, "A method is listed twice.");

// ---------- API key provider ----------

export const apiKeyProviderSchema = z.object({ name: providerNameSchema, apiKey: apiKeySchema });

export type ApiKeyProviderFormValues = { name: string; apiKey: string };
export type ApiKeyProviderInput = z.output<typeof apiKeyProviderSchema>;

export const emptyApiKeyProviderForm = (): ApiKeyProviderFormValues => ({ name: "", apiKey: "" });

// ---------- OAuth2 provider ----------

export const DISCOVERY_MODES = ["discoveryUrl", "metadata"] as const;
export type DiscoveryMode = (typeof DISCOVERY_MODES)[number];

export type Oauth2ProviderFormValues = {
  name: string;
  vendor: CredentialProviderVendor;
  clientId: string;
  clientSecret: string;
  /** Microsoft only. */
  tenantId: string;
  /** Custom only: by discovery URL or by authorization server metadata. */
  discoveryMode: DiscoveryMode;
  discoveryUrl: string;
  /** Custom metadata, and the optional tenant endpoints of the other vendors. */
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** Custom metadata only. */
  responseTypes: string;
  tokenEndpointAuthMethods: (typeof TOKEN_AUTH_METHODS)[number][];
};

export const emptyOauth2ProviderForm = (): Oauth2ProviderFormValues => ({
  name: "",
  vendor: "CustomOauth2",
  clientId: "",
  clientSecret: "",
  tenantId: "",
  discoveryMode: "discoveryUrl",
  discoveryUrl: "",
  issuer: "",
  authorizationEndpoint: "",
  tokenEndpoint: "",
  responseTypes: "code",
  tokenEndpointAuthMethods: [],
});

/** A parsed OAuth2 form: only what the chosen vendor uses, trimmed. */
export type Oauth2ProviderInput = {
  name: string;
  vendor: CredentialProviderVendor;
  clientId: string;
  clientSecret: string;
  /** Custom only. */
  discovery?:
    | { discoveryUrl: string }
    | { authorizationServerMetadata: { issuer: string; authorizationEndpoint: string; tokenEndpoint: string; responseTypes: string[]; tokenEndpointAuthMethods: string[] } };
  /** Microsoft only. */
  tenantId?: string;
  /** The other vendors (includedOauth2ProviderConfig) only. */
  issuer?: string;
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
};

const baseOauth2Schema = z.object({
  name: providerNameSchema,
  vendor: z.enum(CREDENTIAL_PROVIDER_VENDORS, "Choose the OAuth2 provider."),
  clientId: clientIdSchema,
  clientSecret: clientSecretSchema,
  // Kept whatever the vendor, so switching vendors never loses what was typed; each is checked only where it applies.
  tenantId: z.string(),
  discoveryMode: z.enum(DISCOVERY_MODES, "Choose how to describe the authorization server."),
  discoveryUrl: z.string(),
  issuer: z.string(),
  authorizationEndpoint: z.string(),
  tokenEndpoint: z.string(),
  responseTypes: z.string(),
  tokenEndpointAuthMethods: z.array(z.string()),
});

type Ctx = z.core.$RefinementCtx;

function check(ctx: Ctx, path: string, schema: z.ZodType, value: unknown) {
  const r = schema.safeParse(value);
  if (!r.success) for (const issue of r.error.issues) ctx.addIssue({ code: "custom", path: [path, ...issue.path], message: issue.message });
}

const str = (v: Record<string, unknown>, k: string) => (typeof v[k] === "string" ? (v[k] as string).trim() : "");

export const oauth2ProviderSchema = baseOauth2Schema
  .superRefine(
    (raw, ctx) => {
      const v = raw as unknown as Record<string, unknown>;
      const info = (VENDORS as Record<string, VendorInfo | undefined>)[v.vendor as string];
      if (!info) return;
      if (info.member === "customOauth2ProviderConfig") {
        if (v.discoveryMode === "discoveryUrl") check(ctx, "discoveryUrl", oauth2DiscoveryUrlSchema, v.discoveryUrl);
        if (v.discoveryMode === "metadata") {
          check(ctx, "issuer", issuerSchema, v.issuer);
          check(ctx, "authorizationEndpoint", authorizationEndpointSchema, v.authorizationEndpoint);
          check(ctx, "tokenEndpoint", tokenEndpointSchema, v.tokenEndpoint);
          check(ctx, "responseTypes", responseTypesSchema, v.responseTypes);
          check(ctx, "tokenEndpointAuthMethods", tokenEndpointAuthMethodsSchema, v.tokenEndpointAuthMethods);
        }
      } else if (info.member === "microsoftOauth2ProviderConfig") {
        check(ctx, "tenantId", tenantIdSchema, v.tenantId);
      } else if (info.member === "includedOauth2ProviderConfig") {
        const [issuer, auth, token] = [str(v, "issuer"), str(v, "authorizationEndpoint"), str(v, "tokenEndpoint")];
        if (issuer) check(ctx, "issuer", issuerSchema, issuer);
        if (auth) check(ctx, "authorizationEndpoint", authorizationEndpointSchema, auth);
        if (token) check(ctx, "tokenEndpoint", tokenEndpointSchema, token);
        if (auth && !token) ctx.addIssue({ code: "custom", path: ["tokenEndpoint"], message: "Enter the token endpoint too: the two endpoints go together." });
        if (token && !auth) ctx.addIssue({ code: "custom", path: ["authorizationEndpoint"], message: "Enter the authorization endpoint too: the two endpoints go together." });
        if (info.needsIssuer && !issuer && !(auth && token)) {
          ctx.addIssue({ code: "custom", path: ["issuer"], message: `${info.label} runs on your own tenant: enter its issuer URL, like ${info.issuerExample}.` });
        }
      }
    },
    { when: (payload) => isRecord(payload.value) },
  )
  .transform((v): Oauth2ProviderInput => {
    const info = VENDORS[v.vendor];
    const optional = (s: string) => (s.trim() === "" ? undefined : s.trim());
    const common = { name: v.name, vendor: v.vendor, clientId: v.clientId, clientSecret: v.clientSecret };
    switch (info.member) {
      case "customOauth2ProviderConfig":
        return {
          ...common,
          discovery:
            v.discoveryMode === "discoveryUrl"
              ? { discoveryUrl: v.discoveryUrl.trim() }
              : {
                  authorizationServerMetadata: {
                    issuer: v.issuer.trim(),
                    authorizationEndpoint: v.authorizationEndpoint.trim(),
                    tokenEndpoint: v.tokenEndpoint.trim(),
                    responseTypes: responseTypesSchema.parse(v.responseTypes),
                    tokenEndpointAuthMethods: v.tokenEndpointAuthMethods,
                  },
                },
        };
      case "microsoftOauth2ProviderConfig":
        return { ...common, tenantId: optional(v.tenantId) };
      case "includedOauth2ProviderConfig":
        return { ...common, issuer: optional(v.issuer), authorizationEndpoint: optional(v.authorizationEndpoint), tokenEndpoint: optional(v.tokenEndpoint) };
      default:
        return common;
    }
  });

export type Oauth2ProviderRequest = Pick<CreateOauth2CredentialProviderRequest, "name" | "credentialProviderVendor" | "oauth2ProviderConfigInput">;

/** The CreateOauth2CredentialProvider / UpdateOauth2CredentialProvider body for a parsed form (the client secret goes only here). */
export function toOauth2ProviderRequest(input: Oauth2ProviderInput): Oauth2ProviderRequest {
  const member = VENDORS[input.vendor].member;
  const creds = { clientId: input.clientId, clientSecret: input.clientSecret };
  let config: Oauth2ProviderConfigInput;
  switch (member) {
    case "customOauth2ProviderConfig": {
      const d = input.discovery;
      if (!d) throw new Error("A custom provider needs its discovery settings.");
      const oauthDiscovery: Oauth2Discovery =
        "discoveryUrl" in d
          ? { discoveryUrl: d.discoveryUrl }
          : {
              authorizationServerMetadata: {
                issuer: d.authorizationServerMetadata.issuer,
                authorizationEndpoint: d.authorizationServerMetadata.authorizationEndpoint,
                tokenEndpoint: d.authorizationServerMetadata.tokenEndpoint,
                ...(d.authorizationServerMetadata.responseTypes.length ? { responseTypes: d.authorizationServerMetadata.responseTypes } : {}),
                ...(d.authorizationServerMetadata.tokenEndpointAuthMethods.length ? { tokenEndpointAuthMethods: d.authorizationServerMetadata.tokenEndpointAuthMethods } : {}),
              },
            };
      config = { customOauth2ProviderConfig: { oauthDiscovery, ...creds } };
      break;
    }
    case "microsoftOauth2ProviderConfig": {
      config = { microsoftOauth2ProviderConfig: { ...creds, ...(input.tenantId ? { tenantId: input.tenantId } : {}) } };
      break;
    }
    case "includedOauth2ProviderConfig": {
      const extra: { issuer?: string; authorizationEndpoint?: string; tokenEndpoint?: string } = {};
      if (input.issuer) extra.issuer = input.issuer;
      if (input.authorizationEndpoint) extra.authorizationEndpoint = input.authorizationEndpoint;
      if (input.tokenEndpoint) extra.tokenEndpoint = input.tokenEndpoint;
      config = { includedOauth2ProviderConfig: { ...creds, ...extra } };
      break;
    }
    case "googleOauth2ProviderConfig":
      config = { googleOauth2ProviderConfig: creds };
      break;
    case "githubOauth2ProviderConfig":
      config = { githubOauth2ProviderConfig: creds };
      break;
    case "slackOauth2ProviderConfig":
      config = { slackOauth2ProviderConfig: creds };
      break;
    case "salesforceOauth2ProviderConfig":
      config = { salesforceOauth2ProviderConfig: creds };
      break;
    case "atlassianOauth2ProviderConfig":
      config = { atlassianOauth2ProviderConfig: creds };
      break;
    case "linkedinOauth2ProviderConfig":
      config = { linkedinOauth2ProviderConfig: creds };
      break;
  }
  return { name: input.name, credentialProviderVendor: input.vendor, oauth2ProviderConfigInput: config };
}

const FORM_FIELDS = new Set([
  "name",
  "apiKey",
  "clientId",
  "clientSecret",
  "tenantId",
  "discoveryUrl",
  "issuer",
  "authorizationEndpoint",
  "tokenEndpoint",
  "responseTypes",
  "tokenEndpointAuthMethods",
]);

/**
 * Places AWS's ValidationException fieldList on the form's fields: "oauth2ProviderConfigInput.googleOauth2ProviderConfig.clientId"
 * lands on clientId, "…oauthDiscovery.authorizationServerMetadata.tokenEndpoint" on tokenEndpoint; the rest on the form.
 */
export function awsFieldListToProviderFormErrors(fieldList: { name?: string; message?: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const f of fieldList) {
    const segments = (f.name ?? "").split(".").filter((s) => !/^\d+$/.test(s));
    let key = [...segments].reverse().find((s) => FORM_FIELDS.has(s)) ?? "_form";
    if (segments[0] === "credentialProviderVendor" || (segments.length === 1 && segments[0] === "oauth2ProviderConfigInput")) key = "vendor";
    const message = f.message ?? "Invalid value.";
    out[key] = out[key] ? `${out[key]} ${message}` : message;
  }
  return out;
}
