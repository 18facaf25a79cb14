"use server";
// Server action: write the generated least-privilege policy onto the gateway's execution role.
import { revalidatePath } from "next/cache";
import { getRegion } from "@/lib/aws/config";
import { getGateway } from "@/lib/aws/gateways";
import { putInlinePolicy } from "@/lib/aws/iam";
import { gatewayPermissions, TARGET_ACCESS_POLICY_NAME } from "@/lib/aws/permissions";
import { action, arg } from "./action";
import { gatewayIdSchema } from "./args";
import { fail } from "./result";

/** Recomputes the policy on the server from the gateway's current targets (the browser's copy is never trusted). */
export const applyGatewayPermissionsAction = action(arg(gatewayIdSchema, "That is not a gateway id.")).handle<{ roleName: string; policyName: string }>(
  async ([gatewayId]) => {
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
  },
);
