// Server-only AgentCore Identity credential providers (API key, OAuth2): plain data out; the API key and client secret are write-only.
import "server-only";
import {
  CreateApiKeyCredentialProviderCommand,
  CreateOauth2CredentialProviderCommand,
  DeleteApiKeyCredentialProviderCommand,
  DeleteOauth2CredentialProviderCommand,
  GetApiKeyCredentialProviderCommand,
  GetOauth2CredentialProviderCommand,
  ListApiKeyCredentialProvidersCommand,
  ListOauth2CredentialProvidersCommand,
  UpdateApiKeyCredentialProviderCommand,
  UpdateOauth2CredentialProviderCommand,
  type Oauth2Discovery,
  type Oauth2ProviderConfigOutput,
  type Secret,
} from "@aws-sdk/client-bedrock-agentcore-control";
import type { Oauth2ProviderRequest } from "@/lib/schemas/credential-provider";
import { agentCoreControl } from "./clients";
import { isNotFound, nullIfNotFound, toConsoleError } from "./errors";
import { allPages, mapLimit } from "./paging";
import type { ApiKeyProvider, CredentialProvider, CredentialProviderList, Oauth2DiscoveryView, Oauth2Provider } from "@/lib/models/credential-providers";

export type { ApiKeyProvider, CredentialProvider, CredentialProviderList, Oauth2DiscoveryView, Oauth2Provider };

const iso = (d: Date | undefined) => (d ? d.toISOString() : "");

/** Never let a secret reach a log line or an error message, even if a backend were to echo it. */
function redact(err: unknown, secret: string | undefined): unknown {
  if (!secret || secret.length < 4 || !err || typeof err !== "object") return err;
  const e = err as { message?: unknown; fieldList?: { message?: string }[] };
  if (typeof e.message === "string" && e.message.includes(secret)) e.message = e.message.split(secret).join("[redacted]");
  for (const f of e.fieldList ?? []) if (typeof f.message === "string" && f.message.includes(secret)) f.message = f.message.split(secret).join("[redacted]");
  return err;
}

type ApiKeyOut = { name?: string; credentialProviderArn?: string; apiKeySecretArn?: Secret; apiKeySecretSource?: string; createdTime?: Date; lastUpdatedTime?: Date };

function apiKeyProvider(p: ApiKeyOut): ApiKeyProvider {
  return {
    kind: "apiKey",
    name: p.name ?? "",
    credentialProviderArn: p.credentialProviderArn ?? "",
    ...(p.apiKeySecretArn?.secretArn ? { secretArn: p.apiKeySecretArn.secretArn } : {}),
    ...(p.apiKeySecretSource ? { secretSource: p.apiKeySecretSource } : {}),
    createdAt: iso(p.createdTime),
    updatedAt: iso(p.lastUpdatedTime),
  };
}

function discoveryView(d: Oauth2Discovery | undefined): Oauth2DiscoveryView | undefined {
  if (!d) return undefined;
  if (d.discoveryUrl) return { discoveryUrl: d.discoveryUrl };
  const m = d.authorizationServerMetadata;
  return m ? { issuer: m.issuer, authorizationEndpoint: m.authorizationEndpoint, tokenEndpoint: m.tokenEndpoint } : undefined;
}

function configView(out: Oauth2ProviderConfigOutput | undefined): { clientId?: string; discovery?: Oauth2DiscoveryView } {
  if (!out) return {};
  const member = Object.values(out).find((v) => v && typeof v === "object") as { clientId?: string; oauthDiscovery?: Oauth2Discovery } | undefined;
  if (!member) return {};
  const discovery = discoveryView(member.oauthDiscovery);
  return { ...(member.clientId ? { clientId: member.clientId } : {}), ...(discovery ? { discovery } : {}) };
}

type Oauth2Out = {
  name?: string;
  credentialProviderVendor?: string;
  credentialProviderArn?: string;
  callbackUrl?: string;
  oauth2ProviderConfigOutput?: Oauth2ProviderConfigOutput;
  clientSecretArn?: Secret;
  clientSecretSource?: string;
  status?: string;
  createdTime?: Date;
  lastUpdatedTime?: Date;
};

function oauth2Provider(p: Oauth2Out, vendor?: string): Oauth2Provider {
  return {
    kind: "oauth",
    name: p.name ?? "",
    vendor: p.credentialProviderVendor ?? vendor ?? "",
    credentialProviderArn: p.credentialProviderArn ?? "",
    ...(p.callbackUrl ? { callbackUrl: p.callbackUrl } : {}),
    ...configView(p.oauth2ProviderConfigOutput),
    ...(p.clientSecretArn?.secretArn ? { secretArn: p.clientSecretArn.secretArn } : {}),
    ...(p.clientSecretSource ? { secretSource: p.clientSecretSource } : {}),
    ...(p.status ? { status: p.status } : {}),
    createdAt: iso(p.createdTime),
    updatedAt: iso(p.lastUpdatedTime),
  };
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

// ---------- API key providers ----------

/** Every API key provider of the region (all pages), sorted by name. */
export async function listApiKeyProviders(region: string): Promise<ApiKeyProvider[]> {
  try {
    const client = agentCoreControl(region);
    const items = await allPages(async (nextToken) => {
      const out = await client.send(new ListApiKeyCredentialProvidersCommand({ maxResults: 100, nextToken }));
      return { items: out.credentialProviders ?? [], nextToken: out.nextToken };
    });
    return items.map(apiKeyProvider).sort(byName);
  } catch (err) {
    throw toConsoleError(err, "list API key credential providers");
  }
}

/** The provider, or null when it does not exist. */
export async function getApiKeyProvider(region: string, name: string): Promise<ApiKeyProvider | null> {
  return nullIfNotFound("load the API key credential provider", async () => apiKeyProvider(await agentCoreControl(region).send(new GetApiKeyCredentialProviderCommand({ name }))));
}

export async function createApiKeyProvider(region: string, input: { name: string; apiKey: string }): Promise<ApiKeyProvider> {
  try {
    const out = await agentCoreControl(region).send(new CreateApiKeyCredentialProviderCommand({ name: input.name, apiKey: input.apiKey }));
    return apiKeyProvider(out);
  } catch (err) {
    throw toConsoleError(redact(err, input.apiKey), "create the API key credential provider");
  }
}

/** Replaces the stored API key (the service keeps no other settings for a managed key). */
export async function updateApiKeyProvider(region: string, input: { name: string; apiKey: string }): Promise<ApiKeyProvider> {
  try {
    const out = await agentCoreControl(region).send(new UpdateApiKeyCredentialProviderCommand({ name: input.name, apiKey: input.apiKey }));
    return apiKeyProvider(out);
  } catch (err) {
    throw toConsoleError(redact(err, input.apiKey), "update the API key credential provider");
  }
}

export async function deleteApiKeyProvider(region: string, name: string): Promise<void> {
  try {
    await agentCoreControl(region).send(new DeleteApiKeyCredentialProviderCommand({ name }));
  } catch (err) {
    throw toConsoleError(err, "delete the API key credential provider");
  }
}

// ---------- OAuth2 providers ----------

/**
 * Every OAuth2 provider of the region (all pages), sorted by name. ListOauth2CredentialProviders returns no
 * callback URL or client settings; with `details` each provider is read with GetOauth2CredentialProvider too.
 */
export async function listOauth2Providers(region: string, opts: { details?: boolean } = {}): Promise<Oauth2Provider[]> {
  try {
    const client = agentCoreControl(region);
    const items = await allPages(async (nextToken) => {
      const out = await client.send(new ListOauth2CredentialProvidersCommand({ maxResults: 20, nextToken }));
      return { items: out.credentialProviders ?? [], nextToken: out.nextToken };
    });
    const summaries = items.map((p) => oauth2Provider(p)).sort(byName);
    if (!opts.details) return summaries;
    const detailed = await mapLimit(summaries, 8, async (s) => {
      try {
        return oauth2Provider(await client.send(new GetOauth2CredentialProviderCommand({ name: s.name })));
      } catch (err) {
        // Deleted between the list and the read: leave it out.
        if (isNotFound(err)) return null;
        throw err;
      }
    });
    return detailed.filter((p): p is Oauth2Provider => p !== null);
  } catch (err) {
    throw toConsoleError(err, "list OAuth2 credential providers");
  }
}

/** The provider, or null when it does not exist. */
export async function getOauth2Provider(region: string, name: string): Promise<Oauth2Provider | null> {
  return nullIfNotFound("load the OAuth2 credential provider", async () => oauth2Provider(await agentCoreControl(region).send(new GetOauth2CredentialProviderCommand({ name }))));
}

const secretOf = (r: Oauth2ProviderRequest) => {
  const member = Object.values(r.oauth2ProviderConfigInput ?? {}).find((v) => v && typeof v === "object") as { clientSecret?: string } | undefined;
  return member?.clientSecret;
};

export async function createOauth2Provider(region: string, request: Oauth2ProviderRequest): Promise<Oauth2Provider> {
  try {
    const out = await agentCoreControl(region).send(new CreateOauth2CredentialProviderCommand(request));
    return oauth2Provider(out, request.credentialProviderVendor);
  } catch (err) {
    throw toConsoleError(redact(err, secretOf(request)), "create the OAuth2 credential provider");
  }
}

/** A full replace of the provider's vendor and configuration (an empty managed client secret keeps the stored one). */
export async function updateOauth2Provider(region: string, request: Oauth2ProviderRequest): Promise<Oauth2Provider> {
  try {
    const out = await agentCoreControl(region).send(new UpdateOauth2CredentialProviderCommand(request));
    return oauth2Provider(out, request.credentialProviderVendor);
  } catch (err) {
    throw toConsoleError(redact(err, secretOf(request)), "update the OAuth2 credential provider");
  }
}

export async function deleteOauth2Provider(region: string, name: string): Promise<void> {
  try {
    await agentCoreControl(region).send(new DeleteOauth2CredentialProviderCommand({ name }));
  } catch (err) {
    throw toConsoleError(err, "delete the OAuth2 credential provider");
  }
}

// ---------- both kinds ----------

/** Both kinds of providers of the region, each list complete and sorted by name (for pickers and the providers page). */
export async function listCredentialProviders(region: string, opts: { details?: boolean } = {}): Promise<CredentialProviderList> {
  const [apiKey, oauth] = await Promise.all([listApiKeyProviders(region), listOauth2Providers(region, opts)]);
  return { apiKey, oauth };
}
