// Cognito user pools wire handlers (moto "responses"): pools, resource servers, app clients, domains.
import { operationsByName, ServiceError, type OperationContext, type OperationHandler } from "../../core/types";
import { startTransition } from "../../core/lifecycle";
import { SANDBOX_ACCOUNT_ID } from "../../core/constants";
import { generateSigningKey } from "./jwt";
import {
  STANDARD_SCOPES,
  cloudFrontHost,
  domainView,
  findPool,
  newClientId,
  newClientSecret,
  newPoolId,
  poolArn,
  poolByClientId,
  poolByDomain,
  poolView,
  resourceServerScopes,
  standardSchema,
  validitySeconds,
  type ClientRecord,
  type CognitoState,
  type DomainRecord,
  type PoolRecord,
  type ResourceServerScope,
} from "./models";

/** Cognito answers every client error with status 400, whatever the model's httpError says. */
export const cognitoError = (code: string, message: string) => new ServiceError(code, message, { status: 400 });
const invalid = (message: string) => cognitoError("InvalidParameterException", message);

const state = (ctx: OperationContext) => ctx.state<CognitoState>();
const iso = (ms: number) => new Date(ms).toISOString();
const has = (v: unknown[] | undefined): v is unknown[] => Array.isArray(v) && v.length > 0;

function pool(ctx: OperationContext, poolId: unknown): PoolRecord {
  const p = findPool(state(ctx), ctx.region, poolId as string);
  if (!p) throw cognitoError("ResourceNotFoundException", `User pool ${String(poolId)} does not exist.`);
  return p;
}

function client(p: PoolRecord, clientId: unknown): ClientRecord {
  const c = Object.prototype.hasOwnProperty.call(p.clients, clientId as string) ? p.clients[clientId as string] : undefined;
  if (!c) throw cognitoError("ResourceNotFoundException", `User pool client ${String(clientId)} does not exist.`);
  return c;
}

// Opaque page tokens: the insertion sequence of the last item returned.
function pageToken(after: number): string {
  return Buffer.from(JSON.stringify({ v: 1, after })).toString("base64url");
}

function afterToken(token: unknown): number {
  if (token === undefined) return 0;
  try {
    const t = JSON.parse(Buffer.from(String(token), "base64url").toString("utf8"));
    if (t?.v === 1 && Number.isInteger(t.after) && t.after >= 0) return t.after;
  } catch {
    // reported below
  }
  throw invalid("Invalid pagination token.");
}

function page<T extends { seq: number }>(items: T[], input: Record<string, unknown>, defaultMax: number): { items: T[]; next?: string } {
  const after = afterToken(input.NextToken);
  const max = (input.MaxResults as number | undefined) ?? defaultMax;
  const rest = items.filter((i) => i.seq > after).sort((a, b) => a.seq - b.seq);
  const out = rest.slice(0, max);
  return { items: out, next: rest.length > max ? pageToken(out[out.length - 1].seq) : undefined };
}

const copy = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

// ---- user pools ---------------------------------------------------------------------------------

interface SchemaInput {
  Name?: string;
  AttributeDataType?: string;
  DeveloperOnlyAttribute?: boolean;
  Mutable?: boolean;
  Required?: boolean;
  StringAttributeConstraints?: Record<string, string>;
  NumberAttributeConstraints?: Record<string, string>;
}

/** The standard attributes with the requested overrides, then the custom ones (`custom:` / `dev:custom:`). */
function schemaAttributes(input: SchemaInput[] | undefined) {
  const attrs = standardSchema();
  for (const a of input ?? []) {
    if (!a.Name) throw invalid("Attribute name is required.");
    const std = attrs.find((x) => x.Name === a.Name);
    if (std) {
      if (a.AttributeDataType && a.AttributeDataType !== std.AttributeDataType) throw invalid(`${a.Name} attribute must be of type ${std.AttributeDataType}.`);
      if (a.Required !== undefined) std.Required = a.Required;
      if (a.Mutable !== undefined) std.Mutable = a.Mutable;
      if (a.StringAttributeConstraints && std.StringAttributeConstraints) Object.assign(std.StringAttributeConstraints, a.StringAttributeConstraints);
      continue;
    }
    if (a.Required) throw invalid("Required custom attributes are not supported currently.");
    if (attrs.some((x) => x.Name.endsWith(`custom:${a.Name}`))) throw invalid(`Duplicate attribute name: ${a.Name}.`);
    const type = a.AttributeDataType ?? "String";
    attrs.push({
      Name: `${a.DeveloperOnlyAttribute ? "dev:" : ""}custom:${a.Name}`,
      AttributeDataType: type,
      DeveloperOnlyAttribute: !!a.DeveloperOnlyAttribute,
      Mutable: a.Mutable ?? true,
      Required: false,
      ...(type === "String" ? { StringAttributeConstraints: { ...a.StringAttributeConstraints } } : {}),
      ...(type === "Number" ? { NumberAttributeConstraints: { ...a.NumberAttributeConstraints } } : {}),
    });
  }
  return attrs;
}

function passwordPolicy(input: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!input) {
    return { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true, TemporaryPasswordValidityDays: 7 };
  }
  return {
    MinimumLength: input.MinimumLength ?? 8,
    RequireUppercase: !!input.RequireUppercase,
    RequireLowercase: !!input.RequireLowercase,
    RequireNumbers: !!input.RequireNumbers,
    RequireSymbols: !!input.RequireSymbols,
    ...(input.PasswordHistorySize !== undefined ? { PasswordHistorySize: input.PasswordHistorySize } : {}),
    TemporaryPasswordValidityDays: input.TemporaryPasswordValidityDays ?? 7,
  };
}

/** Members of CreateUserPoolRequest kept as given (the rest get Cognito's defaults below). */
const POOL_ECHOED = [
  "AutoVerifiedAttributes",
  "AliasAttributes",
  "UsernameAttributes",
  "SmsVerificationMessage",
  "EmailVerificationMessage",
  "EmailVerificationSubject",
  "SmsAuthenticationMessage",
  "DeviceConfiguration",
  "SmsConfiguration",
  "UserPoolAddOns",
  "UsernameConfiguration",
  "AccountRecoverySetting",
  "KeyConfiguration",
  "IssuerConfiguration",
];

export const createUserPool: OperationHandler = async (input, ctx) => {
  if (has(input.UsernameAttributes as unknown[]) && has(input.AliasAttributes as unknown[])) {
    throw invalid("Only one of aliasAttributes or usernameAttributes can be set in a User Pool.");
  }
  const policies = (input.Policies ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const schema = schemaAttributes(input.Schema as SchemaInput[] | undefined);
  // Generated first, so that nothing below awaits: the state is then read and written in one go.
  const key = await generateSigningKey();
  const now = ctx.now();
  const s = state(ctx);
  let id = newPoolId(ctx.region);
  while (s.pools[id]) id = newPoolId(ctx.region);
  const attributes: Record<string, unknown> = {
    Id: id,
    Name: input.PoolName,
    Arn: poolArn(ctx.region, id),
    Policies: {
      PasswordPolicy: passwordPolicy(policies.PasswordPolicy),
      SignInPolicy: copy(policies.SignInPolicy) ?? { AllowedFirstAuthFactors: ["PASSWORD"] },
    },
    DeletionProtection: input.DeletionProtection ?? "INACTIVE",
    LambdaConfig: copy(input.LambdaConfig) ?? {},
    SchemaAttributes: schema,
    VerificationMessageTemplate: { DefaultEmailOption: "CONFIRM_WITH_CODE", ...(input.VerificationMessageTemplate as object | undefined) },
    UserAttributeUpdateSettings: copy(input.UserAttributeUpdateSettings) ?? { AttributesRequireVerificationBeforeUpdate: [] },
    MfaConfiguration: input.MfaConfiguration ?? "OFF",
    EmailConfiguration: copy(input.EmailConfiguration) ?? { EmailSendingAccount: "COGNITO_DEFAULT" },
    UserPoolTags: copy(input.UserPoolTags) ?? {},
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7, ...(input.AdminCreateUserConfig as object | undefined) },
    UserPoolTier: input.UserPoolTier ?? "ESSENTIALS",
    CreationDate: iso(now),
    LastModifiedDate: iso(now),
  };
  for (const m of POOL_ECHOED) if (input[m] !== undefined && input[m] !== null) attributes[m] = copy(input[m]);
  const record: PoolRecord = { Id: id, region: ctx.region, seq: ++s.seq, attributes, clients: {}, resourceServers: {}, key };
  s.pools[id] = record;
  return { UserPool: poolView(record) };
};

export const describeUserPool: OperationHandler = (input, ctx) => ({ UserPool: poolView(pool(ctx, input.UserPoolId)) });

export const listUserPools: OperationHandler = (input, ctx) => {
  const pools = Object.values(state(ctx).pools).filter((p) => p.region === ctx.region);
  const { items, next } = page(pools, input, 60);
  return {
    UserPools: items.map((p) => ({
      Id: p.Id,
      Name: p.attributes.Name,
      LambdaConfig: p.attributes.LambdaConfig,
      CreationDate: p.attributes.CreationDate,
      LastModifiedDate: p.attributes.LastModifiedDate,
    })),
    NextToken: next,
  };
};

export const deleteUserPool: OperationHandler = (input, ctx) => {
  const p = pool(ctx, input.UserPoolId);
  if (p.attributes.DeletionProtection === "ACTIVE") {
    throw invalid("The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.");
  }
  if (p.domain) throw invalid("User pool cannot be deleted. It has a domain configured that should be deleted first.");
  delete state(ctx).pools[p.Id];
  return {};
};

// ---- resource servers ---------------------------------------------------------------------------

export const MAX_RESOURCE_SERVERS = 25;

export const createResourceServer: OperationHandler = (input, ctx) => {
  const p = pool(ctx, input.UserPoolId);
  const identifier = input.Identifier as string;
  if (Object.prototype.hasOwnProperty.call(p.resourceServers, identifier)) {
    throw invalid(`A resource server with identifier ${identifier} already exists in user pool ${p.Id}.`);
  }
  if (Object.keys(p.resourceServers).length >= MAX_RESOURCE_SERVERS) {
    throw cognitoError("LimitExceededException", `A user pool can have at most ${MAX_RESOURCE_SERVERS} resource servers.`);
  }
  const scopes = ((input.Scopes ?? []) as ResourceServerScope[]).map((sc) => ({ ScopeName: sc.ScopeName, ScopeDescription: sc.ScopeDescription }));
  const names = scopes.map((sc) => sc.ScopeName);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw invalid(`Duplicate scope name: ${dup}.`);
  const rs = { UserPoolId: p.Id, Identifier: identifier, Name: input.Name as string, Scopes: scopes, seq: ++state(ctx).seq };
  p.resourceServers[identifier] = rs;
  return { ResourceServer: rs };
};

export const describeResourceServer: OperationHandler = (input, ctx) => {
  const p = pool(ctx, input.UserPoolId);
  const id = input.Identifier as string;
  const rs = Object.prototype.hasOwnProperty.call(p.resourceServers, id) ? p.resourceServers[id] : undefined;
  if (!rs) throw cognitoError("ResourceNotFoundException", `Resource server ${id} does not exist in user pool ${p.Id}.`);
  return { ResourceServer: rs };
};

export const listResourceServers: OperationHandler = (input, ctx) => {
  const p = pool(ctx, input.UserPoolId);
  const { items, next } = page(Object.values(p.resourceServers), input, 50);
  return { ResourceServers: items, NextToken: next };
};

// ---- app clients --------------------------------------------------------------------------------

const DEFAULT_EXPLICIT_AUTH_FLOWS = ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH"];
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Members of CreateUserPoolClientRequest stored as given. */
const CLIENT_ECHOED = [
  "AccessTokenValidity",
  "IdTokenValidity",
  "TokenValidityUnits",
  "ReadAttributes",
  "WriteAttributes",
  "SupportedIdentityProviders",
  "CallbackURLs",
  "LogoutURLs",
  "DefaultRedirectURI",
  "AllowedOAuthFlows",
  "AllowedOAuthScopes",
  "AnalyticsConfiguration",
  "RefreshTokenRotation",
];

function checkRedirectUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw invalid(`${url} is not a valid redirect URI: it must be an absolute URI.`);
  }
  if (u.hash) throw invalid(`${url} is not a valid redirect URI: it must not include a fragment.`);
  if (u.protocol === "http:" && !LOOPBACK_HOSTS.has(u.hostname)) {
    throw invalid(`${url} is not a valid redirect URI: HTTPS is required except for http://localhost, http://127.0.0.1 and http://[::1].`);
  }
}

function checkTokenValidity(input: Record<string, unknown>): void {
  const units = (input.TokenValidityUnits ?? {}) as Record<string, string | undefined>;
  const check = (value: unknown, unit: string | undefined, fallbackUnit: string, min: number, max: number) => {
    if (typeof value !== "number" || value === 0) return;
    const s = validitySeconds(value, unit, fallbackUnit);
    if (s < min || s > max) throw invalid("Invalid range for token validity.");
  };
  check(input.AccessTokenValidity, units.AccessToken, "hours", 300, 86400);
  check(input.IdTokenValidity, units.IdToken, "hours", 300, 86400);
  check(input.RefreshTokenValidity, units.RefreshToken, "days", 3600, 315360000);
}

/** Cognito's rules for the OAuth members of an app client. */
function checkOAuth(p: PoolRecord, input: Record<string, unknown>, hasSecret: boolean): void {
  const flows = (input.AllowedOAuthFlows ?? []) as string[];
  const scopes = (input.AllowedOAuthScopes ?? []) as string[];
  for (const idp of (input.SupportedIdentityProviders ?? []) as string[]) {
    if (idp !== "COGNITO") throw invalid(`The provider ${idp} does not exist for User Pool ${p.Id}`);
  }
  if (input.AllowedOAuthFlowsUserPoolClient === true && (!flows.length || !scopes.length)) {
    throw invalid("AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.");
  }
  const clientCredentials = flows.includes("client_credentials");
  if (clientCredentials && flows.some((f) => f !== "client_credentials")) {
    throw cognitoError("InvalidOAuthFlowException", "client_credentials flow can not be selected along with code flow or implicit flow.");
  }
  if (clientCredentials && !hasSecret) {
    throw cognitoError("InvalidOAuthFlowException", "client_credentials flow can not be selected if client does not have a client secret.");
  }
  if ((flows.includes("code") || flows.includes("implicit")) && !has(input.CallbackURLs as unknown[])) {
    throw cognitoError("InvalidOAuthFlowException", "CallbackUrls can not be empty when code flow or implicit flow is selected");
  }
  const custom = resourceServerScopes(p);
  for (const scope of scopes) {
    if (!STANDARD_SCOPES.includes(scope) && !custom.has(scope)) throw cognitoError("ScopeDoesNotExistException", `Invalid scope requested: ${scope}`);
  }
  if (clientCredentials) {
    const standard = scopes.find((sc) => STANDARD_SCOPES.includes(sc));
    if (standard) throw cognitoError("InvalidOAuthFlowException", `${standard} is not supported with client_credentials flow`);
  }
  const callbacks = (input.CallbackURLs ?? []) as string[];
  for (const url of [...callbacks, ...((input.LogoutURLs ?? []) as string[])]) checkRedirectUrl(url);
  if (input.DefaultRedirectURI !== undefined) {
    checkRedirectUrl(input.DefaultRedirectURI as string);
    if (!callbacks.includes(input.DefaultRedirectURI as string)) throw invalid("DefaultRedirectURI must be one of the CallbackURLs.");
  }
}

export const createUserPoolClient: OperationHandler = (input, ctx) => {
  const p = pool(ctx, input.UserPoolId);
  const secret = (input.ClientSecret as string | undefined) ?? (input.GenerateSecret === true ? newClientSecret() : undefined);
  checkTokenValidity(input);
  checkOAuth(p, input, secret !== undefined);
  const s = state(ctx);
  let id = newClientId();
  while (poolByClientId(s, id)) id = newClientId();
  const now = iso(ctx.now());
  const record: ClientRecord = {
    UserPoolId: p.Id,
    ClientName: input.ClientName as string,
    ClientId: id,
    ClientSecret: secret,
    CreationDate: now,
    LastModifiedDate: now,
    RefreshTokenValidity: (input.RefreshTokenValidity as number | undefined) || 30,
    ExplicitAuthFlows: copy(input.ExplicitAuthFlows) ?? DEFAULT_EXPLICIT_AUTH_FLOWS,
    AllowedOAuthFlowsUserPoolClient: input.AllowedOAuthFlowsUserPoolClient === true,
    PreventUserExistenceErrors: input.PreventUserExistenceErrors ?? "LEGACY",
    EnableTokenRevocation: input.EnableTokenRevocation ?? true,
    EnablePropagateAdditionalUserContextData: input.EnablePropagateAdditionalUserContextData ?? false,
    AuthSessionValidity: input.AuthSessionValidity ?? 3,
    seq: ++s.seq,
  };
  for (const m of CLIENT_ECHOED) if (input[m] !== undefined && input[m] !== null) record[m] = copy(input[m]);
  p.clients[id] = record;
  return { UserPoolClient: record };
};

export const describeUserPoolClient: OperationHandler = (input, ctx) => ({ UserPoolClient: client(pool(ctx, input.UserPoolId), input.ClientId) });

export const listUserPoolClients: OperationHandler = (input, ctx) => {
  const p = pool(ctx, input.UserPoolId);
  const { items, next } = page(Object.values(p.clients), input, 60);
  return { UserPoolClients: items.map((c) => ({ ClientId: c.ClientId, UserPoolId: c.UserPoolId, ClientName: c.ClientName })), NextToken: next };
};

export const deleteUserPoolClient: OperationHandler = (input, ctx) => {
  const p = pool(ctx, input.UserPoolId);
  delete p.clients[client(p, input.ClientId).ClientId];
  return {};
};

// ---- domains ------------------------------------------------------------------------------------

const RESERVED_DOMAIN_WORDS = ["aws", "amazon", "cognito"];
const AIRPORT: Record<string, string> = {
  "us-east-1": "iad",
  "us-east-2": "cmh",
  "us-west-1": "sfo",
  "us-west-2": "pdx",
  "eu-west-1": "dub",
  "eu-west-2": "lhr",
  "eu-central-1": "fra",
  "ap-southeast-1": "sin",
  "ap-southeast-2": "syd",
  "ap-northeast-1": "nrt",
};

export const createUserPoolDomain: OperationHandler = (input, ctx) => {
  const p = pool(ctx, input.UserPoolId);
  const domain = input.Domain as string;
  const custom = input.CustomDomainConfig as DomainRecord["CustomDomainConfig"];
  const version = (input.ManagedLoginVersion as number | undefined) ?? 1;
  if (version !== 1 && version !== 2) throw invalid("ManagedLoginVersion must be 1 (hosted UI classic) or 2 (managed login).");
  if (version === 2 && p.attributes.UserPoolTier === "LITE") {
    throw cognitoError("FeatureUnavailableInTierException", "Managed login is not available in the Lite feature plan.");
  }
  if (!custom) {
    const word = RESERVED_DOMAIN_WORDS.find((w) => domain.includes(w));
    if (word) throw invalid(`Domain cannot contain reserved word: ${word}`);
  }
  if (p.domain) throw invalid("User pool already has a domain configured.");
  if (poolByDomain(state(ctx), domain)) throw invalid("Domain already associated with another user pool.");
  const now = ctx.now();
  const cloudFront = cloudFrontHost();
  p.domain = {
    Domain: domain,
    UserPoolId: p.Id,
    region: p.region,
    AWSAccountId: SANDBOX_ACCOUNT_ID,
    S3Bucket: `aws-cognito-prod-${AIRPORT[p.region] ?? p.region}-assets`,
    CloudFrontDistribution: cloudFront,
    Version: iso(now).replace(/\D/g, "").slice(0, 14),
    ManagedLoginVersion: version,
    CustomDomainConfig: copy(custom),
    createdAt: iso(now),
    stableStatus: "ACTIVE",
    transition: startTransition(now, ctx.settings.lifecycleDelayMs, "CREATING", "ACTIVE"),
  };
  p.attributes.LastModifiedDate = iso(now);
  return { ManagedLoginVersion: version, CloudFrontDomain: custom ? cloudFront : undefined };
};

/** An unknown domain is not an error: Cognito answers with an empty description (handy to test availability). */
export const describeUserPoolDomain: OperationHandler = (input, ctx) => {
  const p = poolByDomain(state(ctx), input.Domain as string);
  if (!p?.domain || p.region !== ctx.region) return { DomainDescription: {} };
  return { DomainDescription: domainView(p.domain, ctx.now()) };
};

export const deleteUserPoolDomain: OperationHandler = (input, ctx) => {
  const p = findPool(state(ctx), ctx.region, input.UserPoolId as string);
  if (!p?.domain || p.domain.Domain !== input.Domain) throw invalid("No such domain or user pool exists.");
  delete p.domain;
  p.attributes.LastModifiedDate = iso(ctx.now());
  return {};
};

export const cognitoOperations = operationsByName({
  createUserPool, listUserPools, describeUserPool, deleteUserPool, createResourceServer, listResourceServers,
  describeResourceServer, createUserPoolClient, describeUserPoolClient, listUserPoolClients, deleteUserPoolClient,
  createUserPoolDomain, describeUserPoolDomain, deleteUserPoolDomain,
});
