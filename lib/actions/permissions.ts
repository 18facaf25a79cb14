"use server";
// Server action: write the generated least-privilege policy onto the gateway's execution role, as the gateway's own inline policy.
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { getRegion } from "@/lib/aws/config";
import { getGateway } from "@/lib/aws/gateways";
import { deleteInlinePolicy, putInlinePolicy } from "@/lib/aws/iam";
import { gatewayPermissions } from "@/lib/aws/permissions";
import { LEGACY_TARGET_ACCESS_POLICY_NAME } from "@/lib/policies/gateway-role-policy";
import { action, arg } from "./action";
import { gatewayIdSchema } from "./args";
import { fail } from "./result";

const fingerprintSchema = z.string().regex(/^[0-9a-f]{16}$/);

export type ApplyPermissionsResult = { roleName: string; policyName: string; deletedLegacyPolicy: boolean };

/**
 * Recomputes the policy on the server from the gateway's current targets (the browser's copy is never trusted) and
 * applies it only if it is still the diff the user confirmed (`fingerprint`); otherwise nothing is written.
 */
export const applyGatewayPermissionsAction = action(
  arg(gatewayIdSchema, "That is not a gateway id."),
  arg(fingerprintSchema, "The confirmed changes are missing. Reload the page and review them again."),
).handle<ApplyPermissionsResult>(async ([gatewayId, fingerprint]) => {
  const region = await getRegion();
  const gateway = await getGateway(region, gatewayId);
  if (!gateway) return fail("This gateway no longer exists.", {}, "ResourceNotFoundException");
  const p = await gatewayPermissions(region, gateway);
  if (!p.roleName) return fail("The gateway's role ARN is not an IAM role ARN, so there is no role to update.");
  if (!p.role) return fail(`The role ${p.roleName} does not exist in this account.`, {}, "NoSuchEntity");
  if (!p.generated.policy) return fail(p.generated.message);
  if (!p.plan) return fail("There is nothing to apply.");
  if (p.plan.fingerprint !== fingerprint) {
    return fail("The role's policies or the gateway's targets changed since the changes were shown. Nothing was applied: review the new changes and confirm again.", {}, "StaleChanges");
  }
  await putInlinePolicy(region, p.roleName, p.policyName, p.generated.policy);
  // Only once the gateway's own policy is in place, so its permissions never lapse in between.
  const deletedLegacyPolicy = p.plan.deletesLegacy ? await deleteInlinePolicy(region, p.roleName, LEGACY_TARGET_ACCESS_POLICY_NAME) : false;
  revalidatePath(`/gateways/${gatewayId}/permissions`);
  return { ok: true, data: { roleName: p.roleName, policyName: p.policyName, deletedLegacyPolicy } };
});
