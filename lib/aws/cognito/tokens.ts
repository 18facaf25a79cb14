// Server-only test tokens: the client-credentials grant for a pool's app client, decoded and verified against the pool's JWKS.
import "server-only";
import { DescribeUserPoolClientCommand, DescribeUserPoolCommand, type UserPoolClientType, type UserPoolType } from "@aws-sdk/client-cognito-identity-provider";
import { cognitoDiscoveryUrl, cognitoTokenEndpoint, tokenCurlCommand } from "@/lib/schemas/cognito";
import { cognito } from "../clients";
import { ConsoleError, toConsoleError } from "../errors";
import { decodeJwt, requestClientCredentialsToken, verifyAccessToken } from "../oidc";
import { domainStatus } from "./domains";
import { oidcHost } from "./endpoints";
import type { TestToken } from "@/lib/models/identity";

export type { TestToken };

/**
 * Runs the client-credentials grant for an app client on the server (its secret never leaves the server),
 * then decodes the access token and verifies it against the pool's discovery document and JWKS.
 */
export async function getTestToken(region: string, poolId: string, clientId: string, scopes: string[] = []): Promise<TestToken> {
  const host = oidcHost();
  const c = cognito(region);
  let pool: UserPoolType;
  let appClient: UserPoolClientType;
  try {
    [pool, appClient] = await Promise.all([
      c.send(new DescribeUserPoolCommand({ UserPoolId: poolId })).then((o) => o.UserPool ?? {}),
      c.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId })).then((o) => o.UserPoolClient ?? {}),
    ]);
  } catch (err) {
    throw toConsoleError(err, "read the user pool and app client");
  }
  const domain = pool.CustomDomain ?? pool.Domain;
  if (!domain) {
    throw new ConsoleError("validation", "This user pool has no domain, so it has no token endpoint. Give it a domain first.", "NoDomain");
  }
  if (!pool.CustomDomain) {
    const status = await domainStatus(c, domain).catch((err) => {
      throw toConsoleError(err, "check the domain's status");
    });
    if (status !== "ACTIVE") {
      throw new ConsoleError("conflict", `The domain ${domain} is ${status ?? "not found"}, not ACTIVE: it cannot issue tokens yet. Try again in a moment.`, "DomainNotActive");
    }
  }
  if (!appClient.ClientSecret) {
    throw new ConsoleError("validation", "This app client has no secret: the client-credentials grant needs a confidential client.", "NoClientSecret");
  }
  const tokenEndpoint = cognitoTokenEndpoint(host, domain, region, Boolean(pool.CustomDomain));
  const discoveryUrl = cognitoDiscoveryUrl(host, poolId, region);
  const t = await requestClientCredentialsToken({ tokenEndpoint, clientId, clientSecret: appClient.ClientSecret, scopes });
  const { header, claims } = decodeJwt(t.accessToken);
  const verification = await verifyAccessToken(t.accessToken, discoveryUrl);
  const exp = typeof claims.exp === "number" ? claims.exp * 1000 : Date.now() + t.expiresIn * 1000;
  return {
    accessToken: t.accessToken,
    tokenType: t.tokenType,
    expiresIn: t.expiresIn,
    issuedAt: typeof claims.iat === "number" ? new Date(claims.iat * 1000).toISOString() : undefined,
    expiresAt: new Date(exp).toISOString(),
    header,
    claims,
    verification,
    tokenEndpoint,
    discoveryUrl,
    scopes: typeof claims.scope === "string" ? claims.scope.split(" ").filter(Boolean) : scopes,
    curl: tokenCurlCommand(tokenEndpoint, clientId, scopes),
  };
}
