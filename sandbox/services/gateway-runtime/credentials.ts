// Outbound credentials of OpenAPI and MCP server targets, from the sandbox's token vault: API keys and OAuth2 client-credentials tokens.
import { SANDBOX_ACCOUNT_ID } from "../../core/constants";
import type { ApiKeyProviderRecord, Oauth2ProviderRecord, RegionState } from "../agentcore-control/models";
import { fetchText } from "./outbound";
import type { RoleCheck } from "./role";

type Obj = Record<string, unknown>;

export class CredentialError extends Error {}

export interface ApiKeyPlacement {
  kind: "apiKey";
  value: string;
  location: "HEADER" | "QUERY_PARAMETER";
  parameterName: string;
}

export interface BearerToken {
  kind: "bearer";
  token: string;
}

export type OutboundCredential = ApiKeyPlacement | BearerToken | undefined;

const lastSegment = (arn: string) => arn.slice(arn.lastIndexOf("/") + 1);

/** What the gateway's role must allow to fetch the target's credential (checked before the call). */
export function credentialActions(region: string, gatewayId: string, config: Obj | undefined, r: RegionState | undefined): RoleCheck[] {
  const type = config?.credentialProviderType;
  if (type !== "API_KEY" && type !== "OAUTH") return [];
  const provider = (config!.credentialProvider ?? {}) as Obj;
  const inner = (type === "API_KEY" ? provider.apiKeyCredentialProvider : provider.oauthCredentialProvider) as Obj | undefined;
  const arn = String(inner?.providerArn ?? "");
  const name = lastSegment(arn);
  const record = type === "API_KEY" ? r?.apiKeyProviders[name] : r?.oauth2Providers[name];
  const secretArn = (type === "API_KEY" ? (record as ApiKeyProviderRecord | undefined)?.apiKeySecretArn : (record as Oauth2ProviderRecord | undefined)?.clientSecretArn)?.secretArn;
  const workload = `arn:aws:bedrock-agentcore:${region}:${SANDBOX_ACCOUNT_ID}:workload-identity-directory/default/workload-identity/${gatewayId}`;
  return [
    { action: "bedrock-agentcore:GetWorkloadAccessToken", resource: workload },
    { action: type === "API_KEY" ? "bedrock-agentcore:GetResourceApiKey" : "bedrock-agentcore:GetResourceOauth2Token", resource: arn },
    ...(secretArn ? [{ action: "secretsmanager:GetSecretValue", resource: secretArn }] : []),
  ];
}

interface CachedToken {
  token: string;
  until: number;
}
const tokens = new Map<string, CachedToken>();

async function tokenEndpointOf(p: Oauth2ProviderRecord): Promise<string> {
  const discovery = (p.config.oauthDiscovery ?? {}) as { discoveryUrl?: string; authorizationServerMetadata?: { tokenEndpoint?: string } };
  if (discovery.authorizationServerMetadata?.tokenEndpoint) return discovery.authorizationServerMetadata.tokenEndpoint;
  const url = discovery.discoveryUrl ?? (typeof p.config.issuer === "string" ? `${p.config.issuer.replace(/\/$/, "")}/.well-known/openid-configuration` : undefined);
  if (!url) throw new CredentialError(`The OAuth2 credential provider ${p.name} has no token endpoint the sandbox can use`);
  const res = await fetchText(url, { headers: { accept: "application/json" } }, 1 << 20);
  const doc = res.status === 200 ? (JSON.parse(res.text) as { token_endpoint?: string }) : {};
  if (!doc.token_endpoint) throw new CredentialError(`The discovery document ${url} of ${p.name} has no token_endpoint (HTTP ${res.status})`);
  return doc.token_endpoint;
}

async function clientCredentialsToken(p: Oauth2ProviderRecord, scopes: string[], now: number): Promise<string> {
  const key = `${p.credentialProviderArn} ${scopes.join(" ")}`;
  const cached = tokens.get(key);
  if (cached && cached.until > now) return cached.token;
  if (p.clientSecretSource === "EXTERNAL" || p.clientSecret === undefined) {
    throw new CredentialError(`The sandbox cannot read the external Secrets Manager secret of ${p.name}; store the client secret in the provider (MANAGED)`);
  }
  const clientId = String(p.config.clientId ?? "");
  const endpoint = await tokenEndpointOf(p);
  const form = new URLSearchParams({ grant_type: "client_credentials", ...(scopes.length ? { scope: scopes.join(" ") } : {}) });
  const res = await fetchText(endpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", authorization: `Basic ${Buffer.from(`${clientId}:${p.clientSecret}`).toString("base64")}` },
    body: form.toString(),
  });
  let body: { access_token?: string; expires_in?: number; error?: string; error_description?: string } = {};
  try {
    body = JSON.parse(res.text);
  } catch {
    // reported below
  }
  if (res.status !== 200 || typeof body.access_token !== "string") {
    throw new CredentialError(`The token endpoint of ${p.name} refused the client-credentials grant: HTTP ${res.status}${body.error ? ` ${body.error}${body.error_description ? ` (${body.error_description})` : ""}` : ""}`);
  }
  const ttl = typeof body.expires_in === "number" ? body.expires_in : 300;
  tokens.set(key, { token: body.access_token, until: now + Math.max(0, ttl - 30) * 1000 });
  return body.access_token;
}

/** The credential to send to the target, from its credentialProviderConfigurations[0]. */
export async function outboundCredential(config: Obj | undefined, r: RegionState | undefined, now: number): Promise<OutboundCredential> {
  const type = config?.credentialProviderType;
  const provider = (config?.credentialProvider ?? {}) as Obj;
  if (type === "API_KEY") {
    const c = (provider.apiKeyCredentialProvider ?? {}) as { providerArn?: string; credentialParameterName?: string; credentialPrefix?: string; credentialLocation?: string };
    const p = r?.apiKeyProviders[lastSegment(c.providerArn ?? "")];
    if (!p) throw new CredentialError(`The API key credential provider ${c.providerArn} does not exist`);
    if (p.apiKeySecretSource === "EXTERNAL" || p.apiKey === undefined) {
      throw new CredentialError(`The sandbox cannot read the external Secrets Manager secret of ${p.name}; store the key in the provider (MANAGED)`);
    }
    const location = c.credentialLocation === "QUERY_PARAMETER" ? "QUERY_PARAMETER" : "HEADER";
    return { kind: "apiKey", value: `${c.credentialPrefix ?? ""}${p.apiKey}`, location, parameterName: c.credentialParameterName ?? (location === "HEADER" ? "Authorization" : "api_key") };
  }
  if (type === "OAUTH") {
    const c = (provider.oauthCredentialProvider ?? {}) as { providerArn?: string; scopes?: string[]; grantType?: string };
    const p = r?.oauth2Providers[lastSegment(c.providerArn ?? "")];
    if (!p) throw new CredentialError(`The OAuth2 credential provider ${c.providerArn} does not exist`);
    if (c.grantType && c.grantType !== "CLIENT_CREDENTIALS") {
      throw new CredentialError(`The sandbox serves only the CLIENT_CREDENTIALS grant for outbound OAuth (this target uses ${c.grantType}, which needs a user's consent)`);
    }
    return { kind: "bearer", token: await clientCredentialsToken(p, c.scopes ?? [], now) };
  }
  return undefined;
}

/** Applies a credential to outgoing headers and URL. */
export function applyCredential(credential: OutboundCredential, headers: Record<string, string>, url: URL): void {
  if (!credential) return;
  if (credential.kind === "bearer") headers.authorization = `Bearer ${credential.token}`;
  else if (credential.location === "HEADER") headers[credential.parameterName.toLowerCase()] = credential.value;
  else url.searchParams.set(credential.parameterName, credential.value);
}

/** Forgets cached OAuth tokens (tests). */
export function clearTokenCache(): void {
  tokens.clear();
}
