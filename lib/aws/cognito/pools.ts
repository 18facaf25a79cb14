// Server-only Cognito user pools for inbound auth: list and inspect pools and their app clients, reveal a client secret.
import "server-only";
import {
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ListResourceServersCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  type UserPoolClientType,
  type UserPoolType,
} from "@aws-sdk/client-cognito-identity-provider";
import { PURPOSE_TAG_KEY, PURPOSE_TAG_VALUE, cognitoDiscoveryUrl, cognitoIssuer, cognitoTokenEndpoint, type OidcHost } from "@/lib/schemas/cognito";
import { recordAudit } from "@/lib/audit/log";
import { errorOutcome, requestIdOf } from "@/lib/audit/rules";
import { cognito } from "../clients";
import { isNotFound, toConsoleError } from "../errors";
import { allPages, mapLimit } from "../paging";
import { domainStatus } from "./domains";
import { oidcHost } from "./endpoints";
import type { AppClientInfo, PoolDetail, PoolSummary, ResourceServerInfo } from "@/lib/models/identity";

export type { AppClientInfo, PoolDetail, PoolSummary, ResourceServerInfo };

const iso = (d: Date | undefined) => (d ? d.toISOString() : "");

async function summarize(region: string, host: OidcHost, pool: UserPoolType, withStatus: boolean): Promise<PoolSummary> {
  const id = pool.Id ?? "";
  const domain = pool.CustomDomain ?? pool.Domain;
  const custom = Boolean(pool.CustomDomain);
  const status = domain && withStatus ? await domainStatus(cognito(region), domain) : undefined;
  return {
    id,
    name: pool.Name ?? "",
    createdAt: iso(pool.CreationDate),
    forGateway: pool.UserPoolTags?.[PURPOSE_TAG_KEY] === PURPOSE_TAG_VALUE,
    domain,
    customDomain: custom || undefined,
    domainStatus: status,
    discoveryUrl: cognitoDiscoveryUrl(host, id, region),
    tokenEndpoint: domain ? cognitoTokenEndpoint(host, domain, region, custom) : undefined,
  };
}

export type ListPoolsResult = { items: PoolSummary[]; nextToken?: string };

/**
 * One page of the region's user pools. With `details` (the default) each pool is described too
 * (tags, domain and its status), a few at a time; without, only ids and names.
 */
export async function listUserPools(region: string, opts: { pageSize?: number; nextToken?: string; details?: boolean } = {}): Promise<ListPoolsResult> {
  const host = oidcHost();
  let out;
  try {
    out = await cognito(region).send(new ListUserPoolsCommand({ MaxResults: Math.min(60, Math.max(1, opts.pageSize ?? 20)), NextToken: opts.nextToken || undefined }));
  } catch (err) {
    throw toConsoleError(err, "list user pools");
  }
  const pools = out.UserPools ?? [];
  const items = await mapLimit(pools, 4, async (p): Promise<PoolSummary> => {
    const basic: PoolSummary = {
      id: p.Id ?? "",
      name: p.Name ?? "",
      createdAt: iso(p.CreationDate),
      forGateway: false,
      discoveryUrl: cognitoDiscoveryUrl(host, p.Id ?? "", region),
    };
    if (opts.details === false) return basic;
    try {
      const d = await cognito(region).send(new DescribeUserPoolCommand({ UserPoolId: p.Id }));
      return await summarize(region, host, d.UserPool ?? {}, true);
    } catch (err) {
      const e = toConsoleError(err, `describe user pool ${p.Id}`);
      return { ...basic, problem: e.message, problemName: e.awsName };
    }
  });
  return { items, nextToken: out.NextToken };
}

function clientInfo(c: UserPoolClientType): AppClientInfo {
  const flows = c.AllowedOAuthFlows ?? [];
  const unit = c.TokenValidityUnits?.AccessToken ?? "hours";
  const unitSeconds = { seconds: 1, minutes: 60, hours: 3600, days: 86400 }[unit] ?? 3600;
  const oauthEnabled = c.AllowedOAuthFlowsUserPoolClient === true;
  const hasSecret = Boolean(c.ClientSecret);
  return {
    clientId: c.ClientId ?? "",
    clientName: c.ClientName ?? "",
    hasSecret,
    oauthEnabled,
    flows,
    scopes: c.AllowedOAuthScopes ?? [],
    clientCredentials: oauthEnabled && hasSecret && flows.includes("client_credentials"),
    accessTokenValiditySeconds: c.AccessTokenValidity ? c.AccessTokenValidity * unitSeconds : 3600,
    createdAt: iso(c.CreationDate),
  };
}

/** The pool's app clients with their OAuth settings (never their secrets), at most `limit`. */
export async function listPoolClients(region: string, poolId: string, limit = 120): Promise<AppClientInfo[]> {
  const client = cognito(region);
  try {
    const ids = await allPages(
      async (token) => {
        const out = await client.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 60, NextToken: token }));
        return { items: (out.UserPoolClients ?? []).map((c) => c.ClientId ?? ""), nextToken: out.NextToken };
      },
      { maxItems: limit },
    );
    return await mapLimit(ids.slice(0, limit), 4, async (id) => {
      const out = await client.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: id }));
      return clientInfo(out.UserPoolClient ?? {});
    });
  } catch (err) {
    throw toConsoleError(err, "list the pool's app clients");
  }
}

async function listResourceServers(region: string, poolId: string): Promise<ResourceServerInfo[]> {
  return allPages(async (token) => {
    const page = await cognito(region).send(new ListResourceServersCommand({ UserPoolId: poolId, MaxResults: 50, NextToken: token }));
    const items = (page.ResourceServers ?? []).map((rs) => ({
      identifier: rs.Identifier ?? "",
      name: rs.Name ?? "",
      scopes: (rs.Scopes ?? []).map((s) => ({ name: s.ScopeName ?? "", description: s.ScopeDescription ?? "" })),
    }));
    return { items, nextToken: page.NextToken };
  });
}

/** Everything about one pool for its detail page, or null when it does not exist. */
export async function getUserPool(region: string, poolId: string): Promise<PoolDetail | null> {
  const host = oidcHost();
  let pool: UserPoolType;
  try {
    pool = (await cognito(region).send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool ?? {};
  } catch (err) {
    if (isNotFound(err)) return null;
    throw toConsoleError(err, "describe the user pool");
  }
  try {
    const [summary, resourceServers, clients] = await Promise.all([
      summarize(region, host, pool, true),
      listResourceServers(region, poolId),
      listPoolClients(region, poolId),
    ]);
    return { ...summary, arn: pool.Arn ?? "", issuer: cognitoIssuer(host, poolId, region), tags: pool.UserPoolTags ?? {}, resourceServers, clients };
  } catch (err) {
    throw toConsoleError(err, "read the user pool's domain, resource servers and clients");
  }
}

/** The app client's secret, read only when the user asks for it; null for a public client. */
export async function revealClientSecret(region: string, poolId: string, clientId: string): Promise<string | null> {
  // A read, so the SDK middleware skips it; showing a secret is worth an audit entry of its own (never the secret).
  const audit = { region, service: "cognito-idp", operation: "DescribeUserPoolClient", resources: { UserPoolId: poolId, ClientId: clientId } };
  try {
    const out = await cognito(region).send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }));
    const secret = out.UserPoolClient?.ClientSecret ?? null;
    await recordAudit({ ...audit, outcome: "ok", requestId: requestIdOf(out), secretRevealed: secret ? true : undefined });
    return secret;
  } catch (err) {
    await recordAudit({ ...audit, outcome: errorOutcome(err), requestId: requestIdOf(err), secretRevealed: undefined });
    throw toConsoleError(err, "read the app client's secret");
  }
}
