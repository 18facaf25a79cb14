// Read models of Cognito pools, quick-create clean-ups, test tokens and discovery checks: plain data lib/aws returns and components render.

export type DiscoveryFailureReason =
  | "invalid-url"
  | "refused-url"
  | "unreachable"
  | "timeout"
  | "http-status"
  | "not-json"
  | "too-large"
  | "missing-issuer"
  | "missing-jwks-uri"
  | "jwks-unreachable"
  | "jwks-invalid";

export type DiscoveryCheck =
  | {
      ok: true;
      url: string;
      issuer: string;
      jwksUri: string;
      tokenEndpoint?: string;
      keyCount: number;
      algorithms: string[];
      warnings: string[];
    }
  | { ok: false; url: string; reason: DiscoveryFailureReason; problem: string; status?: number };

export type TokenVerification = { verified: boolean; detail: string };

export type PoolSummary = {
  id: string;
  name: string;
  createdAt: string;
  /** Made by the console for a gateway (tagged agentcore-console:purpose=gateway-inbound-auth). */
  forGateway: boolean;
  domain?: string;
  customDomain?: boolean;
  domainStatus?: string;
  discoveryUrl: string;
  tokenEndpoint?: string;
  /** Set when the pool's details could not be read (it is still listed). */
  problem?: string;
  /** The AWS error name behind `problem`. */
  problemName?: string;
};

export type ResourceServerInfo = { identifier: string; name: string; scopes: { name: string; description: string }[] };

export type AppClientInfo = {
  clientId: string;
  clientName: string;
  hasSecret: boolean;
  oauthEnabled: boolean;
  flows: string[];
  scopes: string[];
  /** Can run the client-credentials grant: OAuth on, the flow allowed, and a secret. */
  clientCredentials: boolean;
  accessTokenValiditySeconds: number;
  createdAt: string;
};

export type PoolDetail = PoolSummary & {
  arn: string;
  issuer: string;
  tags: Record<string, string>;
  resourceServers: ResourceServerInfo[];
  clients: AppClientInfo[];
};

export type CleanupReport = { deleted: string[]; alreadyGone: string[] };

export type TestToken = {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  /** ISO times from the token's iat/exp (exp falls back to now + expires_in). */
  issuedAt?: string;
  expiresAt: string;
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  verification: TokenVerification;
  tokenEndpoint: string;
  discoveryUrl: string;
  scopes: string[];
  /** The same request as a curl command; the secret is the shell variable $CLIENT_SECRET. */
  curl: string;
};
