"use server";
// Server action: write the generated least-privilege policy onto the gateway's execution role.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getRegion } from "@/lib/aws/config";
import { getGateway } from "@/lib/aws/gateways";
import { putInlinePolicy } from "@/lib/aws/iam";
import { gatewayPermissions, TARGET_ACCESS_POLICY_NAME } from "@/lib/aws/permissions";
import { GATEWAY_ID_PATTERN } from "@/lib/schemas/constraints";
import { fail, runAction, type ActionResult } from "./result";

const gatewayIdSchema = z.string().regex(new RegExp(GATEWAY_ID_PATTERN));

/** Recomputes the policy on the server from the gateway's current targets (the browser's copy is never trusted). */
export async function applyGatewayPermissionsAction(gatewayId: string): Promise<ActionResult<{ roleName: string; policyName: string }>> {
  if (!gatewayIdSchema.safeParse(gatewayId).success) return fail("That is not a gateway id.");
  return runAction(async () => {
    const region = await getRegion();
    const gateway = await getGateway(region, gatewayId);
    if (!gateway) return fail("This gateway no longer exists.", {}, "ResourceNotFoundException");
    const p = await gatewayPermissions(region, gateway);
    if (!p.roleName) return fail("The gateway's role ARN is not an IAM role ARN, so there is no role to update.");
    if (!p.role) return fail(`The role ${p.roleName} does not exist in this account.`, {}, "NoSuchEntity");
    if (!p.generated.policy) return fail(p.generated.message);
    await putInlinePolicy(region, p.roleName, TARGET_ACCESS_POLICY_NAME, p.generated.policy);
    revalidatePath(`/gateways/${gatewayId}/permissions`);
    return { ok: true, data: { roleName: p.roleName, policyName: TARGET_ACCESS_POLICY_NAME } };
  });
}
