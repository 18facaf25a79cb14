// Server-only Cognito user pool domains: their status, and waiting (with backoff) for one to become ACTIVE.
import "server-only";
import { DescribeUserPoolDomainCommand, type CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { cognito } from "../clients";
import { ConsoleError, toConsoleError } from "../errors";

/** Exponential backoff with jitter, never past the deadline. */
export function backoff(attempt: number, initialMs: number, maxMs: number, deadline: number): Promise<void> {
  const base = Math.min(maxMs, initialMs * 2 ** attempt);
  const ms = Math.max(0, Math.min(base * (0.8 + Math.random() * 0.4), deadline - Date.now()));
  return new Promise((r) => setTimeout(r, ms));
}

/** The domain's status (CREATING, ACTIVE, FAILED…), or undefined when Cognito describes nothing. */
export async function domainStatus(client: CognitoIdentityProviderClient, domain: string): Promise<string | undefined> {
  const out = await client.send(new DescribeUserPoolDomainCommand({ Domain: domain }));
  return out.DomainDescription?.Status;
}

export type DomainWait = { status: string; active: boolean; attempts: number; waitedMs: number };

/**
 * Polls DescribeUserPoolDomain with exponential backoff until the domain is ACTIVE or `timeoutMs` passes
 * (then `active` is false). FAILED, or a domain that does not exist, throws.
 */
export async function waitForDomainActive(
  region: string,
  domain: string,
  opts: { timeoutMs?: number; initialDelayMs?: number; maxDelayMs?: number; onStatus?: (status: string) => void } = {},
): Promise<DomainWait> {
  const started = Date.now();
  const deadline = started + (opts.timeoutMs ?? 300_000);
  let missing = 0;
  for (let attempt = 0; ; attempt++) {
    let status: string | undefined;
    try {
      status = await domainStatus(cognito(region), domain);
    } catch (err) {
      throw toConsoleError(err, "check the domain's status");
    }
    if (status) opts.onStatus?.(status);
    if (status === "ACTIVE") return { status, active: true, attempts: attempt + 1, waitedMs: Date.now() - started };
    if (status === "FAILED") throw new ConsoleError("server", `The domain ${domain} failed to deploy (status FAILED). Delete it and try another prefix.`, "DomainFailed");
    // Right after CreateUserPoolDomain the description can lag; a domain missing several times in a row is gone.
    missing = status ? 0 : missing + 1;
    if (missing >= 4) throw new ConsoleError("not-found", `The domain ${domain} does not exist (DescribeUserPoolDomain returns nothing).`, "DomainNotFound");
    if (Date.now() >= deadline) return { status: status ?? "UNKNOWN", active: false, attempts: attempt + 1, waitedMs: Date.now() - started };
    await backoff(attempt, opts.initialDelayMs ?? 200, opts.maxDelayMs ?? 5000, deadline);
  }
}
