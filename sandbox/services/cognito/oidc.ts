// Cognito's OIDC side as plain HTTP routes: per-pool discovery document and JWKS, and the client-credentials token endpoint.
import crypto from "node:crypto";
import type { HttpRoute, HttpRouteContext, SandboxRequest, SandboxResponse } from "../../core/types";
import { publicJwk, signJwt } from "./jwt";
import { accessTokenTtlSeconds, domainStatus, poolByClientId, poolByDomain, type ClientRecord, type CognitoState, type PoolRecord } from "./models";
import { sandboxDomainBase, sandboxIssuer, sandboxJwksUrl } from "../../../formats/cognito-urls";

const JSON_UTF8 = "application/json;charset=UTF-8";
const GRANT_TYPES = ["client_credentials", "authorization_code", "refresh_token"];

function json(status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { "content-type": JSON_UTF8, ...headers }, body: JSON.stringify(body) };
}

const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}): SandboxResponse {
  return json(status, { error, error_description: description }, { ...NO_STORE, ...headers });
}

function poolById(ctx: HttpRouteContext, poolId: string): PoolRecord | undefined {
  const pools = ctx.state<CognitoState>().pools;
  return Object.prototype.hasOwnProperty.call(pools, poolId) ? pools[poolId] : undefined;
}

const poolNotFound = (poolId: string) => json(404, { code: "ResourceNotFoundException", message: `User pool ${poolId} does not exist.` });

/** Same members as Cognito's; the domain endpoints appear once the pool has a domain (only `token` is served). */
export function discoveryDocument(p: PoolRecord, baseUrl: string): Record<string, unknown> {
  const domain = p.domain ? sandboxDomainBase(baseUrl, p.domain.Domain) : undefined;
  return {
    ...(domain ? { authorization_endpoint: `${domain}/authorize`, end_session_endpoint: `${domain}/logout` } : {}),
    id_token_signing_alg_values_supported: ["RS256"],
    issuer: sandboxIssuer(baseUrl, p.Id),
    jwks_uri: sandboxJwksUrl(baseUrl, p.Id),
    response_types_supported: ["code", "token"],
    ...(domain ? { revocation_endpoint: `${domain}/revoke` } : {}),
    scopes_supported: ["openid", "email", "phone", "profile"],
    subject_types_supported: ["public"],
    ...(domain ? { token_endpoint: `${domain}/token` } : {}),
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    ...(domain ? { userinfo_endpoint: `${domain}/userInfo` } : {}),
  };
}

interface ClientAuth {
  id?: string;
  secret?: string;
  /** Credentials came in the Authorization header (a failure is then a 401 with a challenge, RFC 6749 §5.2). */
  basic: boolean;
}

function clientAuth(req: SandboxRequest, form: URLSearchParams): ClientAuth | SandboxResponse {
  const header = req.headers.authorization;
  if (header && /^basic\s/i.test(header)) {
    const decoded = Buffer.from(header.replace(/^basic\s+/i, ""), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return oauthError(401, "invalid_client", "Malformed Basic credentials.", { "www-authenticate": 'Basic realm="cognito"' });
    const id = decoded.slice(0, colon);
    const bodyId = form.get("client_id");
    if (bodyId !== null && bodyId !== id) {
      return oauthError(401, "invalid_client", "client_id in the body does not match the Authorization header.", { "www-authenticate": 'Basic realm="cognito"' });
    }
    return { id, secret: decoded.slice(colon + 1), basic: true };
  }
  return { id: form.get("client_id") ?? undefined, secret: form.get("client_secret") ?? undefined, basic: false };
}

function secretMatches(expected: string, given: string): boolean {
  const a = crypto.createHash("sha256").update(expected).digest();
  const b = crypto.createHash("sha256").update(given).digest();
  return crypto.timingSafeEqual(a, b);
}

function issueAccessToken(p: PoolRecord, c: ClientRecord, scopes: string[], ctx: HttpRouteContext): SandboxResponse {
  const iat = Math.floor(ctx.now() / 1000);
  const ttl = accessTokenTtlSeconds(c);
  // Cognito's client-credentials access token: sub and client_id are the client id; there is no `aud`.
  const claims = {
    sub: c.ClientId,
    token_use: "access",
    scope: scopes.join(" "),
    auth_time: iat,
    iss: sandboxIssuer(ctx.baseUrl, p.Id),
    exp: iat + ttl,
    iat,
    version: 2,
    jti: crypto.randomUUID(),
    client_id: c.ClientId,
  };
  return json(200, { access_token: signJwt(p.key, claims), expires_in: ttl, token_type: "Bearer" }, NO_STORE);
}

/**
 * The token endpoint. `domainName` set: `/oauth2/{domain}/token` (the pool is the domain's). Unset: `/oauth2/token`,
 * the pool is the client's. Either way the pool's domain must be ACTIVE (404 until then, as a domain that does not
 * serve yet).
 */
function token(req: SandboxRequest, ctx: HttpRouteContext, domainName: string | undefined): SandboxResponse {
  const s = ctx.state<CognitoState>();
  let p = domainName !== undefined ? poolByDomain(s, domainName) : undefined;
  if (domainName !== undefined && !p) return oauthError(404, "invalid_request", `No user pool domain ${domainName} exists in the sandbox.`);

  const contentType = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (contentType !== "application/x-www-form-urlencoded") {
    return oauthError(400, "invalid_request", "The request body must be application/x-www-form-urlencoded.");
  }
  const form = new URLSearchParams(req.body.toString("utf8"));
  const grantType = form.get("grant_type");
  if (!grantType) return oauthError(400, "invalid_request", "grant_type is required.");
  if (!GRANT_TYPES.includes(grantType)) return oauthError(400, "unsupported_grant_type", `Unsupported grant_type ${grantType}.`);

  const auth = clientAuth(req, form);
  if ("status" in auth) return auth;
  if (!auth.id) return oauthError(400, "invalid_request", "client_id is required (HTTP Basic or in the body).");
  p ??= poolByClientId(s, auth.id);
  const invalidClient = (why: string) =>
    auth.basic ? oauthError(401, "invalid_client", why, { "www-authenticate": 'Basic realm="cognito"' }) : oauthError(400, "invalid_client", why);
  const c = p && Object.prototype.hasOwnProperty.call(p.clients, auth.id) ? p.clients[auth.id] : undefined;

  if (!p?.domain || domainStatus(p.domain, ctx.now()) !== "ACTIVE") {
    if (!p) return invalidClient(`Client ${auth.id} does not exist.`);
    const status = p.domain ? domainStatus(p.domain, ctx.now()) : "none";
    return oauthError(404, "invalid_request", `The user pool ${p.Id} has no ACTIVE domain (status: ${status}); poll DescribeUserPoolDomain until ACTIVE.`);
  }
  if (!c || !p) return invalidClient(`Client ${auth.id} does not exist in this user pool.`);
  if (c.ClientSecret === undefined ? auth.secret !== undefined : auth.secret === undefined || !secretMatches(c.ClientSecret, auth.secret)) {
    return invalidClient("Client authentication failed.");
  }

  const oauth = c.AllowedOAuthFlowsUserPoolClient === true;
  const flows = c.AllowedOAuthFlows ?? [];
  if (grantType !== "client_credentials") {
    if (!oauth || (grantType === "authorization_code" && !flows.includes("code"))) {
      return oauthError(400, "unauthorized_client", `The client is not allowed the ${grantType} grant.`);
    }
    return oauthError(400, "invalid_grant", "The sandbox issues no authorization codes or refresh tokens: only client_credentials is served.");
  }
  if (!oauth || !flows.includes("client_credentials")) {
    return oauthError(400, "unauthorized_client", "The client is not allowed the client_credentials grant.");
  }
  const allowed = c.AllowedOAuthScopes ?? [];
  const requested = form.get("scope");
  // No (or an empty) scope parameter: every scope the client is allowed.
  const scopes = requested?.trim() ? requested.split(/\s+/).filter(Boolean) : allowed;
  const unknown = scopes.find((sc) => !allowed.includes(sc));
  if (unknown !== undefined) return oauthError(400, "invalid_scope", `Scope ${unknown} is not allowed for this client.`);
  if (!scopes.length) return oauthError(400, "invalid_scope", "No scope to grant.");
  return issueAccessToken(p, c, scopes, ctx);
}

export const oidcRoutes: HttpRoute[] = [
  {
    method: "GET",
    path: "/:poolId/.well-known/openid-configuration",
    handler(_req, ctx) {
      const p = poolById(ctx, ctx.params.poolId);
      return p ? json(200, discoveryDocument(p, ctx.baseUrl)) : poolNotFound(ctx.params.poolId);
    },
  },
  {
    method: "GET",
    path: "/:poolId/.well-known/jwks.json",
    handler(_req, ctx) {
      const p = poolById(ctx, ctx.params.poolId);
      return p ? json(200, { keys: [publicJwk(p.key)] }) : poolNotFound(ctx.params.poolId);
    },
  },
  { method: "POST", path: "/oauth2/:domain/token", handler: (req, ctx) => token(req, ctx, ctx.params.domain) },
  { method: "POST", path: "/oauth2/token", handler: (req, ctx) => token(req, ctx, undefined) },
];
