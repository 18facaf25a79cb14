"use server";
// Server action for the banner's region switcher.
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { assertAccess } from "@/lib/auth/session";
import { REGION_COOKIE, isKnownRegion } from "@/lib/aws/config";

export async function setRegionAction(region: string): Promise<{ ok: boolean }> {
  if (!isKnownRegion(region)) return { ok: false };
  try {
    await assertAccess();
  } catch {
    return { ok: false };
  }
  (await cookies()).set(REGION_COOKIE, region, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
  revalidatePath("/", "layout");
  return { ok: true };
}
