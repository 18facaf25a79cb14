"use client";
// The gateway's execution role: a new least-privilege role made with the gateway, an existing role (with the linter's verdict), or an ARN.
import { buildGatewayTrustPolicy, formatPolicy } from "@/lib/policies/trust-policy";
import { ROLE_MODES } from "@/lib/schemas/gateway";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { pickerVerdict, type TrustedRole } from "./role-trust";
import type { GatewayFormApi } from "./use-gateway-form";
import { RadioCard } from "@/components/ui/radio-card";

/** A listed role: its trust policy text (checked here against the gateway name as it is typed) and the linter's general verdict. */
export type RoleOption = TrustedRole & { verdict: { level: "ok" | "warnings" | "errors"; label: string; messages: string[] } };

const MODE_LABELS: Record<(typeof ROLE_MODES)[number], { label: string; hint: string }> = {
  new: { label: "Create a new role", hint: "Made just before the gateway, trusting only gateways of this name." },
  existing: { label: "Use an existing role", hint: "A role of this account that trusts bedrock-agentcore." },
  arn: { label: "Enter a role ARN", hint: "Any role, for example in another path." },
};

export const defaultRoleName = (gatewayName: string) => `agentcore-${gatewayName.trim() || "gateway"}-role`;

function trustPreview(accountId: string | null, region: string, gatewayName: string): string | null {
  if (!accountId) return null;
  try {
    return formatPolicy(buildGatewayTrustPolicy({ accountId, region, gatewayName: gatewayName.trim() || undefined }));
  } catch {
    return null;
  }
}

export function RoleSection({ form, roles, accountId, region, locked }: { form: GatewayFormApi; roles: RoleOption[] | null; accountId: string | null; region: string; locked?: boolean }) {
  const { values, errors, set, bind } = form;
  const picked = roles?.find((r) => r.roleArn === values.roleArn);
  const name = values.name.trim();
  const trustOf = (r: RoleOption) => pickerVerdict(r, accountId, region, values.name);
  const pickedTrust = picked ? trustOf(picked) : undefined;
  const preview = values.roleMode === "new" ? trustPreview(accountId, region, values.name) : null;
  return (
    <div className="space-y-4">
      {locked ? null : (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Execution role</legend>
          <div className="grid grid-cols-3 gap-3">
            {ROLE_MODES.map((m) => (
              <RadioCard key={m} name="role-mode" checked={values.roleMode === m} onChange={() => set("roleMode", m)} label={MODE_LABELS[m].label} hint={MODE_LABELS[m].hint} />
            ))}
          </div>
        </fieldset>
      )}
      {values.roleMode === "new" ? (
        <>
          <Field id="new-role-name" label="New role name" required error={errors.newRoleName} hint="Up to 64 letters, digits and + = , . @ _ -. Its trust policy allows only this account's gateways of this name.">
            {(p) => <Input {...p} autoComplete="off" {...bind("newRoleName")} />}
          </Field>
          {preview ? (
            <details className="rounded-md border px-3 py-2 text-sm">
              <summary className="cursor-pointer font-medium">Trust policy the new role gets</summary>
              <div className="mt-2 flex justify-end">
                <CopyButton value={preview} label="Copy trust policy" />
              </div>
              <pre className="mt-2 overflow-auto rounded bg-muted/40 p-2 font-mono text-xs">{preview}</pre>
            </details>
          ) : null}
        </>
      ) : null}
      {values.roleMode === "existing" ? (
        <>
          <Field id="existing-role" label="Role" required error={errors.roleArn} hint={roles === null ? "Roles could not be listed; enter an ARN instead." : roles.length === 0 ? "No role of this account trusts bedrock-agentcore yet: create one." : undefined}>
            {(p) => (
              <Select {...p} value={values.roleArn} onChange={(e) => set("roleArn", e.target.value)}>
                <option value="">Choose a role…</option>
                {(roles ?? []).map((r) => (
                  <option key={r.roleArn} value={r.roleArn}>
                    {r.roleName} ({trustOf(r)?.trusts === false ? `would not trust ${name}` : r.verdict.label})
                  </option>
                ))}
              </Select>
            )}
          </Field>
          {picked && pickedTrust && !pickedTrust.trusts ? (
            <div className="space-y-2 rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm">
              <p role="status" className="font-medium">
                {pickedTrust.message}
              </p>
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  className="size-4"
                  checked={values.roleTrustOverride === true}
                  aria-invalid={errors.roleTrustOverride ? true : undefined}
                  aria-describedby={errors.roleTrustOverride ? "role-trust-override-error" : undefined}
                  onChange={(e) => set("roleTrustOverride", e.target.checked)}
                />
                Use it anyway (I will change its trust policy myself)
              </label>
              {errors.roleTrustOverride ? (
                <p id="role-trust-override-error" className="text-xs text-destructive">
                  {errors.roleTrustOverride}
                </p>
              ) : null}
            </div>
          ) : null}
          {picked && picked.verdict.level !== "ok" ? (
            <div role="status" className="space-y-1 rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
              <p className="flex items-center gap-2 font-medium">
                Trust policy of {picked.roleName} <Badge tone={picked.verdict.level === "errors" ? "danger" : "warning"}>{picked.verdict.label}</Badge>
              </p>
              <ul className="list-disc pl-5 text-xs">
                {picked.verdict.messages.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      ) : null}
      {values.roleMode === "arn" ? (
        <Field id="gateway-role-arn" label="Execution role ARN" required error={errors.roleArn} hint="The IAM role the gateway assumes to call its targets. It must trust bedrock-agentcore.amazonaws.com.">
          {(p) => (
            <Input
              {...p}
              autoComplete="off"
              placeholder="arn:aws:iam::123456789012:role/AgentCoreGatewayRole"
              {...bind("roleArn")}
            />
          )}
        </Field>
      ) : null}
    </div>
  );
}
