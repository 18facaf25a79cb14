// AgentCore Identity token vault (moto "responses"): API key and OAuth2 credential providers, secrets write-only.
import crypto from "node:crypto";
import { operationsByName, ServiceError, type OperationContext, type OperationHandler } from "../../core/types";
import { SANDBOX_ACCOUNT_ID } from "../../core/constants";
import { credentialProviderArn } from "../../../formats/arn";
import { type ApiKeyProviderRecord, type Oauth2ProviderRecord, type RegionState } from "./models";
import { decodeToken, encodeToken, existingRegion, fieldError, region } from "./responses";

type Obj = Record<string, unknown>;

const isSet = (v: unknown) => v !== undefined && v !== null;
const nonEmpty = (v: unknown): v is string => typeof v === "string" && v.length > 0;

const SECRET_SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const secretSuffix = () => Array.from({ length: 6 }, () => SECRET_SUFFIX[crypto.randomInt(SECRET_SUFFIX.length)]).join("");
const SECRET_ARN = /^arn:(aws|aws-us-gov):secretsmanager:[A-Za-z0-9-]{1,64}:[0-9]{12}:secret:[a-zA-Z0-9-_/+=.@!]+$/;
const SECRET_NAME = /^[a-zA-Z0-9-_/+=.@!]+$/;

export function apiKeyProviderArn(region: string, name: string): string {
  return credentialProviderArn("apiKey", region, SANDBOX_ACCOUNT_ID, name);
}

export function oauth2ProviderArn(region: string, name: string): string {
  return credentialProviderArn("oauth2", region, SANDBOX_ACCOUNT_ID, name);
}

/** The token vault's own secret for a provider: bedrock-agentcore-identity!default/<kind>/<name>-XXXXXX. */
export function vaultSecretArn(region: string, kind: "apikey" | "oauth2", name: string, suffix = secretSuffix()): string {
  return `arn:aws:secretsmanager:${region}:${SANDBOX_ACCOUNT_ID}:secret:bedrock-agentcore-identity!default/${kind}/${name}-${suffix}`;
}

const notFound = (name: string) => new ServiceError("ResourceNotFoundException", `Credential provider not found: ${name}`);
const conflict = (name: string) => new ServiceError("ConflictException", `A credential provider named ${name} already exists`);

interface SecretInput {
  value: string;
  source: string | undefined;
  config: { secretId: string; jsonKey: string } | undefined;
}

interface SecretFields {
  /** Field names for messages, e.g. apiKey / apiKeySecretConfig / apiKeySecretSource. */
  value: string;
  config: string;
  source: string;
}

/**
 * Where a provider's secret lives: MANAGED (default) = the vault keeps the value sent now, or keeps the one it
 * has when `keep` allows it; EXTERNAL = the caller's own Secrets Manager secret (no value sent).
 */
function resolveSecret(
  ctx: OperationContext,
  kind: "apikey" | "oauth2",
  name: string,
  given: SecretInput,
  fields: SecretFields,
  prior: { source: string; secretArn: string; value?: string } | undefined,
  valueOptional = false,
): { source: string; secretArn: string; jsonKey?: string; value?: string } {
  const source = given.source ?? "MANAGED";
  if (source === "EXTERNAL") {
    if (!given.config) throw fieldError(fields.config, `Value at '${fields.config}' failed to satisfy constraint: Member must not be null when ${fields.source} is EXTERNAL`);
    if (given.value) throw fieldError(fields.value, `Value at '${fields.value}' failed to satisfy constraint: Member must be empty when ${fields.source} is EXTERNAL`);
    const id = given.config.secretId;
    let secretArn: string;
    if (id.startsWith("arn:")) {
      if (!SECRET_ARN.test(id)) throw fieldError(`${fields.config}.secretId`, `Value at '${fields.config}.secretId' failed to satisfy constraint: Member must be a Secrets Manager secret ARN or name`);
      secretArn = id;
    } else {
      if (!SECRET_NAME.test(id)) throw fieldError(`${fields.config}.secretId`, `Value at '${fields.config}.secretId' failed to satisfy constraint: Member must be a Secrets Manager secret ARN or name`);
      secretArn = prior?.source === "EXTERNAL" && prior.secretArn.includes(`:secret:${id}-`) ? prior.secretArn : `arn:aws:secretsmanager:${ctx.region}:${SANDBOX_ACCOUNT_ID}:secret:${id}-${secretSuffix()}`;
    }
    return { source, secretArn, jsonKey: given.config.jsonKey };
  }
  if (given.config) throw fieldError(fields.config, `Value at '${fields.config}' failed to satisfy constraint: Member must be null when ${fields.source} is MANAGED`);
  const secretArn = prior?.source === "MANAGED" ? prior.secretArn : vaultSecretArn(ctx.region, kind, name);
  if (given.value) return { source, secretArn, value: given.value };
  if (prior?.source === "MANAGED" && prior.value) return { source, secretArn, value: prior.value };
  if (valueOptional) return { source, secretArn };
  throw fieldError(fields.value, `Value at '${fields.value}' failed to satisfy constraint: Member must not be empty when ${fields.source} is MANAGED`);
}

interface Page<T> {
  items: T[];
  nextToken?: string;
}

function paginate<T extends { seq: number }>(records: T[], input: Obj): Page<T> {
  const max = (input.maxResults as number | undefined) ?? 10;
  const after = input.nextToken ? decodeToken(input.nextToken as string) : 0;
  const all = records.filter((x) => x.seq > after).sort((a, b) => a.seq - b.seq);
  const items = all.slice(0, max);
  return { items, nextToken: all.length > max ? encodeToken(items[items.length - 1].seq) : undefined };
}

const stamp = (ctx: OperationContext) => new Date(ctx.now()).toISOString();

// ---------- API key credential providers ----------

function apiKeyView(p: ApiKeyProviderRecord): Obj {
  // apiKey is write-only: never part of a response.
  return {
    name: p.name,
    credentialProviderArn: p.credentialProviderArn,
    apiKeySecretArn: p.apiKeySecretArn,
    apiKeySecretJsonKey: p.apiKeySecretJsonKey,
    apiKeySecretSource: p.apiKeySecretSource,
    createdTime: p.createdTime,
    lastUpdatedTime: p.lastUpdatedTime,
  };
}

function apiKeySecret(input: Obj): SecretInput {
  return { value: (input.apiKey as string | undefined) ?? "", source: input.apiKeySecretSource as string | undefined, config: input.apiKeySecretConfig as SecretInput["config"] };
}

const API_KEY_FIELDS: SecretFields = { value: "apiKey", config: "apiKeySecretConfig", source: "apiKeySecretSource" };

function apiKeyProvider(r: RegionState | undefined, name: string): ApiKeyProviderRecord {
  const p = r?.apiKeyProviders?.[name];
  if (!p) throw notFound(name);
  return p;
}

export const createApiKeyCredentialProvider: OperationHandler = (input, ctx) => {
  const r = region(ctx);
  const name = input.name as string;
  if (r.apiKeyProviders[name]) throw conflict(name);
  const secret = resolveSecret(ctx, "apikey", name, apiKeySecret(input), API_KEY_FIELDS, undefined);
  const at = stamp(ctx);
  const record: ApiKeyProviderRecord = {
    name,
    credentialProviderArn: apiKeyProviderArn(ctx.region, name),
    apiKeySecretSource: secret.source,
    apiKeySecretArn: { secretArn: secret.secretArn },
    apiKeySecretJsonKey: secret.jsonKey,
    apiKey: secret.value,
    tags: input.tags as Record<string, string> | undefined,
    createdTime: at,
    lastUpdatedTime: at,
    seq: ++r.seq,
  };
  r.apiKeyProviders[name] = record;
  return apiKeyView(record);
};

export const getApiKeyCredentialProvider: OperationHandler = (input, ctx) => apiKeyView(apiKeyProvider(existingRegion(ctx), input.name as string));

export const listApiKeyCredentialProviders: OperationHandler = (input, ctx) => {
  const page = paginate(Object.values(existingRegion(ctx)?.apiKeyProviders ?? {}), input);
  return { credentialProviders: page.items.map(apiKeyView), nextToken: page.nextToken };
};

export const updateApiKeyCredentialProvider: OperationHandler = (input, ctx) => {
  const p = apiKeyProvider(region(ctx), input.name as string);
  // The API key is the provider's whole content: an update must send a new one (or switch to an external secret).
  const given = apiKeySecret(input);
  const secret = resolveSecret(ctx, "apikey", p.name, given, API_KEY_FIELDS, { source: p.apiKeySecretSource, secretArn: p.apiKeySecretArn.secretArn });
  p.apiKeySecretSource = secret.source;
  p.apiKeySecretArn = { secretArn: secret.secretArn };
  p.apiKeySecretJsonKey = secret.jsonKey;
  p.apiKey = secret.value;
  p.lastUpdatedTime = stamp(ctx);
  return apiKeyView(p);
};

export const deleteApiKeyCredentialProvider: OperationHandler = (input, ctx) => {
  const r = existingRegion(ctx);
  apiKeyProvider(r, input.name as string);
  delete r!.apiKeyProviders[input.name as string];
  return {};
};

// ---------- OAuth2 credential providers ----------

/** The oauth2ProviderConfigInput member each vendor takes; any other vendor uses includedOauth2ProviderConfig. */
export const VENDOR_CONFIG: Record<string, string> = {
  CustomOauth2: "customOauth2ProviderConfig",
  GoogleOauth2: "googleOauth2ProviderConfig",
  GithubOauth2: "githubOauth2ProviderConfig",
  SlackOauth2: "slackOauth2ProviderConfig",
  SalesforceOauth2: "salesforceOauth2ProviderConfig",
  MicrosoftOauth2: "microsoftOauth2ProviderConfig",
  AtlassianOauth2: "atlassianOauth2ProviderConfig",
  LinkedinOauth2: "linkedinOauth2ProviderConfig",
};

type Endpoints = [issuer: string, authorizationEndpoint: string, tokenEndpoint: string];

/** Authorization servers of the vendors whose endpoints do not depend on a tenant. */
const VENDOR_ENDPOINTS: Record<string, Endpoints> = {
  GoogleOauth2: ["https://accounts.google.com", "https://accounts.google.com/o/oauth2/v2/auth", "https://oauth2.googleapis.com/token"],
  GithubOauth2: ["https://github.com", "https://github.com/login/oauth/authorize", "https://github.com/login/oauth/access_token"],
  SlackOauth2: ["https://slack.com", "https://slack.com/oauth/v2/authorize", "https://slack.com/api/oauth.v2.access"],
  SalesforceOauth2: ["https://login.salesforce.com", "https://login.salesforce.com/services/oauth2/authorize", "https://login.salesforce.com/services/oauth2/token"],
  AtlassianOauth2: ["https://auth.atlassian.com", "https://auth.atlassian.com/authorize", "https://auth.atlassian.com/oauth/token"],
  LinkedinOauth2: ["https://www.linkedin.com/oauth", "https://www.linkedin.com/oauth/v2/authorization", "https://www.linkedin.com/oauth/v2/accessToken"],
  XOauth2: ["https://twitter.com", "https://twitter.com/i/oauth2/authorize", "https://api.twitter.com/2/oauth2/token"],
  FacebookOauth2: ["https://www.facebook.com", "https://www.facebook.com/dialog/oauth", "https://graph.facebook.com/oauth/access_token"],
  YandexOauth2: ["https://oauth.yandex.com", "https://oauth.yandex.com/authorize", "https://oauth.yandex.com/token"],
  RedditOauth2: ["https://www.reddit.com", "https://www.reddit.com/api/v1/authorize", "https://www.reddit.com/api/v1/access_token"],
  ZoomOauth2: ["https://zoom.us", "https://zoom.us/oauth/authorize", "https://zoom.us/oauth/token"],
  TwitchOauth2: ["https://id.twitch.tv/oauth2", "https://id.twitch.tv/oauth2/authorize", "https://id.twitch.tv/oauth2/token"],
  SpotifyOauth2: ["https://accounts.spotify.com", "https://accounts.spotify.com/authorize", "https://accounts.spotify.com/api/token"],
  DropboxOauth2: ["https://www.dropbox.com", "https://www.dropbox.com/oauth2/authorize", "https://api.dropboxapi.com/oauth2/token"],
  NotionOauth2: ["https://api.notion.com", "https://api.notion.com/v1/oauth/authorize", "https://api.notion.com/v1/oauth/token"],
  HubspotOauth2: ["https://app.hubspot.com", "https://app.hubspot.com/oauth/authorize", "https://api.hubapi.com/oauth/v1/token"],
};

const metadata = ([issuer, authorizationEndpoint, tokenEndpoint]: Endpoints) => ({
  authorizationServerMetadata: { issuer, authorizationEndpoint, tokenEndpoint, responseTypes: ["code"] },
});

/** The oauthDiscovery the service reports for a provider (custom: as given; vendors: their authorization server). */
function discoveryFor(vendor: string, member: string, config: Obj, path: string): Obj {
  if (member === "customOauth2ProviderConfig") return config.oauthDiscovery as Obj;
  if (member === "microsoftOauth2ProviderConfig") {
    const tenant = (config.tenantId as string | undefined) ?? "common";
    const base = `https://login.microsoftonline.com/${tenant}`;
    return metadata([`${base}/v2.0`, `${base}/oauth2/v2.0/authorize`, `${base}/oauth2/v2.0/token`]);
  }
  if (member === "includedOauth2ProviderConfig") {
    const { issuer, authorizationEndpoint, tokenEndpoint } = config as Record<string, string | undefined>;
    if (nonEmpty(authorizationEndpoint) !== nonEmpty(tokenEndpoint)) {
      throw fieldError(path, `Value at '${path}' failed to satisfy constraint: authorizationEndpoint and tokenEndpoint must be given together`);
    }
    if (authorizationEndpoint && tokenEndpoint) return metadata([issuer ?? new URL(tokenEndpoint).origin, authorizationEndpoint, tokenEndpoint]);
    if (issuer) return { discoveryUrl: `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration` };
    if (VENDOR_ENDPOINTS[vendor]) return metadata(VENDOR_ENDPOINTS[vendor]);
    throw fieldError(`${path}.issuer`, `Value at '${path}.issuer' failed to satisfy constraint: ${vendor} needs the issuer (or authorizationEndpoint and tokenEndpoint) of your tenant`);
  }
  return metadata(VENDOR_ENDPOINTS[vendor]);
}

const CONFIG_SECRETS = ["clientSecret", "clientSecretConfig", "clientSecretSource"];

function oauth2View(p: Oauth2ProviderRecord): Obj {
  const config: Obj = { ...p.config };
  for (const k of CONFIG_SECRETS) delete config[k];
  // clientSecret is write-only: never part of a response.
  return {
    name: p.name,
    credentialProviderArn: p.credentialProviderArn,
    credentialProviderVendor: p.credentialProviderVendor,
    clientSecretArn: p.clientSecretArn,
    clientSecretJsonKey: p.clientSecretJsonKey,
    clientSecretSource: p.clientSecretSource,
    callbackUrl: p.callbackUrl,
    oauth2ProviderConfigOutput: { [p.configMember]: config },
    status: "READY",
    createdTime: p.createdTime,
    lastUpdatedTime: p.lastUpdatedTime,
  };
}

function oauth2Provider(r: RegionState | undefined, name: string): Oauth2ProviderRecord {
  const p = r?.oauth2Providers?.[name];
  if (!p) throw notFound(name);
  return p;
}

/** Checks vendor ↔ config member and the client credentials; returns what to store. */
function oauth2Config(ctx: OperationContext, input: Obj, prior: Oauth2ProviderRecord | undefined) {
  const vendor = input.credentialProviderVendor as string;
  const union = input.oauth2ProviderConfigInput as Obj;
  const member = Object.keys(union).find((k) => isSet(union[k]))!;
  const expected = VENDOR_CONFIG[vendor] ?? "includedOauth2ProviderConfig";
  if (member !== expected) {
    throw fieldError(
      "oauth2ProviderConfigInput",
      `Value at 'oauth2ProviderConfigInput' failed to satisfy constraint: credentialProviderVendor ${vendor} requires ${expected} (got ${member})`,
    );
  }
  const path = `oauth2ProviderConfigInput.${member}`;
  const config = { ...(union[member] as Obj) };
  if (!nonEmpty(config.clientId)) throw fieldError(`${path}.clientId`, `Value at '${path}.clientId' failed to satisfy constraint: Member must not be empty`);
  const iamJwt = config.clientAuthenticationMethod === "AWS_IAM_ID_TOKEN_JWT";
  const secret = resolveSecret(
    ctx,
    "oauth2",
    input.name as string,
    { value: (config.clientSecret as string | undefined) ?? "", source: config.clientSecretSource as string | undefined, config: config.clientSecretConfig as SecretInput["config"] },
    { value: `${path}.clientSecret`, config: `${path}.clientSecretConfig`, source: `${path}.clientSecretSource` },
    prior && { source: prior.clientSecretSource, secretArn: prior.clientSecretArn.secretArn, value: prior.clientSecret },
    iamJwt,
  );
  const oauthDiscovery = discoveryFor(vendor, member, config, path);
  for (const k of CONFIG_SECRETS) delete config[k];
  return { vendor, member, config: { ...config, oauthDiscovery }, secret };
}

export const createOauth2CredentialProvider: OperationHandler = (input, ctx) => {
  const r = region(ctx);
  const name = input.name as string;
  if (r.oauth2Providers[name]) throw conflict(name);
  const { vendor, member, config, secret } = oauth2Config(ctx, input, undefined);
  const at = stamp(ctx);
  const record: Oauth2ProviderRecord = {
    name,
    credentialProviderArn: oauth2ProviderArn(ctx.region, name),
    credentialProviderVendor: vendor,
    configMember: member,
    config,
    clientSecretSource: secret.source,
    clientSecretArn: { secretArn: secret.secretArn },
    clientSecretJsonKey: secret.jsonKey,
    clientSecret: secret.value,
    callbackUrl: `https://bedrock-agentcore.${ctx.region}.amazonaws.com/identities/oauth2/callback/${crypto.randomUUID()}`,
    tags: input.tags as Record<string, string> | undefined,
    createdTime: at,
    lastUpdatedTime: at,
    seq: ++r.seq,
  };
  r.oauth2Providers[name] = record;
  return oauth2View(record);
};

export const getOauth2CredentialProvider: OperationHandler = (input, ctx) => oauth2View(oauth2Provider(existingRegion(ctx), input.name as string));

export const listOauth2CredentialProviders: OperationHandler = (input, ctx) => {
  const page = paginate(Object.values(existingRegion(ctx)?.oauth2Providers ?? {}), input);
  return { credentialProviders: page.items.map(oauth2View), nextToken: page.nextToken };
};

export const updateOauth2CredentialProvider: OperationHandler = (input, ctx) => {
  const p = oauth2Provider(region(ctx), input.name as string);
  // Full replace of the configuration; a MANAGED client secret left empty keeps the stored one.
  const { vendor, member, config, secret } = oauth2Config(ctx, input, p);
  p.credentialProviderVendor = vendor;
  p.configMember = member;
  p.config = config;
  p.clientSecretSource = secret.source;
  p.clientSecretArn = { secretArn: secret.secretArn };
  p.clientSecretJsonKey = secret.jsonKey;
  p.clientSecret = secret.value;
  p.lastUpdatedTime = stamp(ctx);
  return oauth2View(p);
};

export const deleteOauth2CredentialProvider: OperationHandler = (input, ctx) => {
  const r = existingRegion(ctx);
  oauth2Provider(r, input.name as string);
  delete r!.oauth2Providers[input.name as string];
  return {};
};

export const credentialProviderOperations = operationsByName({
  createApiKeyCredentialProvider, getApiKeyCredentialProvider, listApiKeyCredentialProviders, updateApiKeyCredentialProvider,
  deleteApiKeyCredentialProvider, createOauth2CredentialProvider, getOauth2CredentialProvider, listOauth2CredentialProviders,
  updateOauth2CredentialProvider, deleteOauth2CredentialProvider,
});
