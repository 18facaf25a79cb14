"use server";
// Server action: tighten the trust of a role the console created for a gateway to that gateway's exact ARN.
import { revalidatePath } from "next/cache";
import { getRegion } from "@/lib/aws/config";
import { getGateway } from "@/lib/aws/gateways";
import { tightenRoleTrust } from "@/lib/aws/role-trust";
import { action, arg } from "./action";
import { gatewayIdSchema } from "./args";
import { fail } from "./result";

/** Works from the gateway as AWS has it now (never from what the browser shows), and refuses any role it did not make. */
export const tightenRoleTrustAction = action(arg(gatewayIdSchema, "That is not a gateway id.")).handle<{ roleName: string; trustPolicy: string }>(
  async ([gatewayId]) => {
    const region = await getRegion();
    const gateway = await getGateway(region, gatewayId);
    if (!gateway) return fail("This gateway no longer exists.", {}, "ResourceNotFoundException");
    const done = await tightenRoleTrust(region, gateway);
    revalidatePath(`/gateways/${gatewayId}/permissions`);
    revalidatePath("/roles");
    return { ok: true, data: done };
  },
);
