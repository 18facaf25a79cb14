"use server";
// Server actions for execution roles: parse with the shared schema again, call lib/aws/iam, revalidate.
import { revalidatePath } from "next/cache";
import { getRegion } from "@/lib/aws/config";
import { ConsoleError } from "@/lib/aws/errors";
import { createExecutionRole, PartialCreateError } from "@/lib/aws/iam";
import { getCallerIdentity } from "@/lib/aws/sts";
import { issuesToFieldErrors, type FieldErrors } from "@/lib/schemas/form-errors";
import { executionRoleSchema } from "@/lib/schemas/role";
import { assertAccess } from "@/lib/auth/session";
import { fail, type ActionResult } from "./result";

export type CreatedRole = { roleName: string; roleArn: string; created: string[]; reused: boolean };

/** A failure may come after the role was created: then `partial` names it, so the form can still show its ARN. */
export type CreateRoleResult =
  | ActionResult<CreatedRole>
  | { ok: false; message: string; errorName?: string; fieldErrors: FieldErrors; partial: { roleName: string; roleArn: string; created: string[] } };

const INVALID_FORM = "Some fields need attention. Fix them and submit again.";

/** Puts IAM's refusals on the field they are about (IAM's errors carry no field list). */
function iamFieldErrors(err: ConsoleError): FieldErrors {
  switch (err.awsName) {
    case "EntityAlreadyExistsException":
      return { roleName: "A role with this name already exists (IAM role names ignore case)." };
    case "EntityAlreadyExists":
      return { inlinePolicyName: "The role already has an inline policy with this name." };
    case "MalformedPolicyDocumentException":
      return { inlinePolicy: "IAM refused this policy document." };
  }
  const member = /at '(\w+)'/.exec(err.message)?.[1];
  if (member === "roleName") return { roleName: "IAM refused this role name." };
  if (member === "description") return { description: "IAM refused this description." };
  if (member === "policyName") return { inlinePolicyName: "IAM refused this policy name." };
  return {};
}

export async function createExecutionRoleAction(values: unknown): Promise<CreateRoleResult> {
  const parsed = executionRoleSchema.safeParse(values);
  if (!parsed.success) return fail(INVALID_FORM, issuesToFieldErrors(parsed.error.issues));
  try {
    await assertAccess();
    const region = await getRegion();
    // The account comes from STS here, never from the browser.
    const { account } = await getCallerIdentity(region);
    const role = await createExecutionRole({ ...parsed.data, accountId: account, region });
    revalidatePath("/roles");
    return { ok: true, data: { roleName: role.roleName, roleArn: role.roleArn, created: role.created, reused: role.reused } };
  } catch (err) {
    if (err instanceof PartialCreateError) {
      revalidatePath("/roles");
      const partial = { roleName: err.roleName, roleArn: err.roleArn, created: err.created };
      return { ok: false, message: err.message, errorName: err.awsName, fieldErrors: iamFieldErrors(err), partial };
    }
    if (err instanceof ConsoleError) return fail(err.message, iamFieldErrors(err), err.awsName);
    if (err && typeof err === "object" && "digest" in err) throw err; // Next's redirect/notFound signals
    console.error("[action] unexpected failure:", err instanceof Error ? err.message : String(err));
    return fail("Something went wrong on the server. Try again.");
  }
}
