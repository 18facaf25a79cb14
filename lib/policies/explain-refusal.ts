// Why a gateway refused a call: the decoded token compared with the gateway's authorizer configuration, and what a target failure means (pure).
import { decodeJwt, decodeProtectedHeader } from "jose";
import type { CustomJWTAuthorizerConfiguration } from "@aws-sdk/client-bedrock-agentcore-control";
import type { Refusal, RefusalReason, TargetFailure } from "@/lib/models/gateway-test";

type Claims = Record<string, unknown>;
export type DecodedToken = { header: Record<string, unknown>; claims: Claims };

/** Header and claims of a JWT, without verifying it (only for the explanation); null when it is not a JWT. */
export function decodeToken(token: string): DecodedToken | null {
  try {
    return { header: decodeProtectedHeader(token) as Record<string, unknown>, claims: decodeJwt(token) as Claims };
  } catch {
    return null;
  }
}

/** The authorizer as the gateway has it (every member optional: the explanation copes with a partial one). */
export type JwtAuthorizer = Partial<CustomJWTAuthorizerConfiguration>;

export type RefusalInput = {
  status: number;
  authorizerType: string;
  authorizer?: JwtAuthorizer;
  /** The bearer token that was sent, if any (decoded here, never returned). */
  token?: string;
  /** The discovery document's issuer, when it could be read. */
  discoveryIssuer?: string;
  /** Milliseconds since the epoch. */
  now: number;
  /** The gateway's words: its 401 body (under DEBUG it names the failed check) or its 403 message. */
  gatewayMessage?: string;
  /** x-amzn-errortype of a 403 (AWS_IAM). */
  errorType?: string;
};

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : []);
const scopesOf = (c: Claims) => (typeof c.scope === "string" ? c.scope.split(/\s+/).filter(Boolean) : asList(c.scp));
const when = (seconds: number) => new Date(seconds * 1000).toISOString();

function jwtReasons(input: RefusalInput, decoded: DecodedToken): RefusalReason[] {
  const out: RefusalReason[] = [];
  const c = decoded.claims;
  const cfg: JwtAuthorizer = input.authorizer ?? {};
  const nowS = input.now / 1000;
  if (typeof c.exp === "number" && c.exp <= nowS) out.push({ kind: "expired", message: `The token expired at ${when(c.exp)}. Get a new one.` });
  if (typeof c.nbf === "number" && c.nbf > nowS) out.push({ kind: "not-yet-valid", message: `The token is not valid before ${when(c.nbf)} (nbf): check the clock of the machine that issued it.` });
  if (input.discoveryIssuer !== undefined && c.iss !== input.discoveryIssuer) {
    out.push({
      kind: "issuer-mismatch",
      message: `The token's issuer (iss) is ${typeof c.iss === "string" ? c.iss : "missing"}, but the gateway's discovery document names ${input.discoveryIssuer}: the token comes from another identity provider or user pool.`,
    });
  }
  const clientId = typeof c.client_id === "string" ? c.client_id : undefined;
  const clients = cfg.allowedClients ?? [];
  const audiences = cfg.allowedAudience ?? [];
  const addClient = (id: string) => ({ kind: "add-allowed-client" as const, clientId: id, label: `Add ${id} to the gateway's allowed clients` });
  if (clients.length) {
    if (!clientId) out.push({ kind: "client-not-allowed", message: "The token has no client_id claim, and the gateway accepts only the clients in its allowed clients." });
    else if (!clients.includes(clientId)) {
      out.push({ kind: "client-not-allowed", message: `The token's client_id ${clientId} is not one of the gateway's allowed clients (${clients.join(", ")}).`, fix: addClient(clientId) });
    }
  }
  if (audiences.length) {
    const aud = asList(c.aud);
    if (aud.length === 0 && clients.length === 0 && clientId) {
      out.push({
        kind: "cognito-audience-only",
        message: `The token has no aud claim, and the gateway allows only audiences (${audiences.join(", ")}). Cognito access tokens carry client_id, not aud, so this gateway refuses every one of them: allow the client ${clientId} instead.`,
        fix: { ...addClient(clientId), label: `Allow the client ${clientId} instead of the audiences` },
      });
    } else if (aud.length === 0) {
      out.push({ kind: "audience-not-allowed", message: `The token has no aud claim, and the gateway requires one of the audiences ${audiences.join(", ")}.` });
    } else if (!aud.some((a) => audiences.includes(a))) {
      out.push({ kind: "audience-not-allowed", message: `The token's audience (${aud.join(", ")}) is not one of the gateway's allowed audiences (${audiences.join(", ")}).` });
    }
  }
  const allowedScopes = cfg.allowedScopes ?? [];
  if (allowedScopes.length) {
    const scopes = scopesOf(c);
    if (!scopes.some((s) => allowedScopes.includes(s))) {
      out.push({
        kind: "missing-scope",
        message: `The token's scopes (${scopes.join(" ") || "none"}) include none of the gateway's allowed scopes (${allowedScopes.join(" ")}): request one of them when getting the token.`,
      });
    }
  }
  for (const rule of cfg.customClaims ?? []) {
    const name = rule.inboundTokenClaimName ?? "";
    const op = rule.authorizingClaimMatchValue?.claimMatchOperator;
    // The SDK types this member as a union; reading both sides is what the gateway does.
    const want = (rule.authorizingClaimMatchValue?.claimMatchValue ?? {}) as { matchValueString?: string; matchValueStringList?: string[] };
    const value = c[name];
    const fail = (why: string) => out.push({ kind: "custom-claim", message: `Custom claim rule on ${name}: ${why}` });
    if (value === undefined) fail("the token has no such claim.");
    else if (rule.inboundTokenClaimValueType === "STRING_ARRAY") {
      if (!Array.isArray(value)) fail("the claim is not a list of strings.");
      else if (op === "CONTAINS" && !value.includes(want.matchValueString)) fail(`the claim (${value.join(", ")}) does not contain ${want.matchValueString}.`);
      else if (op === "CONTAINS_ANY" && !(want.matchValueStringList ?? []).some((w) => value.includes(w))) {
        fail(`the claim (${value.join(", ")}) contains none of ${(want.matchValueStringList ?? []).join(", ")}.`);
      }
    } else if (typeof value !== "string") fail("the claim is not a string.");
    else if (op === "EQUALS" && value !== want.matchValueString) fail(`the claim is ${value}, not ${want.matchValueString}.`);
  }
  return out;
}

/** The gateway's own sentence from a JSON-RPC or `{ message }` body, without the generic prefix. */
export function gatewayWords(body: unknown): string {
  if (body && typeof body === "object") {
    const b = body as { error?: { message?: unknown }; message?: unknown; Message?: unknown };
    const m = b.error?.message ?? b.message ?? b.Message;
    if (typeof m === "string") return m;
  }
  return typeof body === "string" ? body : "";
}

/**
 * Every reason the gateway may have had to refuse the call. Several can hold at once (an expired token of a client that
 * is not allowed); when nothing in the token explains it, the gateway's own words under DEBUG are the reason.
 */
export function explainRefusal(input: RefusalInput): Refusal {
  const gatewayMessage = input.gatewayMessage ?? "";
  const refusal: Refusal = { status: input.status, gatewayMessage, reasons: [] };
  if (input.authorizerType === "AWS_IAM") {
    refusal.reasons.push({
      kind: "iam-signature",
      message: `The gateway checks SigV4 signatures (signing name bedrock-agentcore)${input.errorType ? ` and answered ${input.errorType}` : ""}: ${gatewayMessage || "the request was not signed, or not with valid credentials"}. The caller needs bedrock-agentcore:InvokeGateway on this gateway.`,
    });
    return refusal;
  }
  if (!input.token) {
    refusal.reasons.push({ kind: "no-token", message: "No bearer token was sent: this gateway expects Authorization: Bearer <token> from its identity provider." });
    return refusal;
  }
  const decoded = decodeToken(input.token);
  if (!decoded) {
    refusal.reasons.push({ kind: "malformed-token", message: "The token is not a JWT (three base64url parts: header, claims, signature): paste an access token, not a client secret or an opaque token." });
    return refusal;
  }
  refusal.token = decoded;
  refusal.reasons = jwtReasons(input, decoded);
  if (refusal.reasons.length === 0) {
    const debugDetail = /^Unauthorized:\s*(.+)$/s.exec(gatewayMessage)?.[1];
    refusal.reasons.push({
      kind: "unknown",
      message: debugDetail
        ? `The gateway says: ${debugDetail}.`.replace(/\.\.$/, ".")
        : "The token matches the gateway's rules as far as the console can tell (it does not check signatures): the signature or key may not match the issuer's JWKS. Turn on debug errors (exceptionLevel DEBUG) to see the gateway's reason.",
    });
  }
  return refusal;
}

/** `lambda:InvokeFunction` and its resource out of a denial, as the sandbox and AWS word it. */
export function parseAccessDenied(text: string): { action: string; resource: string } | null {
  if (!/AccessDenied|not authorized|not allowed/i.test(text)) return null;
  const m = /(?:to call|to perform:?|perform)\s+([a-z0-9-]+:[A-Za-z0-9*]+)\s+on\s+(?:resource:?\s*)?(arn:[^\s,]+?|\*)[:.,;]?(?=\s|$)/i.exec(text);
  return m ? { action: m[1], resource: m[2] } : null;
}

/** What a failed tool call (isError) tells the user: the target's error under DEBUG, a missing permission, or how to see more. */
export function explainTargetFailure(text: string, ctx: { gatewayId: string; debug: boolean }): TargetFailure {
  const failure: TargetFailure = { message: text || "The tool call failed and the gateway gave no details." };
  const denied = parseAccessDenied(text);
  if (denied) {
    failure.missingPermission = { ...denied, href: `/gateways/${encodeURIComponent(ctx.gatewayId)}/permissions?highlight=${encodeURIComponent(denied.action)}` };
  }
  if (!ctx.debug) failure.debugHint = "The gateway hides the target's error: turn on debug errors (exceptionLevel DEBUG) on the gateway's Edit page to see what went wrong.";
  return failure;
}

/** A Cognito user pool's discovery URL (AWS or sandbox): its access tokens never carry aud. */
export function isCognitoDiscoveryUrl(url: string | undefined): boolean {
  return !!url && /\/[a-z]{2}(?:-gov)?-[a-z]+-\d_[A-Za-z0-9]+\/\.well-known\/openid-configuration$/.test(url);
}
