// Checks every request passes before routing: nothing from a web page (non-loopback Origin, foreign Host) may reach
// the sandbox, control writes must be JSON, AWS API calls must carry a SigV4 signature scoped to a valid region.
import type { SandboxRequest } from "./types";

/** AWS region names: us-east-1, eu-central-2, us-gov-west-1, us-isob-east-1… */
export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

const LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** An Origin header of a page served from this machine's loopback (http/https on 127.0.0.0/8, localhost, [::1]). */
export function isLoopbackOrigin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file://) and garbage
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  return url.hostname === "localhost" || url.hostname === "[::1]" || LOOPBACK_V4.test(url.hostname);
}

/** The Host header values that name this sandbox: loopback names and the listen host, with the port it listens on. */
export function ownHosts(listenHost: string, port: number): Set<string> {
  const names = new Set(["127.0.0.1", "localhost", "[::1]", listenHost.includes(":") && !listenHost.startsWith("[") ? `[${listenHost}]` : listenHost]);
  const hosts = new Set<string>();
  for (const n of names) {
    hosts.add(`${n.toLowerCase()}:${port}`);
    if (port === 80) hosts.add(n.toLowerCase());
  }
  return hosts;
}

export type Refusal = { kind: "origin" | "host"; message: string };

/** Why a request must not be served at all (a web page, or DNS rebinding), or undefined. */
export function browserRefusal(req: SandboxRequest, hosts?: Set<string>): Refusal | undefined {
  const origin = req.headers.origin;
  if (origin !== undefined && !isLoopbackOrigin(origin)) {
    return { kind: "origin", message: `The sandbox refuses requests from web pages: Origin ${JSON.stringify(origin)} is not a loopback origin.` };
  }
  if (hosts && !hosts.has((req.headers.host ?? "").toLowerCase())) {
    return { kind: "host", message: `The sandbox refuses requests for another host: Host ${JSON.stringify(req.headers.host ?? "")} is not this sandbox's address.` };
  }
  return undefined;
}

/** The media type of a request, lower-cased, without parameters. */
export function mediaType(req: SandboxRequest): string {
  return (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
}

/** Whether the request carries a SigV4 signature (header or presigned query); it is not verified. */
export function isSigned(req: SandboxRequest): boolean {
  return /^AWS4-HMAC-SHA256\s/.test(req.headers.authorization ?? "") || req.query.has("X-Amz-Credential");
}
