"use server";
// Server actions for execution roles: parse with the shared schema again, call lib/aws/iam, revalidate.
import { revalidatePath } from "next/cache";
import { getRegion } from "@/lib/aws/config";
import type { ConsoleError } from "@/lib/aws/errors";
import { createExecutionRole, PartialCreateError } from "@/lib/aws/iam";
import { getCallerIdentity } from "@/lib/aws/sts";
import type { FieldErrors } from "@/lib/schemas/form-errors";
import { executionRoleSchema } from "@/lib/schemas/role";
import { action, form, nameTaken } from "./action";

export type CreatedRole = { roleName: string; roleArn: string; created: string[]; reused: boolean };

const namesTaken = nameTaken(
  { awsName: "EntityAlreadyExistsException", field: "roleName", message: "A role with this name already exists (IAM role names ignore case)." },
  { awsName: "EntityAlreadyExists", field: "inlinePolicyName", message: "The role already has an inline policy with this name." },
);

/** Puts IAM's other refusals on the field they are about (IAM's errors carry no field list, only a member in the message). */
function iamFieldErrors(err: ConsoleError): FieldErrors {
  if (err.awsName === "MalformedPolicyDocumentException") return { inlinePolicy: "IAM refused this policy document." };
  const member = /at '(\w+)'/.exec(err.message)?.[1];
  if (member === "roleName") return { roleName: "IAM refused this role name." };
  if (member === "description") return { description: "IAM refused this description." };
  if (member === "policyName") return { inlinePolicyName: "IAM refused this policy name." };
  return {};
}

/** A failure after the role exists (its inline policy was refused) hands the role back in `provisioned`, so the form shows its ARN. */
export const createExecutionRoleAction = action(form(executionRoleSchema)).handle<CreatedRole>(
  async ([values], ctx) => {
    const region = await getRegion();
    // The account comes from STS here, never from the browser.
    const { account } = await getCallerIdentity(region);
    const role = await createExecutionRole({ ...values, accountId: account, region }).catch((err: unknown) => {
      if (err instanceof PartialCreateError) {
        revalidatePath("/roles");
        ctx.provisioned = { created: err.created, roleName: err.roleName, roleArn: err.roleArn };
      }
      return namesTaken(err);
    });
    revalidatePath("/roles");
    return { ok: true, data: { roleName: role.roleName, roleArn: role.roleArn, created: role.created, reused: role.reused } };
  },
  { fields: iamFieldErrors },
);
