// The access decision for one request: host allowlist, Origin, then the session (or the token exchange that starts one).
import type { Env } from "./hosts";
import { allowedHosts, originHost } from "./hosts";
import { authMode, configuredToken, tokenMatches, verifySessionValue } from "./token";

export type RequestFacts = {
  method: string;
  pathname: string;
  host: string | null;
  origin: string | null;
  sessionCookie: string | undefined;
  /** The `?token=` of a GET, if any. */
  queryToken?: string | null;
};

export type Decision =
  | { kind: "allow"; sessionId: string | null }
  /** A valid `?token=`: start a session and redirect to the same URL without the token. */
  | { kind: "exchange" }
  | { kind: "refuse"; status: 400 | 401 | 403 | 421 | 503; message: string; signIn?: boolean; badToken?: boolean };

/** Paths the proxy answers itself (sign-in form posts here). */
export const SIGN_IN_PATH = "/_auth/sign-in";
export const SIGN_OUT_PATH = "/_auth/sign-out";

function listHosts(hosts: Set<string>): string {
  return [...hosts].join(", ");
}

/** Host and Origin checks alone (also what a route or action re-checks). */
export function checkHostAndOrigin(facts: Pick<RequestFacts, "host" | "origin">, env: Env = process.env): Decision | null {
  const hosts = allowedHosts(env);
  const host = (facts.host ?? "").toLowerCase();
  if (!hosts.has(host)) {
    return {
      kind: "refuse",
      status: 421,
      message: `This console answers only to ${listHosts(hosts)}; this request was for "${facts.host ?? ""}". Add a host with CONSOLE_ALLOWED_HOSTS if you really serve it under another name.`,
    };
  }
  if (facts.origin !== null && facts.origin !== undefined) {
    const o = originHost(facts.origin);
    if (!o || !hosts.has(o)) {
      return { kind: "refuse", status: 403, message: `Cross-origin request refused: the origin "${facts.origin}" is not one of this console's addresses.` };
    }
  }
  return null;
}

export function decide(facts: RequestFacts, env: Env = process.env): Decision {
  const hostProblem = checkHostAndOrigin(facts, env);
  if (hostProblem) return hostProblem;
  if (authMode(env) === "off") return { kind: "allow", sessionId: null };
  const token = configuredToken(env);
  if (!token) {
    return { kind: "refuse", status: 503, message: "The console has no access token configured: start it with `npm start`, or set CONSOLE_TOKEN." };
  }
  const sessionId = verifySessionValue(facts.sessionCookie, token);
  if (facts.method === "GET" && facts.queryToken) {
    if (tokenMatches(facts.queryToken, token)) return { kind: "exchange" };
    return { kind: "refuse", status: 401, message: "That access token is not valid for this console.", signIn: true, badToken: true };
  }
  if (sessionId) return { kind: "allow", sessionId };
  return {
    kind: "refuse",
    status: 401,
    message: "Sign in first: open the address `npm start` printed (it carries the access token), or enter the token.",
    signIn: facts.method === "GET" || facts.method === "HEAD",
  };
}
