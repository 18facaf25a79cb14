// Server-only scans of what uses what: the gateways whose role, Cognito pool or targets' credential providers are a given resource.
import "server-only";
import { ListGatewaysCommand } from "@aws-sdk/client-bedrock-agentcore-control";
import { poolIdOfDiscoveryUrl } from "@/formats/cognito-urls";
import type { GatewayRef, UsedBy } from "@/lib/models/relationships";
import { agentCoreControl } from "./clients";
import { toConsoleError } from "./errors";
import { getGateway } from "./gateways";
import { allPages, mapLimit } from "./paging";
import { getTarget, listTargets } from "./targets";

export type { GatewayRef, UsedBy };

/** Enough for the accounts the console serves; a scan that stops here says so (complete: false). */
export const MAX_SCANNED_GATEWAYS = 1000;
// Calls in flight per scan: parallel enough to be quick, bounded so one page cannot trip AWS's throttling.
const PARALLEL = 8;

export type ScannedGateway = GatewayRef & { roleArn?: string; poolId?: string; discoveryUrl?: string; providerArns?: string[] };
export type GatewayScan = { gateways: ScannedGateway[]; complete: boolean };

/** IAM role names are unique case-insensitively, and gateways may carry a role ARN with any path. */
export function roleNameOfArn(arn: string | undefined): string | undefined {
  const m = /^arn:[^:]+:iam::\d{12}:role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(arn ?? "");
  return m?.[1];
}

/**
 * Every gateway of the region with its role and Cognito pool (GetGateway each, as ListGateways returns neither), and
 * with `targets` the credential providers its targets use. Bounded: at most MAX_SCANNED_GATEWAYS gateways.
 */
export async function scanGateways(region: string, opts: { targets?: boolean; maxGateways?: number } = {}): Promise<GatewayScan> {
  const max = opts.maxGateways ?? MAX_SCANNED_GATEWAYS;
  const client = agentCoreControl(region);
  let listed;
  try {
    listed = await allPages(
      async (nextToken) => {
        const out = await client.send(new ListGatewaysCommand({ maxResults: 100, nextToken }));
        return { items: out.items ?? [], nextToken: out.nextToken };
      },
      { maxItems: max + 1 },
    );
  } catch (err) {
    throw toConsoleError(err, "list gateways");
  }
  let complete = listed.length <= max;
  const gateways = await mapLimit(listed.slice(0, max), PARALLEL, async (s): Promise<ScannedGateway | null> => {
    const ref: ScannedGateway = { gatewayId: s.gatewayId ?? "", name: s.name ?? "", status: s.status ?? "READY" };
    try {
      const g = await getGateway(region, ref.gatewayId);
      if (!g) return null; // deleted while we looked
      const discoveryUrl = g.authorizerConfiguration?.customJWTAuthorizer?.discoveryUrl;
      Object.assign(ref, { roleArn: g.roleArn, discoveryUrl, poolId: poolIdOfDiscoveryUrl(discoveryUrl) });
      if (opts.targets) ref.providerArns = await providersOfTargets(region, ref.gatewayId);
      return ref;
    } catch {
      complete = false;
      return ref;
    }
  });
  return { gateways: gateways.filter((g): g is ScannedGateway => g !== null), complete };
}

async function providersOfTargets(region: string, gatewayId: string): Promise<string[]> {
  const summaries = await listTargets(region, gatewayId);
  const targets = await mapLimit(summaries, PARALLEL, (t) => getTarget(region, gatewayId, t.targetId));
  const arns = new Set<string>();
  for (const t of targets) {
    for (const c of t?.credentialProviderConfigurations ?? []) {
      const p = c.credentialProvider;
      const arn = p?.apiKeyCredentialProvider?.providerArn ?? p?.oauthCredentialProvider?.providerArn;
      if (arn) arns.add(arn);
    }
  }
  return [...arns];
}

const ref = ({ gatewayId, name, status }: ScannedGateway): GatewayRef => ({ gatewayId, name, status });

export function usingRole(scan: GatewayScan, roleName: string): UsedBy {
  const want = roleName.toLowerCase();
  return { gateways: scan.gateways.filter((g) => roleNameOfArn(g.roleArn)?.toLowerCase() === want).map(ref), complete: scan.complete };
}

export function usingPool(scan: GatewayScan, poolId: string): UsedBy {
  return { gateways: scan.gateways.filter((g) => g.poolId === poolId).map(ref), complete: scan.complete };
}

/** Credential provider ARN → the gateways with a target using it. */
export function usingProviders(scan: GatewayScan): Record<string, GatewayRef[]> {
  const out: Record<string, GatewayRef[]> = Object.create(null);
  for (const g of scan.gateways) for (const arn of g.providerArns ?? []) (out[arn] ??= []).push(ref(g));
  return out;
}

export async function gatewaysUsingRole(region: string, roleName: string): Promise<UsedBy> {
  return usingRole(await scanGateways(region), roleName);
}

export async function gatewaysUsingPool(region: string, poolId: string): Promise<UsedBy> {
  return usingPool(await scanGateways(region), poolId);
}

export async function gatewaysUsingProviders(region: string): Promise<{ byArn: Record<string, GatewayRef[]>; complete: boolean }> {
  const scan = await scanGateways(region, { targets: true });
  return { byArn: usingProviders(scan), complete: scan.complete };
}
