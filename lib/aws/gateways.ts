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
import { toConsoleError } from "./errors";

export type GatewayStatus = "CREATING" | "UPDATING" | "UPDATE_UNSUCCESSFUL" | "DELETING" | "READY" | "FAILED";

export type GatewaySummary = {
  gatewayId: string;
  name: string;
  status: GatewayStatus;
  description?: string;
  authorizerType: string;
  protocolType: string;
  createdAt: string;
  updatedAt: string;
};

export type Gateway = Omit<GetGatewayResponse, "$metadata" | "createdAt" | "updatedAt" | "status" | "authorizerType"> & {
  gatewayId: string;
  gatewayArn: string;
  name: string;
  status: GatewayStatus;
  authorizerType: string;
  createdAt: string;
  updatedAt: string;
};

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
    createdAt: iso(g.createdAt),
    updatedAt: iso(g.updatedAt),
  };
}

export type ListGatewaysResult = { items: GatewaySummary[]; nextToken?: string; scanned: number };

/**
 * One page of gateways. With a name filter, ListGateways (which has none) is read page by page
 * until `pageSize` matches are found or `scanLimit` gateways were read; the cursor returned is the
 * page boundary where the scan stopped, so no gateway is skipped.
 */
export async function listGateways(
  region: string,
  opts: { pageSize: number; nextToken?: string; nameFilter?: string; scanLimit?: number },
): Promise<ListGatewaysResult> {
  const client = agentCoreControl(region);
  const filter = opts.nameFilter?.trim().toLowerCase();
  try {
    if (!filter) {
      const out = await client.send(new ListGatewaysCommand({ maxResults: opts.pageSize, nextToken: opts.nextToken }));
      return { items: (out.items ?? []).map(summary), nextToken: out.nextToken, scanned: out.items?.length ?? 0 };
    }
    const scanLimit = opts.scanLimit ?? 5000;
    const items: GatewaySummary[] = [];
    let token = opts.nextToken;
    let scanned = 0;
    do {
      const out = await client.send(new ListGatewaysCommand({ maxResults: Math.max(opts.pageSize, 100), nextToken: token }));
      scanned += out.items?.length ?? 0;
      for (const g of out.items ?? []) if ((g.name ?? "").toLowerCase().includes(filter)) items.push(summary(g));
      token = out.nextToken;
    } while (token && items.length < opts.pageSize && scanned < scanLimit);
    return { items, nextToken: token, scanned };
  } catch (err) {
    throw toConsoleError(err, "list gateways");
  }
}

/** The gateway, or null when it does not exist. */
export async function getGateway(region: string, gatewayId: string): Promise<Gateway | null> {
  try {
    const out = await agentCoreControl(region).send(new GetGatewayCommand({ gatewayIdentifier: gatewayId }));
    return gateway(out);
  } catch (err) {
    const e = toConsoleError(err, "load the gateway");
    if (e.kind === "not-found") return null;
    throw e;
  }
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
