// Server-only identity lookup: the account the console is acting in.
import "server-only";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { sts } from "./clients";
import { toConsoleError } from "./errors";

export type CallerIdentity = { account: string; arn: string };

const cache = new Map<string, { at: number; value: CallerIdentity }>();
const TTL_MS = 5 * 60_000;

export async function getCallerIdentity(region: string): Promise<CallerIdentity> {
  const hit = cache.get(region);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  try {
    const out = await sts(region).send(new GetCallerIdentityCommand({}));
    const value = { account: out.Account ?? "", arn: out.Arn ?? "" };
    cache.set(region, { at: Date.now(), value });
    return value;
  } catch (err) {
    throw toConsoleError(err, "identify the AWS account");
  }
}
