"use client";
// The "Create execution role" form's state: the shared form hook on the execution role schema.
import { executionRoleSchema, type ExecutionRoleFormValues } from "@/lib/schemas/role";
import { useZodForm, type ZodFormApi } from "@/components/forms/use-zod-form";

export function useRoleForm(initial: ExecutionRoleFormValues) {
  return useZodForm<ExecutionRoleFormValues>(executionRoleSchema, initial);
}

export type RoleFormApi = ZodFormApi<ExecutionRoleFormValues>;
