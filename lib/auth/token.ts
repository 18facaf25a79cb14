// The console's access token and signed session cookies (HMAC-SHA256, no server-side state).
import type { Env } from "./hosts";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SESSION_COOKIE = "agc-session";
/** How long a sign-in lasts. */
export const SESSION_TTL_SECONDS = 12 * 60 * 60;
/** The shortest token accepted from CONSOLE_TOKEN. */
export const MIN_TOKEN_LENGTH = 32;

export type AuthMode = "token" | "off";

export function authMode(env: Env = process.env): AuthMode {
  return env.CONSOLE_AUTH === "off" ? "off" : "token";
}

export function newToken(): string {
  return randomBytes(24).toString("base64url");
}

/** The configured token (set by `npm start` per start, or fixed by the operator), or undefined when none is. */
export function configuredToken(env: Env = process.env): string | undefined {
  return env.CONSOLE_TOKEN || undefined;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function tokenMatches(candidate: string, token: string | undefined): boolean {
  return !!token && typeof candidate === "string" && candidate.length <= 1024 && safeEqual(candidate, token);
}

/** Sessions are signed with a key derived from the token: a new token (a new start) signs everyone out. */
function sign(payload: string, token: string): string {
  const key = createHmac("sha256", token).update("agc-session-key-v1").digest();
  return createHmac("sha256", key).update(payload).digest("base64url");
}

/** A new session cookie value: `id.expiry.signature`. */
export function newSessionValue(token: string, now = Date.now()): { value: string; id: string } {
  const id = randomBytes(12).toString("hex");
  const payload = `${id}.${Math.floor(now / 1000) + SESSION_TTL_SECONDS}`;
  return { value: `${payload}.${sign(payload, token)}`, id };
}

/** The session id of a valid, unexpired cookie value, else null. */
export function verifySessionValue(value: string | undefined, token: string | undefined, now = Date.now()): string | null {
  if (!value || !token || value.length > 200) return null;
  const m = /^([0-9a-f]{24})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!m) return null;
  const [, id, exp, sig] = m;
  if (!safeEqual(sig, sign(`${id}.${exp}`, token))) return null;
  return Number(exp) * 1000 > now ? id : null;
}
