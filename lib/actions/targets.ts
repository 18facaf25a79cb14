"use server";
// Server actions for gateway targets: parse with the shared schema again, call lib/aws, revalidate.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getRegion } from "@/lib/aws/config";
import { createTarget, deleteTarget, getTarget, synchronizeTargets, updateTarget, type Target, type TargetUpdateFields } from "@/lib/aws/targets";
import { targetSchema } from "@/lib/schemas/target";
import { awsTargetFieldListToFormErrors, toTargetRequest, type TargetFields } from "@/lib/schemas/target-mapping";
import { action, arg, form, nameTaken, rethrow } from "./action";
import { BAD_CLIENT_TOKEN, clientTokenSchema, gatewayIdSchema, targetIdSchema } from "./args";
import { fail } from "./result";

const NOT_A_TARGET = "That is not a target id.";
const targetArgs = [arg(gatewayIdSchema, NOT_A_TARGET), arg(targetIdSchema, NOT_A_TARGET)] as const;

/** A ConflictException on create or rename that speaks of the name means the name is taken in this gateway. */
const targetNameTaken = nameTaken({
  field: "name",
  message: "A target with this name already exists in this gateway: choose another name.",
  when: (err) => /name|exists/i.test(err.message),
});

/**
 * UpdateGatewayTarget replaces the whole target, so settings the form does not show (metadata headers,
 * private endpoint, an MCP server's static tool schema, listing mode and priority) are re-sent as they are now.
 */
function withUnmanagedTargetSettings(current: Target, fields: TargetFields): TargetUpdateFields {
  const out: TargetUpdateFields = { ...fields };
  if (current.metadataConfiguration) out.metadataConfiguration = current.metadataConfiguration;
  if (current.privateEndpoint) out.privateEndpoint = current.privateEndpoint;
  const curServer = current.targetConfiguration?.mcp?.mcpServer;
  const newServer = fields.targetConfiguration?.mcp?.mcpServer;
  if (curServer && newServer) {
    const { mcpToolSchema, listingMode, resourcePriority } = curServer;
    out.targetConfiguration = {
      mcp: {
        mcpServer: {
          ...newServer,
          ...(mcpToolSchema ? { mcpToolSchema } : {}),
          ...(listingMode ? { listingMode } : {}),
          ...(resourcePriority !== undefined ? { resourcePriority } : {}),
        },
      },
    };
  }
  return out;
}

function revalidateGateway(gatewayId: string) {
  revalidatePath(`/gateways/${gatewayId}`, "layout");
}

export const createTargetAction = action(arg(gatewayIdSchema, "That is not a gateway id."), form(targetSchema), arg(clientTokenSchema, BAD_CLIENT_TOKEN)).handle(
  async ([gatewayId, values, clientToken]) => {
    const t = await createTarget(await getRegion(), gatewayId, toTargetRequest(values), clientToken).catch(targetNameTaken);
    revalidateGateway(gatewayId);
    return { ok: true, data: { targetId: t.targetId } };
  },
  { fields: (err, [, values]) => awsTargetFieldListToFormErrors(err.fieldList, values.type) },
);

export const updateTargetAction = action(...targetArgs, form(targetSchema)).handle(
  async ([gatewayId, targetId, values]) => {
    const region = await getRegion();
    const current = await getTarget(region, gatewayId, targetId);
    if (!current) return fail("This target no longer exists.", {}, "ResourceNotFoundException");
    const fields = toTargetRequest(values);
    await updateTarget(region, gatewayId, targetId, withUnmanagedTargetSettings(current, fields)).catch(current.name === fields.name ? rethrow : targetNameTaken);
    revalidateGateway(gatewayId);
    return { ok: true, data: { targetId } };
  },
  { fields: (err, [, , values]) => awsTargetFieldListToFormErrors(err.fieldList, values.type) },
);

export const deleteTargetAction = action(...targetArgs, arg(z.unknown())).handle(async ([gatewayId, targetId, confirmName]) => {
  const region = await getRegion();
  const current = await getTarget(region, gatewayId, targetId);
  if (!current) return fail("This target no longer exists.", {}, "ResourceNotFoundException");
  if (confirmName !== current.name) return fail("Type the target's name exactly to confirm.", { confirmName: `Type ${current.name} to confirm.` });
  await deleteTarget(region, gatewayId, targetId);
  revalidateGateway(gatewayId);
  return { ok: true, data: { targetId } };
});

export const synchronizeTargetAction = action(...targetArgs).handle(async ([gatewayId, targetId]) => {
  await synchronizeTargets(await getRegion(), gatewayId, [targetId]);
  revalidateGateway(gatewayId);
  return { ok: true, data: { targetId } };
});
