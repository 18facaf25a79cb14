"use server";
// Server action for the banner's region switcher.
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { REGION_COOKIE, isKnownRegion } from "@/lib/aws/config";
import { action, arg } from "./action";

const regionSchema = z.string().refine(isKnownRegion);

export const setRegionAction = action(arg(regionSchema, "That is not an AWS region name.")).handle<{ region: string }>(async ([region]) => {
  (await cookies()).set(REGION_COOKIE, region, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
  revalidatePath("/", "layout");
  return { ok: true, data: { region } };
});
