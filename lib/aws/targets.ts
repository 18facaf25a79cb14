// Server-only gateway target operations on AgentCore Control; returns plain, serializable data.
import "server-only";
import {
  CreateGatewayTargetCommand,
  DeleteGatewayTargetCommand,
  GetGatewayTargetCommand,
  ListGatewayTargetsCommand,
  SynchronizeGatewayTargetsCommand,
  UpdateGatewayTargetCommand,
  type GetGatewayTargetResponse,
  type TargetSummary as SdkTargetSummary,
  type UpdateGatewayTargetRequest,
} from "@aws-sdk/client-bedrock-agentcore-control";
import type { TargetFields } from "@/lib/schemas/target-mapping";
import { agentCoreControl } from "./clients";
import { nullIfNotFound, toConsoleError } from "./errors";
import { allPages } from "./paging";
import type { Target, TargetSummary } from "@/lib/models/targets";

export type { Target, TargetSummary };

export const TRANSITIONAL_TARGET_STATUSES = ["CREATING", "UPDATING", "DELETING", "SYNCHRONIZING"];

const iso = (d: Date | undefined) => (d ? d.toISOString() : undefined);

function summary(t: SdkTargetSummary): TargetSummary {
  return {
    targetId: t.targetId ?? "",
    name: t.name ?? "",
    status: t.status ?? "READY",
    description: t.description,
    targetType: t.targetType,
    createdAt: iso(t.createdAt) ?? "",
    updatedAt: iso(t.updatedAt) ?? "",
    lastSynchronizedAt: iso(t.lastSynchronizedAt),
  };
}

function target(gatewayId: string, t: Omit<GetGatewayTargetResponse, "$metadata">): Target {
  const { createdAt, updatedAt, lastSynchronizedAt, status, ...rest } = t;
  return {
    ...rest,
    gatewayId,
    targetId: t.targetId ?? "",
    name: t.name ?? "",
    status: status ?? "READY",
    createdAt: iso(createdAt) ?? "",
    updatedAt: iso(updatedAt) ?? "",
    lastSynchronizedAt: iso(lastSynchronizedAt),
  };
}

/** Every target of a gateway (all pages, read on the server). */
export async function listTargets(region: string, gatewayId: string): Promise<TargetSummary[]> {
  const client = agentCoreControl(region);
  try {
    return await allPages(async (nextToken) => {
      const page = await client.send(new ListGatewayTargetsCommand({ gatewayIdentifier: gatewayId, maxResults: 100, nextToken }));
      return { items: (page.items ?? []).map(summary), nextToken: page.nextToken };
    });
  } catch (err) {
    throw toConsoleError(err, "list the gateway's targets");
  }
}

/** Full details of every target of a gateway, fetched in parallel (for the permissions generator). */
export async function getAllTargets(region: string, gatewayId: string): Promise<Target[]> {
  const list = await listTargets(region, gatewayId);
  const targets = await Promise.all(list.map((t) => getTarget(region, gatewayId, t.targetId)));
  return targets.filter((t): t is Target => t !== null);
}

export async function getTarget(region: string, gatewayId: string, targetId: string): Promise<Target | null> {
  return nullIfNotFound("load the target", async () => target(gatewayId, await agentCoreControl(region).send(new GetGatewayTargetCommand({ gatewayIdentifier: gatewayId, targetId }))));
}

export async function createTarget(region: string, gatewayId: string, fields: TargetFields, clientToken: string): Promise<Target> {
  try {
    const out = await agentCoreControl(region).send(new CreateGatewayTargetCommand({ ...fields, gatewayIdentifier: gatewayId, clientToken }));
    return target(gatewayId, out);
  } catch (err) {
    throw toConsoleError(err, "create the target");
  }
}

/** What UpdateGatewayTarget takes beyond the form's fields (settings the console keeps as they are). */
export type TargetUpdateFields = TargetFields & Pick<UpdateGatewayTargetRequest, "metadataConfiguration" | "privateEndpoint">;

/** A full PUT: the target's whole configuration is replaced by `fields`. */
export async function updateTarget(region: string, gatewayId: string, targetId: string, fields: TargetUpdateFields): Promise<Target> {
  try {
    const out = await agentCoreControl(region).send(
      new UpdateGatewayTargetCommand({ ...fields, name: fields.name ?? "", gatewayIdentifier: gatewayId, targetId, targetConfiguration: fields.targetConfiguration }),
    );
    return target(gatewayId, out);
  } catch (err) {
    throw toConsoleError(err, "update the target");
  }
}

export async function deleteTarget(region: string, gatewayId: string, targetId: string): Promise<void> {
  try {
    await agentCoreControl(region).send(new DeleteGatewayTargetCommand({ gatewayIdentifier: gatewayId, targetId }));
  } catch (err) {
    throw toConsoleError(err, "delete the target");
  }
}

export async function synchronizeTargets(region: string, gatewayId: string, targetIds: string[]): Promise<void> {
  try {
    await agentCoreControl(region).send(new SynchronizeGatewayTargetsCommand({ gatewayIdentifier: gatewayId, targetIdList: targetIds }));
  } catch (err) {
    throw toConsoleError(err, "synchronize the target");
  }
}
