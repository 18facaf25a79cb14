// Server-only: which gateways of the account and region use a given execution role (ListGateways has no role, so each is read).
import "server-only";
import { ListGatewaysCommand } from "@aws-sdk/client-bedrock-agentcore-control";
import { agentCoreControl } from "./clients";
import { toConsoleError } from "./errors";
import { getGateway } from "./gateways";
import { allPages, mapLimit } from "./paging";
import type { RoleGateway } from "@/lib/models/role-gateways";

export type { RoleGateway };

// Role names are unique per account regardless of case, and the path does not change which role it is.
function roleKey(roleArn: string | undefined): string | null {
  const m = roleArn?.match(/^arn:[^:]+:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/);
  return m ? `${m[1]}:${m[2].toLowerCase()}` : null;
}

export function sameRole(a: string | undefined, b: string | undefined): boolean {
  const ka = roleKey(a);
  return ka !== null && ka === roleKey(b);
}

/** Every gateway whose execution role is `roleArn` (all ListGateways pages, then GetGateway with at most 8 in flight). */
export async function gatewaysUsingRole(region: string, roleArn: string, opts: { maxGateways?: number } = {}): Promise<RoleGateway[]> {
  if (roleKey(roleArn) === null) return [];
  const client = agentCoreControl(region);
  let ids: string[];
  try {
    ids = await allPages(
      async (nextToken) => {
        const out = await client.send(new ListGatewaysCommand({ maxResults: 100, nextToken }));
        return { items: (out.items ?? []).map((g) => g.gatewayId ?? "").filter(Boolean), nextToken: out.nextToken };
      },
      { maxItems: opts.maxGateways ?? 2000 },
    );
  } catch (err) {
    throw toConsoleError(err, "list gateways");
  }
  const gateways = await mapLimit(ids, 8, (id) => getGateway(region, id));
  return gateways
    .filter((g) => g !== null && sameRole(g.roleArn, roleArn))
    .map((g) => ({ gatewayId: g!.gatewayId, name: g!.name, status: g!.status, roleArn: g!.roleArn ?? "" }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
