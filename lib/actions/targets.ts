"use server";
// Server actions for gateway targets: parse with the shared schema again, call lib/aws, revalidate.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getRegion } from "@/lib/aws/config";
import { ConsoleError } from "@/lib/aws/errors";
import { createTarget, deleteTarget, getTarget, synchronizeTargets, updateTarget, type Target, type TargetUpdateFields } from "@/lib/aws/targets";
import { GATEWAY_ID_PATTERN } from "@/lib/schemas/constraints";
import { issuesToFieldErrors } from "@/lib/schemas/form-errors";
import { TARGET_ID_PATTERN, targetSchema } from "@/lib/schemas/target";
import { awsTargetFieldListToFormErrors, toTargetRequest, type TargetFields } from "@/lib/schemas/target-mapping";
import { fail, runAction, type ActionResult } from "./result";

const gatewayIdSchema = z.string().regex(new RegExp(GATEWAY_ID_PATTERN));
const targetIdSchema = z.string().regex(new RegExp(TARGET_ID_PATTERN));
const clientTokenSchema = z.string().regex(/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,256}$/).min(33).max(256);
const INVALID_FORM = "Some fields need attention. Fix them and submit again.";

const rethrow = (err: unknown): never => {
  throw err;
};

/** A ConflictException on create or rename means the name is taken in this gateway: say so at the Name field too. */
function nameTaken(err: unknown): never {
  if (err instanceof ConsoleError && err.awsName === "ConflictException" && err.fieldList.length === 0 && /name|exists/i.test(err.message)) {
    throw new ConsoleError(err.kind, err.message, err.awsName, [{ name: "name", message: "A target with this name already exists in this gateway: choose another name." }]);
  }
  throw err;
}

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

export async function createTargetAction(gatewayId: string, values: unknown, clientToken: string): Promise<ActionResult<{ targetId: string }>> {
  if (!gatewayIdSchema.safeParse(gatewayId).success) return fail("That is not a gateway id.");
  const parsed = targetSchema.safeParse(values);
  if (!parsed.success) return fail(INVALID_FORM, issuesToFieldErrors(parsed.error.issues));
  if (!clientTokenSchema.safeParse(clientToken).success) return fail("The form's idempotency token is invalid. Reload the page.");
  return runAction(
    async () => {
      const t = await createTarget(await getRegion(), gatewayId, toTargetRequest(parsed.data), clientToken).catch(nameTaken);
      revalidateGateway(gatewayId);
      return { ok: true, data: { targetId: t.targetId } };
    },
    (fields) => awsTargetFieldListToFormErrors(fields, parsed.data.type),
  );
}

export async function updateTargetAction(gatewayId: string, targetId: string, values: unknown): Promise<ActionResult<{ targetId: string }>> {
  if (!gatewayIdSchema.safeParse(gatewayId).success || !targetIdSchema.safeParse(targetId).success) return fail("That is not a target id.");
  const parsed = targetSchema.safeParse(values);
  if (!parsed.success) return fail(INVALID_FORM, issuesToFieldErrors(parsed.error.issues));
  return runAction(
    async () => {
      const region = await getRegion();
      const current = await getTarget(region, gatewayId, targetId);
      if (!current) return fail("This target no longer exists.", {}, "ResourceNotFoundException");
      const fields = toTargetRequest(parsed.data);
      await updateTarget(region, gatewayId, targetId, withUnmanagedTargetSettings(current, fields)).catch(current.name === fields.name ? rethrow : nameTaken);
      revalidateGateway(gatewayId);
      return { ok: true, data: { targetId } };
    },
    (fields) => awsTargetFieldListToFormErrors(fields, parsed.data.type),
  );
}

export async function deleteTargetAction(gatewayId: string, targetId: string, confirmName: string): Promise<ActionResult<{ targetId: string }>> {
  if (!gatewayIdSchema.safeParse(gatewayId).success || !targetIdSchema.safeParse(targetId).success) return fail("That is not a target id.");
  return runAction(async () => {
    const region = await getRegion();
    const current = await getTarget(region, gatewayId, targetId);
    if (!current) return fail("This target no longer exists.", {}, "ResourceNotFoundException");
    if (confirmName !== current.name) return fail("Type the target's name exactly to confirm.", { confirmName: `Type ${current.name} to confirm.` });
    await deleteTarget(region, gatewayId, targetId);
    revalidateGateway(gatewayId);
    return { ok: true, data: { targetId } };
  });
}

export async function synchronizeTargetAction(gatewayId: string, targetId: string): Promise<ActionResult<{ targetId: string }>> {
  if (!gatewayIdSchema.safeParse(gatewayId).success || !targetIdSchema.safeParse(targetId).success) return fail("That is not a target id.");
  return runAction(async () => {
    await synchronizeTargets(await getRegion(), gatewayId, [targetId]);
    revalidateGateway(gatewayId);
    return { ok: true, data: { targetId } };
  });
}
