// Server-only deletion of Cognito user pools (domain first, as Cognito requires) and app clients, each step reported.
import "server-only";
import { DeleteUserPoolClientCommand, DeleteUserPoolCommand, DeleteUserPoolDomainCommand, DescribeUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import type { DeletionOutcome } from "@/lib/models/relationships";
import { cognito } from "../clients";
import { toConsoleError } from "../errors";
import { backoff } from "./domains";

const failed = (resource: string, err: unknown, what: string): DeletionOutcome => {
  const e = toConsoleError(err, what);
  return e.kind === "not-found" ? { resource, outcome: "already-gone" } : { resource, outcome: "failed", errorName: e.awsName, message: e.message };
};

/**
 * Deletes the pool's domain, waits until the pool no longer shows it (AWS keeps it for a moment), then deletes the
 * pool, which takes its app clients and resource servers with it. Stops at the first failure and reports it.
 */
export async function deleteUserPoolWithDomain(region: string, poolId: string, opts: { timeoutMs?: number } = {}): Promise<DeletionOutcome[]> {
  const client = cognito(region);
  const out: DeletionOutcome[] = [];
  const poolLabel = `user pool ${poolId}`;
  let pool;
  try {
    pool = (await client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool;
  } catch (err) {
    return [failed(poolLabel, err, `read the user pool ${poolId}`)];
  }
  const domain = pool?.CustomDomain ?? pool?.Domain;
  if (domain) {
    const label = `domain ${domain}`;
    try {
      await client.send(new DeleteUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain }));
      out.push({ resource: label, outcome: "deleted" });
    } catch (err) {
      const r = failed(label, err, `delete the domain ${domain}`);
      out.push(r);
      if (r.outcome === "failed") return [...out, { resource: poolLabel, outcome: "failed", errorName: "DomainNotDeleted", message: "The pool was kept: its domain could not be deleted." }];
    }
    const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
    for (let i = 0; ; i++) {
      const p = (await client.send(new DescribeUserPoolCommand({ UserPoolId: poolId })).catch(() => null))?.UserPool;
      if (!p?.Domain && !p?.CustomDomain) break;
      if (Date.now() >= deadline) return [...out, { resource: poolLabel, outcome: "failed", errorName: "DomainStillDeleting", message: `The domain ${domain} is still being deleted: delete the pool again in a minute.` }];
      await backoff(i, 200, 3000, deadline);
    }
  }
  try {
    await client.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
    out.push({ resource: poolLabel, outcome: "deleted" });
  } catch (err) {
    out.push(failed(poolLabel, err, `delete the user pool ${poolId}`));
  }
  return out;
}

export async function deleteAppClient(region: string, poolId: string, clientId: string): Promise<DeletionOutcome> {
  const resource = `app client ${clientId}`;
  try {
    await cognito(region).send(new DeleteUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }));
    return { resource, outcome: "deleted" };
  } catch (err) {
    return failed(resource, err, `delete the app client ${clientId}`);
  }
}
