"use server";
// Server actions deleting Cognito user pools (domain first) and app clients from the Identity page, confirmed by name.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getRegion } from "@/lib/aws/config";
import { deleteAppClient, deleteUserPoolWithDomain } from "@/lib/aws/cognito/delete";
import { poolRegion } from "@/lib/aws/cognito/endpoints";
import { getUserPool } from "@/lib/aws/cognito/pools";
import type { DeletionOutcome } from "@/lib/models/relationships";
import { clientIdSchema, poolIdSchema } from "@/lib/schemas/cognito";
import { action, arg } from "./action";
import { fail } from "./result";

const NOT_A_POOL = "That is not a user pool id.";
const NOT_A_CLIENT = "That is not an app client id.";

export const deleteUserPoolAction = action(arg(poolIdSchema, NOT_A_POOL), arg(z.unknown())).handle<{ outcomes: DeletionOutcome[] }>(async ([poolId, confirmName]) => {
  const region = poolRegion(poolId, await getRegion());
  const pool = await getUserPool(region, poolId);
  if (!pool) return fail("This user pool no longer exists.", {}, "ResourceNotFoundException");
  if (confirmName !== pool.name) return fail("Type the user pool's name exactly to confirm.", { confirmName: `Type ${pool.name} to confirm.` });
  const outcomes = await deleteUserPoolWithDomain(region, poolId);
  revalidatePath("/identity");
  const failed = outcomes.find((o) => o.outcome === "failed");
  if (failed) return fail(`${failed.resource}: ${failed.message ?? "not deleted"}`, {}, failed.errorName);
  return { ok: true, data: { outcomes } };
});

export const deleteAppClientAction = action(arg(poolIdSchema, NOT_A_POOL), arg(clientIdSchema, NOT_A_CLIENT), arg(z.unknown())).handle<{ outcome: DeletionOutcome }>(
  async ([poolId, clientId, confirmName]) => {
    const region = poolRegion(poolId, await getRegion());
    const pool = await getUserPool(region, poolId);
    const client = pool?.clients.find((c) => c.clientId === clientId);
    if (!pool || !client) return fail("This app client no longer exists.", {}, "ResourceNotFoundException");
    if (confirmName !== client.clientName) return fail("Type the app client's name exactly to confirm.", { confirmName: `Type ${client.clientName} to confirm.` });
    const outcome = await deleteAppClient(region, poolId, clientId);
    revalidatePath(`/identity/${poolId}`);
    if (outcome.outcome === "failed") return fail(outcome.message ?? "The app client was not deleted.", {}, outcome.errorName);
    return { ok: true, data: { outcome } };
  },
);
