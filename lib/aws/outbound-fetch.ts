// Server-only HTTP client for URLs that come from users (discovery documents, JWKS, token endpoints): it cannot be used as a port scanner.
import "server-only";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { ADDRESS_CLASS_WORDS, classifyAddress } from "@/lib/net/ip-address";
import { getBackend } from "./config";

export const OUTBOUND_TIMEOUT_MS = 5000;
export const OUTBOUND_MAX_BYTES = 256 * 1024;
export const OUTBOUND_MAX_REDIRECTS = 3;
const LOOPBACK_NAMES = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** A URL the console will not fetch; `message` is a sentence for the user. */
export class RefusedUrlError extends Error {
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = "RefusedUrlError";
  }
}

/** The answer grew past the cap (it is not read further). */
export class TooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`answered with more than ${Math.round(limit / 1024)} KiB`);
    this.name = "TooLargeError";
  }
}

export type OutboundResponse = { url: string; status: number; statusText: string; headers: Headers; text: string };

export type OutboundRequest = {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
  maxBytes?: number;
  /** 0 for requests that carry credentials: a redirect would hand them to another host. */
  maxRedirects?: number;
};

/** Hosts the operator lets the console fetch from in sandbox mode: `host` (any port) or `host:port`, comma-separated. */
export function allowedHosts(): string[] {
  return (process.env.CONSOLE_OIDC_ALLOWED_HOSTS ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

/** Where the sandbox serves its OIDC side (the same endpoints the SDK clients are pointed at). */
function sandboxOrigins(): URL[] {
  const env = process.env;
  return [env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, env.AWS_ENDPOINT_URL, env.AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL]
    .map((v) => {
      try {
        return v ? new URL(v) : null;
      } catch {
        return null;
      }
    })
    .filter((u): u is URL => u !== null);
}

const portOf = (u: URL) => u.port || (u.protocol === "https:" ? "443" : "80");

function isSandboxOrigin(u: URL): boolean {
  return sandboxOrigins().some(
    (s) => s.protocol === u.protocol && portOf(s) === portOf(u) && (s.hostname === u.hostname || (LOOPBACK_NAMES.has(s.hostname) && LOOPBACK_NAMES.has(u.hostname))),
  );
}

function isOperatorAllowed(u: URL): boolean {
  const host = u.hostname.toLowerCase();
  return allowedHosts().some((h) => h === host || h === `${host}:${portOf(u)}`);
}

/**
 * The rules before any connection. Sandbox mode: the sandbox's own origin and the operator's allowed hosts only.
 * AWS mode: https only; the address is checked after resolution (see `resolve`). Returns whether the address
 * must be public.
 */
function checkUrl(u: URL): { mustBePublic: boolean } {
  if (u.protocol !== "https:" && u.protocol !== "http:") throw new RefusedUrlError(`${u.href} is not an http(s) URL.`, u.href);
  if (u.username || u.password) throw new RefusedUrlError(`${u.href} carries a user name or password; the console does not send credentials in URLs.`, u.href);
  if (getBackend() === "sandbox") {
    if (isSandboxOrigin(u) || isOperatorAllowed(u)) return { mustBePublic: false };
    throw new RefusedUrlError(
      `In sandbox mode the console fetches only from the sandbox (${sandboxOrigins()[0]?.origin ?? "not configured"}) and the hosts listed in CONSOLE_OIDC_ALLOWED_HOSTS; ${u.host} is neither.`,
      u.href,
    );
  }
  if (u.protocol !== "https:") throw new RefusedUrlError(`Use an https:// URL: the console does not fetch plain http (${u.href}).`, u.href);
  return { mustBePublic: true };
}

function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Resolves the host once and checks every address it has; the connection then goes to the checked address. */
async function resolve(u: URL, mustBePublic: boolean, signal: AbortSignal): Promise<{ address: string; family: number }> {
  const host = u.hostname.replace(/^\[|\]$/g, "");
  const found = isIP(host) ? [{ address: host, family: isIP(host) }] : await abortable(dns.promises.lookup(host, { all: true, verbatim: true }), signal);
  if (found.length === 0) throw Object.assign(new Error(`${host} has no address`), { code: "ENOTFOUND" });
  if (mustBePublic) {
    for (const a of found) {
      const cls = classifyAddress(a.address);
      if (cls !== "public") {
        const words = ADDRESS_CLASS_WORDS[cls];
        throw new RefusedUrlError(
          `${u.host} ${isIP(host) ? "is" : `resolves to ${a.address},`} ${words}: the console only fetches from public internet addresses.`,
          u.href,
        );
      }
    }
  }
  return found[0];
}

function once(u: URL, pinned: { address: string; family: number }, req: OutboundRequest, signal: AbortSignal, maxBytes: number): Promise<OutboundResponse> {
  // The socket connects to the address that was checked: no second DNS answer can swap it.
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = u.protocol === "https:" ? https : http;
  return new Promise<OutboundResponse>((resolvePromise, reject) => {
    const r = client.request(
      u,
      {
        method: req.method ?? "GET",
        headers: { ...req.headers, ...(req.body !== undefined ? { "content-length": String(Buffer.byteLength(req.body)) } : {}) },
        lookup,
        signal,
        agent: false,
      },
      (res) => {
        const declared = Number(res.headers["content-length"]);
        if (Number.isFinite(declared) && declared > maxBytes) {
          res.destroy();
          return reject(new TooLargeError(maxBytes));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) {
            res.destroy();
            reject(new TooLargeError(maxBytes));
          } else chunks.push(c);
        });
        res.on("error", reject);
        res.on("end", () => {
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
          resolvePromise({ url: u.href, status: res.statusCode ?? 0, statusText: res.statusMessage ?? "", headers, text: Buffer.concat(chunks).toString("utf8") });
        });
      },
    );
    r.on("error", reject);
    r.end(req.body);
  });
}

/**
 * Fetches a user-supplied URL under the console's outbound rules, following at most 3 redirects (each hop checked),
 * within one overall timeout and reading at most `maxBytes`. Throws RefusedUrlError, TooLargeError, a TimeoutError
 * or the network error (with its `code`).
 */
export async function outboundFetch(url: string, req: OutboundRequest = {}): Promise<OutboundResponse> {
  const timeoutMs = req.timeoutMs ?? OUTBOUND_TIMEOUT_MS;
  const maxBytes = req.maxBytes ?? OUTBOUND_MAX_BYTES;
  const maxRedirects = req.maxRedirects ?? OUTBOUND_MAX_REDIRECTS;
  const signal = AbortSignal.timeout(timeoutMs);
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw new RefusedUrlError(`${url} is not a URL.`, url);
  }
  let request = req;
  for (let hop = 0; ; hop++) {
    let pinned: { address: string; family: number };
    try {
      pinned = await resolve(current, checkUrl(current).mustBePublic, signal);
    } catch (err) {
      if (hop > 0 && err instanceof RefusedUrlError) throw new RefusedUrlError(`${url} redirects to ${current.href}, which is refused: ${err.message}`, url);
      throw err;
    }
    const res = await once(current, pinned, request, signal, maxBytes);
    const location = res.headers.get("location");
    if (![301, 302, 303, 307, 308].includes(res.status) || !location) return res;
    if (maxRedirects === 0) return res;
    if (hop >= maxRedirects) throw new RefusedUrlError(`${url} redirects more than ${maxRedirects} times.`, url);
    try {
      current = new URL(location, current);
    } catch {
      throw new RefusedUrlError(`${current.href} redirects to ${location}, which is not a URL.`, url);
    }
    // As fetch does: 303 (and 301/302 after a POST) continue as a GET without the body.
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && request.method === "POST")) request = { ...request, method: "GET", body: undefined };
  }
}
