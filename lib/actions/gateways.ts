"use server";
// Server actions for gateways: parse with the shared schema again, call lib/aws, revalidate.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getRegion } from "@/lib/aws/config";
import { createGateway, deleteGateway, getGateway, updateGateway } from "@/lib/aws/gateways";
import { issuesToFieldErrors } from "@/lib/schemas/form-errors";
import { gatewaySchema } from "@/lib/schemas/gateway";
import { awsFieldListToFormErrors, isEditableAuthorizerType, toGatewayRequest, withUnmanagedSettings } from "@/lib/schemas/gateway-mapping";
import { GATEWAY_ID_PATTERN } from "@/lib/schemas/constraints";
import { fail, runAction, type ActionResult } from "./result";

const clientTokenSchema = z.string().regex(/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,256}$/).min(33).max(256);
const gatewayIdSchema = z.string().regex(new RegExp(GATEWAY_ID_PATTERN));
const INVALID_FORM = "Some fields need attention. Fix them and submit again.";

export async function createGatewayAction(values: unknown, clientToken: string): Promise<ActionResult<{ gatewayId: string }>> {
  const parsed = gatewaySchema.safeParse(values);
  if (!parsed.success) return fail(INVALID_FORM, issuesToFieldErrors(parsed.error.issues));
  if (!clientTokenSchema.safeParse(clientToken).success) return fail("The form's idempotency token is invalid. Reload the page.");
  return runAction(async () => {
    const region = await getRegion();
    const g = await createGateway(region, toGatewayRequest(parsed.data), clientToken);
    revalidatePath("/gateways");
    return { ok: true, data: { gatewayId: g.gatewayId } };
  }, awsFieldListToFormErrors);
}

export async function updateGatewayAction(gatewayId: string, values: unknown): Promise<ActionResult<{ gatewayId: string }>> {
  if (!gatewayIdSchema.safeParse(gatewayId).success) return fail("That is not a gateway id.");
  const parsed = gatewaySchema.safeParse(values);
  if (!parsed.success) return fail(INVALID_FORM, issuesToFieldErrors(parsed.error.issues));
  return runAction(async () => {
    const region = await getRegion();
    const current = await getGateway(region, gatewayId);
    if (!current) return fail("This gateway no longer exists.", {}, "ResourceNotFoundException");
    if (!isEditableAuthorizerType(current.authorizerType)) {
      return fail(`Gateways with the ${current.authorizerType} authorizer cannot be edited in the console yet.`);
    }
    if (current.authorizerType !== parsed.data.authorizerType) {
      return fail("The authorizer type of a gateway cannot be changed after creation.", { authorizerType: "The authorizer type is fixed at creation." });
    }
    if (current.protocolConfiguration?.mcp?.searchType === "SEMANTIC" && !parsed.data.mcp.semanticSearch) {
      return fail("Semantic search cannot be turned off once enabled.", { "mcp.semanticSearch": "Semantic search cannot be turned off once enabled." });
    }
    const { tags: _tags, ...fields } = toGatewayRequest(parsed.data);
    void _tags;
    await updateGateway(region, gatewayId, withUnmanagedSettings(current, fields));
    revalidatePath("/gateways");
    revalidatePath(`/gateways/${gatewayId}`);
    return { ok: true, data: { gatewayId } };
  }, awsFieldListToFormErrors);
}

export async function deleteGatewayAction(gatewayId: string, confirmName: string): Promise<ActionResult<{ gatewayId: string }>> {
  if (!gatewayIdSchema.safeParse(gatewayId).success) return fail("That is not a gateway id.");
  return runAction(async () => {
    const region = await getRegion();
    const current = await getGateway(region, gatewayId);
    if (!current) return fail("This gateway no longer exists.", {}, "ResourceNotFoundException");
    if (confirmName !== current.name) return fail("Type the gateway's name exactly to confirm.", { confirmName: `Type ${current.name} to confirm.` });
    await deleteGateway(region, gatewayId);
    revalidatePath("/gateways");
    revalidatePath(`/gateways/${gatewayId}`);
    return { ok: true, data: { gatewayId } };
  });
}
