// Server-only OIDC client side: verify a discovery URL, run the client-credentials grant, decode and verify access tokens.
import "server-only";
import crypto from "node:crypto";
import { ConsoleError, type ConsoleErrorKind } from "./errors";
import { outboundFetch, RefusedUrlError, TooLargeError, type OutboundResponse } from "./outbound-fetch";
import type { DiscoveryCheck, DiscoveryFailureReason, TokenVerification } from "@/lib/models/identity";

export type { DiscoveryCheck, DiscoveryFailureReason, TokenVerification };

const DISCOVERY_SUFFIX = "/.well-known/openid-configuration";

type Json = Record<string, unknown>;

function parseUrl(value: unknown): URL | null {
  if (typeof value !== "string" || value === "") return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

type NetError = { name?: string; message?: string; code?: string; cause?: { code?: string; message?: string } };

/** A sentence fragment saying why a fetch failed: "did not answer within 5 s", "refused the connection (ECONNREFUSED)"… */
export function networkProblem(err: unknown, timeoutMs: number): string {
  const e = (err ?? {}) as NetError;
  if (e.name === "TimeoutError" || e.name === "AbortError") return `did not answer within ${Math.round(timeoutMs / 100) / 10} s`;
  const code = e.cause?.code ?? e.code;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `could not be resolved (${code}): check the host name`;
  if (code === "ECONNREFUSED") return "refused the connection (ECONNREFUSED)";
  if (code === "ECONNRESET") return "closed the connection (ECONNRESET)";
  if (code && /CERT|TLS|SSL/.test(code)) return `failed the TLS handshake (${code})`;
  return `could not be reached (${code ?? e.cause?.message ?? e.message ?? "network error"})`;
}

type Fetched =
  | { ok: true; status: number; json: Json }
  | { ok: false; status?: number; problem: string; reason: "refused-url" | "unreachable" | "timeout" | "http-status" | "not-json" | "too-large" };

/** GETs a JSON object under the outbound rules (lib/aws/outbound-fetch.ts): checked hosts, 3 checked redirects, a timeout, a size cap. */
async function fetchJson(url: string, timeoutMs: number): Promise<Fetched> {
  let res: OutboundResponse;
  try {
    res = await outboundFetch(url, { headers: { accept: "application/json" }, timeoutMs });
  } catch (err) {
    if (err instanceof RefusedUrlError) return { ok: false, problem: `is not fetched: ${err.message}`, reason: "refused-url" };
    if (err instanceof TooLargeError) return { ok: false, problem: err.message, reason: "too-large" };
    const problem = networkProblem(err, timeoutMs);
    return { ok: false, problem, reason: problem.startsWith("did not answer") ? "timeout" : "unreachable" };
  }
  if (res.status < 200 || res.status >= 300) return { ok: false, status: res.status, problem: `answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}`, reason: "http-status" };
  try {
    const json = JSON.parse(res.text) as unknown;
    if (!json || typeof json !== "object" || Array.isArray(json)) throw new Error("not an object");
    return { ok: true, status: res.status, json: json as Json };
  } catch {
    const type = res.headers.get("content-type") ?? "no content type";
    return { ok: false, status: res.status, problem: `did not answer with a JSON object (${type.split(";")[0]})`, reason: "not-json" };
  }
}

// ---- discovery URL verification -----------------------------------------------------------------

/**
 * Fetches an OpenID Connect discovery document on the server and checks what a JWT authorizer needs:
 * JSON, an issuer, a jwks_uri that serves at least one key. Says why when it fails.
 */
export async function verifyDiscoveryUrl(url: string, opts: { timeoutMs?: number } = {}): Promise<DiscoveryCheck> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  const fail = (reason: DiscoveryFailureReason, problem: string, status?: number): DiscoveryCheck => ({ ok: false, url, reason, problem, status });
  const u = parseUrl(url.trim());
  if (!u || (u.protocol !== "https:" && u.protocol !== "http:")) return fail("invalid-url", "This is not an http(s) URL.");
  if (!u.pathname.endsWith(DISCOVERY_SUFFIX)) return fail("invalid-url", `A discovery URL ends with ${DISCOVERY_SUFFIX}.`);

  const doc = await fetchJson(u.href, timeoutMs);
  if (!doc.ok) return fail(doc.reason, `The discovery URL ${doc.problem}`.replace(/([^.])$/, "$1."), doc.status);
  const warnings: string[] = [];

  const issuer = doc.json.issuer;
  if (typeof issuer !== "string" || !parseUrl(issuer)) return fail("missing-issuer", "The document has no issuer (a URL), so no token could match it.");
  const expected = u.href.slice(0, -DISCOVERY_SUFFIX.length);
  if (issuer !== expected) {
    warnings.push(`The issuer ${issuer} is not the URL the document was fetched from (${expected}); tokens must carry iss = ${issuer}.`);
  }

  const jwksUrl = parseUrl(doc.json.jwks_uri);
  if (!jwksUrl) return fail("missing-jwks-uri", "The document has no jwks_uri, so token signatures cannot be checked.");

  const jwks = await fetchJson(jwksUrl.href, timeoutMs);
  if (!jwks.ok) {
    const reason = jwks.reason === "refused-url" ? "refused-url" : jwks.reason === "not-json" ? "jwks-invalid" : "jwks-unreachable";
    return fail(reason, `The jwks_uri ${jwksUrl.href} ${jwks.problem}`.replace(/([^.])$/, "$1."), jwks.status);
  }
  const keys = Array.isArray(jwks.json.keys) ? (jwks.json.keys as Json[]).filter((k) => k && typeof k === "object" && typeof k.kty === "string") : [];
  if (keys.length === 0) return fail("jwks-invalid", `The JWKS at ${jwksUrl.href} holds no keys.`);

  const tokenEndpoint = typeof doc.json.token_endpoint === "string" ? doc.json.token_endpoint : undefined;
  if (!tokenEndpoint) warnings.push("The document names no token_endpoint (a Cognito pool gets one once it has a domain).");
  const algorithms = [...new Set(keys.map((k) => (typeof k.alg === "string" ? k.alg : String(k.kty))))];
  return { ok: true, url: u.href, issuer, jwksUri: jwksUrl.href, tokenEndpoint, keyCount: keys.length, algorithms, warnings };
}

// ---- the client-credentials grant ---------------------------------------------------------------

const OAUTH_SENTENCES: Record<string, string> = {
  invalid_request: "The token endpoint refused the request as malformed.",
  invalid_client: "The token endpoint did not accept the client's credentials: the client id or secret is wrong, or the client belongs to another user pool.",
  invalid_grant: "The token endpoint refused the grant.",
  unauthorized_client: "This app client may not use the client-credentials grant: enable the client_credentials OAuth flow (and a client secret) on it.",
  unsupported_grant_type: "The token endpoint does not support this grant type.",
  invalid_scope: "A requested scope is not allowed for this app client, or does not exist.",
};

/** The console's sentence for an OAuth error response (RFC 6749 §5.2), with the server's description. */
export function oauthErrorSentence(code: string, description?: string, status?: number): string {
  const base =
    status === 404
      ? "The token endpoint is not serving: the user pool domain does not exist or is not ACTIVE yet."
      : OAUTH_SENTENCES[code] ?? `The token endpoint refused the request (${code}).`;
  const detail = description?.trim() ? ` ${description.trim().replace(/([^.])$/, "$1.")}` : "";
  return `${base}${detail}`;
}

const OAUTH_KIND: Record<string, ConsoleErrorKind> = { invalid_client: "access-denied", unauthorized_client: "access-denied" };

/** An OAuth error from a token endpoint: `awsName` is the OAuth error code (invalid_client…). */
export class OAuthError extends ConsoleError {
  constructor(
    readonly oauthCode: string,
    readonly status: number,
    message: string,
  ) {
    super(status === 404 ? "not-found" : OAUTH_KIND[oauthCode] ?? "validation", message, oauthCode);
    this.name = "OAuthError";
  }
}

export type TokenResponse = { accessToken: string; tokenType: string; expiresIn: number; scope?: string };

/** Reads a token endpoint's answer: the token, or an OAuthError with the console's sentence. */
export async function readTokenResponse(res: Response): Promise<TokenResponse> {
  const text = await res.text().catch(() => "");
  let body: Json = {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === "object") body = parsed as Json;
  } catch {
    // handled below
  }
  if (res.ok && typeof body.access_token === "string") {
    return {
      accessToken: body.access_token,
      tokenType: typeof body.token_type === "string" ? body.token_type : "Bearer",
      expiresIn: typeof body.expires_in === "number" ? body.expires_in : 0,
      scope: typeof body.scope === "string" ? body.scope : undefined,
    };
  }
  const code = typeof body.error === "string" ? body.error : res.status === 404 ? "not_found" : `http_${res.status}`;
  const description = typeof body.error_description === "string" ? body.error_description : undefined;
  console.error(`[oauth] token request failed: ${res.status} ${code}`);
  if (typeof body.error !== "string" && res.status !== 404) {
    throw new OAuthError(code, res.status, `The token endpoint answered HTTP ${res.status} without an OAuth error.`);
  }
  throw new OAuthError(code, res.status, oauthErrorSentence(code, description, res.status));
}

/** Runs the client-credentials grant with HTTP Basic client authentication. The secret is never logged. */
export async function requestClientCredentialsToken(p: {
  tokenEndpoint: string;
  clientId: string;
  clientSecret: string;
  scopes?: string[];
  timeoutMs?: number;
}): Promise<TokenResponse> {
  const timeoutMs = p.timeoutMs ?? 10_000;
  const body = new URLSearchParams({ grant_type: "client_credentials" });
  if (p.scopes?.length) body.set("scope", p.scopes.join(" "));
  let res: Response;
  try {
    const r = await outboundFetch(p.tokenEndpoint, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
        authorization: `Basic ${Buffer.from(`${p.clientId}:${p.clientSecret}`).toString("base64")}`,
      },
      body: body.toString(),
      timeoutMs,
      // The request carries the client secret: never follow a redirect with it.
      maxRedirects: 0,
    });
    res = new Response(r.status === 204 || r.status === 304 ? null : r.text, { status: r.status < 200 || r.status > 599 ? 502 : r.status, statusText: r.statusText, headers: r.headers });
  } catch (err) {
    if (err instanceof RefusedUrlError) throw new ConsoleError("validation", `The token endpoint is not fetched: ${err.message}`, "RefusedUrl");
    if (err instanceof TooLargeError) throw new ConsoleError("unreachable", `The token endpoint ${p.tokenEndpoint} ${err.message}.`, "NetworkingError");
    const problem = networkProblem(err, timeoutMs);
    console.error(`[oauth] token endpoint ${p.tokenEndpoint} ${problem}`);
    throw new ConsoleError("unreachable", `The token endpoint ${p.tokenEndpoint} ${problem}.`, "NetworkingError");
  }
  return readTokenResponse(res);
}

// ---- JWTs ---------------------------------------------------------------------------------------

export type DecodedJwt = { header: Json; claims: Json; signingInput: string; signature: Buffer };

/** Decodes a compact JWS without checking anything; throws a ConsoleError when it is not one. */
export function decodeJwt(token: string): DecodedJwt {
  const parts = token.split(".");
  const bad = () => new ConsoleError("validation", "The access token is not a JSON Web Token (three base64url parts).", "MalformedToken");
  if (parts.length !== 3) throw bad();
  try {
    const header = JSON.parse(Buffer.from(parts[0], "base64url").toString("utf8")) as Json;
    const claims = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8")) as Json;
    if (!header || typeof header !== "object" || !claims || typeof claims !== "object") throw bad();
    return { header, claims, signingInput: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2], "base64url") };
  } catch {
    throw bad();
  }
}

/**
 * Verifies an RS256 access token as a JWT authorizer would: the discovery document's issuer must equal `iss`,
 * the signature must check out with the JWKS key named by `kid`, and it must not be expired.
 */
export async function verifyAccessToken(token: string, discoveryUrl: string, opts: { now?: number; timeoutMs?: number } = {}): Promise<TokenVerification> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  const now = opts.now ?? Date.now();
  const no = (detail: string): TokenVerification => ({ verified: false, detail });
  let jwt: DecodedJwt;
  try {
    jwt = decodeJwt(token);
  } catch (err) {
    return no((err as Error).message);
  }
  if (jwt.header.alg !== "RS256") return no(`The token is signed with ${String(jwt.header.alg)}; the console checks RS256 only.`);
  const doc = await fetchJson(discoveryUrl, timeoutMs);
  if (!doc.ok) return no(`Not verified: the discovery URL ${doc.problem}`.replace(/([^.])$/, "$1."));
  if (doc.json.issuer !== jwt.claims.iss) return no(`The token's iss (${String(jwt.claims.iss)}) is not the discovery document's issuer (${String(doc.json.issuer)}).`);
  const jwksUri = parseUrl(doc.json.jwks_uri);
  if (!jwksUri) return no("Not verified: the discovery document has no jwks_uri.");
  const jwks = await fetchJson(jwksUri.href, timeoutMs);
  if (!jwks.ok) return no(`Not verified: the jwks_uri ${jwks.problem}`.replace(/([^.])$/, "$1."));
  const keys = Array.isArray(jwks.json.keys) ? (jwks.json.keys as Json[]) : [];
  const jwk = keys.find((k) => k && k.kid === jwt.header.kid);
  if (!jwk) return no(`No key with kid ${String(jwt.header.kid)} in the JWKS.`);
  let valid = false;
  try {
    const key = crypto.createPublicKey({ key: jwk as crypto.JsonWebKey, format: "jwk" });
    valid = crypto.verify("RSA-SHA256", Buffer.from(jwt.signingInput), key, jwt.signature);
  } catch {
    return no(`The JWKS key ${String(jwt.header.kid)} is not a usable RSA key.`);
  }
  if (!valid) return no("The signature does not match the JWKS key: the token was altered or signed by someone else.");
  if (typeof jwt.claims.exp !== "number" || jwt.claims.exp * 1000 <= now) return no("The signature is valid but the token has expired.");
  return { verified: true, detail: `Signature checked with key ${String(jwt.header.kid)} from ${jwksUri.href}; iss matches the discovery document; not expired.` };
}
