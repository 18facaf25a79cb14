// CUSTOM_JWT inbound auth as the gateway does it: OIDC discovery, signature (JWKS), exp/nbf, iss, then the gateway's rules.
import { createRemoteJWKSet, customFetch, errors, jwtVerify, type JWTPayload } from "jose";
import { boundedFetch, fetchText, OutboundError } from "./outbound";

type Obj = Record<string, unknown>;

export interface CustomJwtConfig {
  discoveryUrl: string;
  allowedAudience?: string[];
  allowedClients?: string[];
  allowedScopes?: string[];
  customClaims?: {
    inboundTokenClaimName: string;
    inboundTokenClaimValueType: "STRING" | "STRING_ARRAY";
    authorizingClaimMatchValue: { claimMatchOperator: "EQUALS" | "CONTAINS" | "CONTAINS_ANY"; claimMatchValue: { matchValueString?: string; matchValueStringList?: string[] } };
  }[];
}

export type JwtOutcome = { ok: true; claims: JWTPayload } | { ok: false; reason: string };

interface Discovery {
  issuer: string;
  jwksUri: string;
  at: number;
}

/** Discovery documents are re-read after this; JWKS caching is jose's (10 min, refetch on an unknown kid). */
const DISCOVERY_TTL_MS = 10 * 60 * 1000;
const discoveries = new Map<string, Discovery>();
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

async function discover(url: string, now: number): Promise<Discovery> {
  const cached = discoveries.get(url);
  if (cached && now - cached.at < DISCOVERY_TTL_MS) return cached;
  const res = await fetchText(url, { headers: { accept: "application/json" } }, 1 << 20);
  if (res.status !== 200) throw new OutboundError(`the discovery URL answered HTTP ${res.status}`);
  let doc: Obj;
  try {
    doc = JSON.parse(res.text) as Obj;
  } catch {
    throw new OutboundError("the discovery document is not JSON");
  }
  if (typeof doc.issuer !== "string" || typeof doc.jwks_uri !== "string") throw new OutboundError("the discovery document has no issuer or jwks_uri");
  const d = { issuer: doc.issuer, jwksUri: doc.jwks_uri, at: now };
  discoveries.set(url, d);
  return d;
}

function keySet(jwksUri: string) {
  let set = keySets.get(jwksUri);
  if (!set) {
    // A short cooldown: a key rotated in the sandbox is picked up on the next token with the new kid.
    set = createRemoteJWKSet(new URL(jwksUri), { cooldownDuration: 1000, timeoutDuration: 10_000, [customFetch]: boundedFetch });
    keySets.set(jwksUri, set);
  }
  return set;
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : []);

/** The gateway's rules after the token itself is valid; the first that fails is the reason. */
export function checkRules(config: CustomJwtConfig, claims: JWTPayload): string | undefined {
  if (config.allowedClients?.length) {
    const clientId = claims.client_id;
    if (typeof clientId !== "string") return "The token has no client_id claim, and the gateway allows only the clients in allowedClients";
    if (!config.allowedClients.includes(clientId)) return `The token's client_id ${clientId} is not in allowedClients`;
  }
  if (config.allowedAudience?.length) {
    const aud = asList(claims.aud);
    if (!aud.length) return "The token has no aud claim, and the gateway checks allowedAudience (Cognito access tokens carry client_id, not aud: use allowedClients)";
    if (!aud.some((a) => config.allowedAudience!.includes(a))) return `The token's audience ${aud.join(", ")} is not in allowedAudience`;
  }
  if (config.allowedScopes?.length) {
    const scopes = typeof claims.scope === "string" ? claims.scope.split(/\s+/).filter(Boolean) : asList(claims.scp);
    if (!scopes.some((s) => config.allowedScopes!.includes(s))) {
      return `The token's scopes (${scopes.join(" ") || "none"}) include none of allowedScopes (${config.allowedScopes.join(" ")})`;
    }
  }
  for (const rule of config.customClaims ?? []) {
    const name = rule.inboundTokenClaimName;
    const value = (claims as Obj)[name];
    const { claimMatchOperator: op, claimMatchValue: want } = rule.authorizingClaimMatchValue;
    if (value === undefined) return `The token has no ${name} claim, which a custom claim rule requires`;
    if (rule.inboundTokenClaimValueType === "STRING") {
      if (typeof value !== "string") return `The token's ${name} claim is not a string`;
      if (op === "EQUALS" && value !== want.matchValueString) return `The token's ${name} claim does not equal the required value`;
    } else {
      if (!Array.isArray(value)) return `The token's ${name} claim is not a string array`;
      if (op === "CONTAINS" && !value.includes(want.matchValueString)) return `The token's ${name} claim does not contain the required value`;
      if (op === "CONTAINS_ANY" && !(want.matchValueStringList ?? []).some((w) => value.includes(w))) return `The token's ${name} claim contains none of the required values`;
    }
  }
  return undefined;
}

/** Verifies a bearer token against a CUSTOM_JWT authorizer; the reason names the check that failed. */
export async function verifyJwt(token: string, config: CustomJwtConfig, now: number): Promise<JwtOutcome> {
  let discovery: Discovery;
  try {
    discovery = await discover(config.discoveryUrl, now);
  } catch (e) {
    return { ok: false, reason: `The gateway could not read the discovery URL ${config.discoveryUrl}: ${(e as Error).message}` };
  }
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(token, keySet(discovery.jwksUri), { issuer: discovery.issuer, currentDate: new Date(now) }));
  } catch (e) {
    if (e instanceof errors.JWTExpired) return { ok: false, reason: "The token has expired (exp)" };
    if (e instanceof errors.JWTClaimValidationFailed && e.claim === "nbf") return { ok: false, reason: "The token is not valid yet (nbf)" };
    if (e instanceof errors.JWTClaimValidationFailed && e.claim === "iss") return { ok: false, reason: `The token's issuer is not ${discovery.issuer}, the issuer of the discovery document` };
    if (e instanceof errors.JWKSNoMatchingKey) return { ok: false, reason: "No key of the issuer's JWKS matches the token's kid" };
    if (e instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: "The token's signature is not valid" };
    if (e instanceof errors.JWKSTimeout || !(e instanceof errors.JOSEError)) return { ok: false, reason: `The gateway could not read the issuer's JWKS: ${(e as Error).message}` };
    return { ok: false, reason: `The token is not a valid JWT: ${(e as Error).message}` };
  }
  const broken = checkRules(config, claims);
  return broken ? { ok: false, reason: broken } : { ok: true, claims };
}

/** Forgets cached discovery documents and key sets (tests). */
export function clearJwtCaches(): void {
  discoveries.clear();
  keySets.clear();
}
