// The "Create execution role" form's schema: one source of truth for the form (client) and the server action.
import { z } from "zod";
import { lintPermissionPolicy, parsePolicyDocument } from "@/lib/policies/lint";
import { GATEWAY_NAME_MAX, GATEWAY_NAME_PATTERN } from "./constraints";

// IAM model (iam 2010-05-08) constraints; role.test.ts checks them against sandbox/models/iam.json.
export const ROLE_NAME_PATTERN = "^[\\w+=,.@-]+$";
export const ROLE_NAME_MAX = 64;
export const ROLE_DESCRIPTION_PATTERN = "^[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*$";
export const ROLE_DESCRIPTION_MAX = 1000;
export const POLICY_NAME_PATTERN = "^[\\w+=,.@-]+$";
export const POLICY_NAME_MAX = 128;

export const DEFAULT_INLINE_POLICY_NAME = "AgentCoreGatewayPermissions";
/** The tag every role created by the console carries, so it can be told apart later. */
export const PURPOSE_TAG = { key: "agentcore-console:purpose", value: "gateway-execution" } as const;
export const GATEWAY_NAME_TAG_KEY = "agentcore-console:gateway-name";

const re = (p: string) => new RegExp(p);

export const roleNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a role name.")
  .max(ROLE_NAME_MAX, `Use at most ${ROLE_NAME_MAX} characters.`)
  .regex(re(ROLE_NAME_PATTERN), "Use letters, digits and + = , . @ _ - only (no spaces).");

/** Optional: empty means the role serves any gateway of the account and region. */
export const trustGatewayNameSchema = z
  .string()
  .trim()
  .max(GATEWAY_NAME_MAX, `Use at most ${GATEWAY_NAME_MAX} characters.`)
  .refine((v) => v === "" || re(GATEWAY_NAME_PATTERN).test(v), "Start with a letter or digit, then use letters, digits and single hyphens (no double hyphens).");

export const roleDescriptionSchema = z
  .string()
  .max(ROLE_DESCRIPTION_MAX, `Use at most ${ROLE_DESCRIPTION_MAX} characters.`)
  .regex(re(ROLE_DESCRIPTION_PATTERN), "Use plain text: letters, digits, spaces and punctuation (no emoji or non-Latin characters).");

export const policyNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a policy name.")
  .max(POLICY_NAME_MAX, `Use at most ${POLICY_NAME_MAX} characters.`)
  .regex(re(POLICY_NAME_PATTERN), "Use letters, digits and + = , . @ _ - only (no spaces).");

/** The first reason IAM would refuse this permission policy, or null when it is fine to send. */
export function permissionPolicyProblem(text: string): string | null {
  const parsed = parsePolicyDocument(text);
  if (!parsed.ok) {
    // A JSON error's message already says where ("Invalid JSON at line L, column C: …").
    return parsed.error.message;
  }
  const error = lintPermissionPolicy(text).find((f) => f.severity === "error");
  return error ? error.message : null;
}

export const executionRoleSchema = z
  .object({
    roleName: roleNameSchema,
    gatewayName: trustGatewayNameSchema,
    description: roleDescriptionSchema,
    /** Optional inline permission policy (JSON text); blank means the role gets none yet. */
    inlinePolicy: z.string(),
    inlinePolicyName: z.string(),
  })
  // Runs even while other fields have errors, so every problem shows at once.
  .superRefine(
    (v, ctx) => {
      if (typeof v.inlinePolicy !== "string" || v.inlinePolicy.trim() === "") return;
      const problem = permissionPolicyProblem(v.inlinePolicy);
      if (problem) ctx.addIssue({ code: "custom", path: ["inlinePolicy"], message: problem });
      const name = policyNameSchema.safeParse(v.inlinePolicyName);
      if (!name.success) ctx.addIssue({ code: "custom", path: ["inlinePolicyName"], message: name.error.issues[0].message });
    },
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  )
  .transform((v) => ({
    roleName: v.roleName,
    gatewayName: v.gatewayName === "" ? undefined : v.gatewayName,
    description: v.description.trim() === "" ? undefined : v.description,
    inlinePolicy: v.inlinePolicy.trim() === "" ? undefined : { policyName: v.inlinePolicyName.trim(), document: v.inlinePolicy },
  }));

export type ExecutionRoleFormValues = z.input<typeof executionRoleSchema>;
export type ExecutionRoleInput = z.output<typeof executionRoleSchema>;

export function emptyExecutionRoleForm(): ExecutionRoleFormValues {
  return { roleName: "", gatewayName: "", description: "", inlinePolicy: "", inlinePolicyName: DEFAULT_INLINE_POLICY_NAME };
}
