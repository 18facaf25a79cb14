// Where a user pool's OIDC documents and token endpoint live, on AWS and in the sandbox (pure, safe to import anywhere).

const trimSlash = (url: string) => url.replace(/\/+$/, "");

/** The region a pool id starts with (`us-east-1_AbCdEfGhI` → `us-east-1`). */
export function regionOfPoolId(poolId: string): string {
  const i = poolId.indexOf("_");
  return i > 0 ? poolId.slice(0, i) : "";
}

/** Issuer (`iss` of the tokens, `issuer` of the discovery document) on AWS. */
export function awsIssuer(poolId: string, region = regionOfPoolId(poolId)): string {
  return `https://cognito-idp.${region}.amazonaws.com/${poolId}`;
}

export function awsDiscoveryUrl(poolId: string, region = regionOfPoolId(poolId)): string {
  return `${awsIssuer(poolId, region)}/.well-known/openid-configuration`;
}

/** Prefix domains on AWS: `https://DOMAIN.auth.REGION.amazoncognito.com/oauth2/token`. */
export function awsTokenEndpoint(domain: string, region: string): string {
  return `https://${domain}.auth.${region}.amazoncognito.com/oauth2/token`;
}

/** Issuer in the sandbox: the sandbox URL as the client reaches it, then the pool id. */
export function sandboxIssuer(baseUrl: string, poolId: string): string {
  return `${trimSlash(baseUrl)}/${poolId}`;
}

export function sandboxDiscoveryUrl(baseUrl: string, poolId: string): string {
  return `${sandboxIssuer(baseUrl, poolId)}/.well-known/openid-configuration`;
}

export function sandboxJwksUrl(baseUrl: string, poolId: string): string {
  return `${sandboxIssuer(baseUrl, poolId)}/.well-known/jwks.json`;
}

/** The sandbox's stand-in for `https://DOMAIN.auth.REGION.amazoncognito.com`: `{baseUrl}/oauth2/{domain}`. */
export function sandboxDomainBase(baseUrl: string, domain: string): string {
  return `${trimSlash(baseUrl)}/oauth2/${encodeURIComponent(domain)}`;
}

/** Token endpoint of a user pool domain in the sandbox: `{baseUrl}/oauth2/{domain}/token`. */
export function sandboxTokenEndpoint(baseUrl: string, domain: string): string {
  return `${sandboxDomainBase(baseUrl, domain)}/token`;
}

/** The user pool a Cognito discovery URL (AWS or sandbox) points at, or undefined for any other OIDC provider. */
export function poolIdOfDiscoveryUrl(url: string | undefined): string | undefined {
  const m = /\/([a-z]{2}(?:-[a-z]+)+-\d_[0-9a-zA-Z]+)\/\.well-known\/openid-configuration$/.exec(url ?? "");
  return m?.[1];
}
