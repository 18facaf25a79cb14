// Server-only identity lookup: the account the console is acting in, asked once per process and region.
import "server-only";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { sts } from "./clients";
import { toConsoleError } from "./errors";

export type CallerIdentity = { account: string; arn: string };

// The account behind a process's credentials does not change while it runs; concurrent callers share one request.
const cache = new Map<string, Promise<CallerIdentity>>();

export function getCallerIdentity(region: string): Promise<CallerIdentity> {
  const hit = cache.get(region);
  if (hit) return hit;
  const p = sts(region)
    .send(new GetCallerIdentityCommand({}))
    .then((out) => ({ account: out.Account ?? "", arn: out.Arn ?? "" }))
    .catch((err: unknown) => {
      cache.delete(region);
      throw toConsoleError(err, "identify the AWS account");
    });
  cache.set(region, p);
  return p;
}
