// Server-only gateway operations on AgentCore Control; returns plain, serializable data.
import "server-only";
import {
  CreateGatewayCommand,
  DeleteGatewayCommand,
  GetGatewayCommand,
  ListGatewaysCommand,
  UpdateGatewayCommand,
  type CreateGatewayRequest,
  type GatewaySummary as SdkGatewaySummary,
  type GetGatewayResponse,
  type UpdateGatewayRequest,
} from "@aws-sdk/client-bedrock-agentcore-control";
import { agentCoreControl } from "./clients";
import { nullIfNotFound, toConsoleError } from "./errors";
import type { Gateway, GatewayStatus, GatewaySummary } from "@/lib/models/gateways";

export type { Gateway, GatewayStatus, GatewaySummary };

export const TRANSITIONAL_STATUSES: readonly GatewayStatus[] = ["CREATING", "UPDATING", "DELETING"];

const iso = (d: Date | undefined) => (d ? d.toISOString() : "");

function summary(g: SdkGatewaySummary): GatewaySummary {
  return {
    gatewayId: g.gatewayId ?? "",
    name: g.name ?? "",
    status: (g.status ?? "READY") as GatewayStatus,
    description: g.description,
    authorizerType: g.authorizerType ?? "",
    protocolType: g.protocolType ?? "MCP",
    createdAt: iso(g.createdAt),
    updatedAt: iso(g.updatedAt),
  };
}

function gateway(g: Omit<GetGatewayResponse, "$metadata">): Gateway {
  return {
    gatewayId: g.gatewayId ?? "",
    gatewayArn: g.gatewayArn ?? "",
    gatewayUrl: g.gatewayUrl,
    name: g.name ?? "",
    description: g.description,
    status: (g.status ?? "READY") as GatewayStatus,
    statusReasons: g.statusReasons,
    roleArn: g.roleArn,
    protocolType: g.protocolType,
    protocolConfiguration: g.protocolConfiguration,
    authorizerType: g.authorizerType ?? "",
    authorizerConfiguration: g.authorizerConfiguration,
    kmsKeyArn: g.kmsKeyArn,
    exceptionLevel: g.exceptionLevel,
    workloadIdentityDetails: g.workloadIdentityDetails,
    interceptorConfigurations: g.interceptorConfigurations,
    policyEngineConfiguration: g.policyEngineConfiguration,
    customTransformConfiguration: g.customTransformConfiguration,
    // Kept so an edit (a full PUT) re-sends the WAF settings instead of wiping them.
    wafConfiguration: g.wafConfiguration,
    webAclArn: g.webAclArn,
    createdAt: iso(g.createdAt),
    updatedAt: iso(g.updatedAt),
  };
}

export type ListGatewaysResult = { items: GatewaySummary[]; nextToken?: string; scanned: number };

/** A filtered scan's cursor: the AWS page token and how many items of that page were already read. */
type ScanCursor = { t?: string; s: number };
const SCAN_PREFIX = "scan.";
const encodeScan = (c: ScanCursor) => SCAN_PREFIX + Buffer.from(JSON.stringify(c)).toString("base64url");
function decodeScan(token: string | undefined): ScanCursor {
  if (!token?.startsWith(SCAN_PREFIX)) return { s: 0 };
  try {
    const c = JSON.parse(Buffer.from(token.slice(SCAN_PREFIX.length), "base64url").toString("utf8")) as ScanCursor;
    return { t: typeof c.t === "string" ? c.t : undefined, s: Number.isInteger(c.s) && c.s > 0 ? c.s : 0 };
  } catch {
    return { s: 0 };
  }
}

/**
 * One page of gateways. ListGateways has no name filter, so with one the pages are scanned until
 * `pageSize` matches are found (or `scanLimit` gateways read); the cursor records where the scan
 * stopped inside an AWS page, so no gateway is skipped or shown twice.
 */
export async function listGateways(
  region: string,
  opts: { pageSize: number; nextToken?: string; nameFilter?: string; scanLimit?: number },
): Promise<ListGatewaysResult> {
  const client = agentCoreControl(region);
  const filter = opts.nameFilter?.trim().toLowerCase();
  try {
    if (!filter) {
      const out = await client.send(new ListGatewaysCommand({ maxResults: opts.pageSize, nextToken: opts.nextToken?.startsWith(SCAN_PREFIX) ? undefined : opts.nextToken }));
      return { items: (out.items ?? []).map(summary), nextToken: out.nextToken, scanned: out.items?.length ?? 0 };
    }
    const scanLimit = opts.scanLimit ?? 5000;
    const items: GatewaySummary[] = [];
    let cursor = decodeScan(opts.nextToken);
    let scanned = 0;
    for (;;) {
      const out = await client.send(new ListGatewaysCommand({ maxResults: 100, nextToken: cursor.t }));
      const page = out.items ?? [];
      for (let i = cursor.s; i < page.length; i++) {
        scanned++;
        if (!(page[i].name ?? "").toLowerCase().includes(filter)) continue;
        items.push(summary(page[i]));
        if (items.length === opts.pageSize) {
          const rest: ScanCursor | null = i + 1 < page.length ? { t: cursor.t, s: i + 1 } : out.nextToken ? { t: out.nextToken, s: 0 } : null;
          return { items, nextToken: rest ? encodeScan(rest) : undefined, scanned };
        }
      }
      if (!out.nextToken) return { items, scanned };
      cursor = { t: out.nextToken, s: 0 };
      if (scanned >= scanLimit) return { items, nextToken: encodeScan(cursor), scanned };
    }
  } catch (err) {
    throw toConsoleError(err, "list gateways");
  }
}

/** The gateway, or null when it does not exist. */
export async function getGateway(region: string, gatewayId: string): Promise<Gateway | null> {
  return nullIfNotFound("load the gateway", async () => gateway(await agentCoreControl(region).send(new GetGatewayCommand({ gatewayIdentifier: gatewayId }))));
}

export type GatewayFields = Omit<CreateGatewayRequest, "clientToken">;

export async function createGateway(region: string, fields: GatewayFields, clientToken: string): Promise<Gateway> {
  try {
    const out = await agentCoreControl(region).send(new CreateGatewayCommand({ ...fields, clientToken }));
    return gateway(out);
  } catch (err) {
    throw toConsoleError(err, "create the gateway");
  }
}

/** A full PUT: every field of the gateway is replaced by `fields`. */
export async function updateGateway(region: string, gatewayId: string, fields: Omit<UpdateGatewayRequest, "gatewayIdentifier">): Promise<Gateway> {
  try {
    const out = await agentCoreControl(region).send(new UpdateGatewayCommand({ ...fields, gatewayIdentifier: gatewayId }));
    return gateway(out);
  } catch (err) {
    throw toConsoleError(err, "update the gateway");
  }
}

export async function deleteGateway(region: string, gatewayId: string): Promise<{ status: GatewayStatus }> {
  try {
    const out = await agentCoreControl(region).send(new DeleteGatewayCommand({ gatewayIdentifier: gatewayId }));
    return { status: (out.status ?? "DELETING") as GatewayStatus };
  } catch (err) {
    throw toConsoleError(err, "delete the gateway");
  }
}
