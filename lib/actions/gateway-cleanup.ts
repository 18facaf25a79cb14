"use server";
// Server actions around a gateway's lifecycle and relations: its tags, and deleting it with the role and pool made for it.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getRegion } from "@/lib/aws/config";
import { cleanupCandidates, deleteGatewayAndResources } from "@/lib/aws/gateway-cleanup";
import { getGateway } from "@/lib/aws/gateways";
import { listGatewayTags, setGatewayTags } from "@/lib/aws/tags";
import type { CleanupCandidate, DeletionOutcome } from "@/lib/models/relationships";
import { ROLE_NAME_MAX, ROLE_NAME_PATTERN } from "@/lib/schemas/role";
import { POOL_ID_MAX, POOL_ID_PATTERN } from "@/lib/schemas/cognito";
import { gatewayTagsSchema, type Tag } from "@/lib/schemas/tags";
import { action, arg } from "./action";
import { gatewayIdSchema } from "./args";
import { fail } from "./result";

const NOT_A_GATEWAY = "That is not a gateway id.";
const GONE = "This gateway no longer exists.";

const tagsOf = (tags: Tag[]) => Object.fromEntries(tags.map((t) => [t.key, t.value]));

/** Makes the gateway's tags exactly the list given (checked with the same schema as the editor). */
export const updateGatewayTagsAction = action(arg(gatewayIdSchema, NOT_A_GATEWAY), arg(gatewayTagsSchema, "Some tags need attention.")).handle<{ tags: Tag[]; added: number; removed: number }>(
  async ([gatewayId, tags]) => {
    const region = await getRegion();
    const gateway = await getGateway(region, gatewayId);
    if (!gateway) return fail(GONE, {}, "ResourceNotFoundException");
    const out = await setGatewayTags(region, gateway.gatewayArn, tags);
    revalidatePath(`/gateways/${gatewayId}`);
    return { ok: true, data: out };
  },
);

/** What deleting the gateway can take with it (read when the delete dialog opens: it scans the region's gateways). */
export const gatewayCleanupCandidatesAction = action(arg(gatewayIdSchema, NOT_A_GATEWAY)).handle<CleanupCandidate[]>(async ([gatewayId]) => {
  const region = await getRegion();
  const gateway = await getGateway(region, gatewayId);
  if (!gateway) return fail(GONE, {}, "ResourceNotFoundException");
  const tags = tagsOf(await listGatewayTags(region, gateway.gatewayArn).catch(() => []));
  return { ok: true, data: await cleanupCandidates(region, gateway, tags) };
});

const alsoSchema = z
  .object({
    role: z.string().max(ROLE_NAME_MAX).regex(new RegExp(ROLE_NAME_PATTERN)).optional(),
    poolId: z.string().max(POOL_ID_MAX).regex(new RegExp(POOL_ID_PATTERN)).optional(),
  })
  .strict();

/**
 * Deletes the gateway after its name is typed, then the role and pool asked for, each only if it is still offered
 * (made by the console, used by no other gateway): the check runs again here, whatever the browser sent.
 */
export const deleteGatewayWithResourcesAction = action(arg(gatewayIdSchema, NOT_A_GATEWAY), arg(z.unknown()), arg(alsoSchema, "That is not a role name or user pool id.")).handle<{
  gatewayId: string;
  outcomes: DeletionOutcome[];
  refused: string[];
}>(async ([gatewayId, confirmName, also]) => {
  const region = await getRegion();
  const gateway = await getGateway(region, gatewayId);
  if (!gateway) return fail(GONE, {}, "ResourceNotFoundException");
  if (confirmName !== gateway.name) return fail("Type the gateway's name exactly to confirm.", { confirmName: `Type ${gateway.name} to confirm.` });
  const tags = also.role || also.poolId ? tagsOf(await listGatewayTags(region, gateway.gatewayArn).catch(() => [])) : {};
  const out = await deleteGatewayAndResources(region, gateway, also, tags);
  revalidatePath("/gateways");
  revalidatePath(`/gateways/${gatewayId}`);
  revalidatePath("/roles");
  revalidatePath("/identity");
  return { ok: true, data: { gatewayId, ...out } };
});
