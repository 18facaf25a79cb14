"use client";
// The optional inline permission policy of a new role: a name, the JSON, and the linter's warnings as the user types.
import { useDeferredValue, useMemo } from "react";
import { lintPermissionPolicy } from "@/lib/policies/lint";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { LintFindings } from "./lint-findings";
import type { RoleFormApi } from "./use-role-form";

export function InlinePolicyFields({ form }: { form: RoleFormApi }) {
  const { values, errors, set, touch } = form;
  const policy = useDeferredValue(values.inlinePolicy);
  // Errors already show under the field (the schema refuses them); warnings and notes are advice.
  const advice = useMemo(() => (policy.trim() === "" ? [] : lintPermissionPolicy(policy).filter((f) => f.severity !== "error")), [policy]);
  const open = values.inlinePolicy !== "" || Boolean(errors.inlinePolicy || errors.inlinePolicyName);

  return (
    <details open={open || undefined} className="rounded-md border px-4 py-3">
      <summary className="cursor-pointer text-sm font-medium">Inline permission policy (optional)</summary>
      <div className="mt-3 space-y-4">
        <p className="text-xs text-muted-foreground">
          A new gateway has no targets, so its role needs no permissions yet. Paste a policy here (for example the one generated for
          the gateway&apos;s targets) to add it with PutRolePolicy right after the role is created.
        </p>
        <Field id="role-inline-policy-name" label="Policy name" error={errors.inlinePolicyName}>
          {(p) => (
            <Input
              {...p}
              autoComplete="off"
              value={values.inlinePolicyName}
              onChange={(e) => set("inlinePolicyName", e.target.value)}
              onBlur={() => touch("inlinePolicyName")}
            />
          )}
        </Field>
        <Field id="role-inline-policy" label="Permission policy JSON" error={errors.inlinePolicy} hint="Leave empty to create the role without permissions.">
          {(p) => (
            <Textarea
              {...p}
              rows={8}
              spellCheck={false}
              className="font-mono text-xs"
              value={values.inlinePolicy}
              onChange={(e) => set("inlinePolicy", e.target.value)}
              onBlur={() => touch("inlinePolicy")}
            />
          )}
        </Field>
        <LintFindings findings={advice} label="Advice on the permission policy" />
      </div>
    </details>
  );
}
