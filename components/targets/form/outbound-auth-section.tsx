"use client";
// Outbound auth for a target: only the kinds its type supports; API key and OAuth pick a credential provider.
import type { ReactNode } from "react";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { OUTBOUND_AUTH_LABELS } from "@/lib/schemas/labels";
import {
  OAUTH_GRANT_TYPES,
  OUTBOUND_AUTH_BY_TYPE,
  type TargetFormValues,
} from "@/lib/schemas/target";
import type { ZodFormApi } from "@/components/forms/use-zod-form";
import { ListEditor } from "@/components/ui/list-editor";
import { RadioCard } from "@/components/ui/radio-card";

export type ProviderOption = { name: string; arn: string };
export type ProviderOptions = { apiKey: ProviderOption[]; oauth: ProviderOption[] };

const HINTS = {
  GATEWAY_IAM_ROLE: "The gateway signs requests with its execution role (SigV4).",
  API_KEY: "An API key kept in the AgentCore token vault is sent with every call.",
  OAUTH: "The gateway gets an OAuth access token from a credential provider.",
  NONE: "Calls go out without credentials. Not recommended.",
} as const;

function ProviderSelect({ id, label, options, value, error, onChange }: { id: string; label: string; options: ProviderOption[]; value: string; error?: string; onChange: (arn: string) => void }) {
  return (
    <Field id={id} label={label} required error={error} hint={options.length === 0 ? "No providers of this kind yet: create one." : undefined}>
      {(p) => (
        <Select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Choose a provider…</option>
          {/* The target's current provider stays shown even when it is not listed (deleted, or the list could not be read). */}
          {value && !options.some((o) => o.arn === value) ? <option value={value}>{`${value.split("/").pop()} (not found in this region)`}</option> : null}
          {options.map((o) => (
            <option key={o.arn} value={o.arn}>
              {o.name}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

type CreateProvider = (kind: "apiKey" | "oauth", onCreated: (p: ProviderOption) => void) => ReactNode;

/** The provider select of one auth kind, with the inline "create provider" control beside it. */
function ProviderPicker({ kind, id, label, form, providers, createProvider }: { kind: "apiKey" | "oauth"; id: string; label: string; form: ZodFormApi<TargetFormValues>; providers: ProviderOptions; createProvider?: CreateProvider }) {
  const { values, errors, set } = form;
  const field = `auth.${kind}.providerArn` as const;
  return (
    <div className="flex items-end gap-3">
      <div className="flex-1">
        <ProviderSelect id={id} label={label} options={providers[kind]} value={values.auth[kind].providerArn} error={errors[field]} onChange={(arn) => set(field, arn)} />
      </div>
      {createProvider?.(kind, (p) => set(field, p.arn))}
    </div>
  );
}

export function OutboundAuthSection({
  form,
  providers,
  createProvider,
}: {
  form: ZodFormApi<TargetFormValues>;
  providers: ProviderOptions;
  /** Renders an inline "create provider" control; it calls onCreated with the new provider. */
  createProvider?: CreateProvider;
}) {
  const { values, errors, set } = form;
  const allowed = OUTBOUND_AUTH_BY_TYPE[values.type];
  const a = values.auth;
  const needsSigningService = a.type === "GATEWAY_IAM_ROLE" && (values.type === "openApi" || values.type === "mcpServer");
  return (
    <div className="space-y-5">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Outbound auth</legend>
        <div className="grid grid-cols-2 gap-3">
          {allowed.map((t) => (
            <RadioCard key={t} name="outbound-auth" checked={a.type === t} onChange={() => set("auth.type", t)} label={OUTBOUND_AUTH_LABELS[t]} hint={HINTS[t]} />
          ))}
        </div>
        {errors["auth.type"] ? <p className="text-xs font-medium text-destructive">{errors["auth.type"]}</p> : null}
      </fieldset>

      {needsSigningService ? (
        <div className="grid grid-cols-2 gap-4">
          <Field id="auth-iam-service" label="Signing service" required error={errors["auth.iamService"]} hint="execute-api (API Gateway), lambda (function URL) or bedrock-agentcore (AgentCore Runtime).">
            {(p) => <Input {...p} value={a.iamService} onChange={(e) => set("auth.iamService", e.target.value)} />}
          </Field>
          <Field id="auth-iam-region" label="Signing region" error={errors["auth.iamRegion"]} hint="Leave empty for the gateway's region.">
            {(p) => <Input {...p} value={a.iamRegion} onChange={(e) => set("auth.iamRegion", e.target.value)} />}
          </Field>
        </div>
      ) : null}

      {a.type === "API_KEY" ? (
        <div className="space-y-4">
          <ProviderPicker kind="apiKey" id="auth-api-key-provider" label="API key provider" form={form} providers={providers} createProvider={createProvider} />
          <div className="grid grid-cols-3 gap-4">
            <Field id="auth-api-key-location" label="Sent in">
              {(p) => (
                <Select {...p} value={a.apiKey.location} onChange={(e) => set("auth.apiKey.location", e.target.value as "HEADER" | "QUERY_PARAMETER")}>
                  <option value="HEADER">Header</option>
                  <option value="QUERY_PARAMETER">Query parameter</option>
                </Select>
              )}
            </Field>
            <Field id="auth-api-key-name" label="Parameter name" error={errors["auth.apiKey.parameterName"]} hint={a.apiKey.location === "HEADER" ? "Default: Authorization" : "Default: api_key"}>
              {(p) => <Input {...p} value={a.apiKey.parameterName} onChange={(e) => set("auth.apiKey.parameterName", e.target.value)} />}
            </Field>
            <Field id="auth-api-key-prefix" label="Prefix" error={errors["auth.apiKey.prefix"]} hint="For example Bearer">
              {(p) => <Input {...p} value={a.apiKey.prefix} onChange={(e) => set("auth.apiKey.prefix", e.target.value)} />}
            </Field>
          </div>
        </div>
      ) : null}

      {a.type === "OAUTH" ? (
        <div className="space-y-4">
          <ProviderPicker kind="oauth" id="auth-oauth-provider" label="OAuth provider" form={form} providers={providers} createProvider={createProvider} />
          <Field id="auth-oauth-grant" label="Grant type" error={errors["auth.oauth.grantType"]}>
            {(p) => (
              <Select {...p} value={a.oauth.grantType} onChange={(e) => set("auth.oauth.grantType", e.target.value as (typeof OAUTH_GRANT_TYPES)[number])}>
                <option value="CLIENT_CREDENTIALS">Client credentials (machine to machine)</option>
                {values.type !== "smithy" ? <option value="AUTHORIZATION_CODE">Authorization code (on behalf of a user)</option> : null}
                {values.type !== "smithy" ? <option value="TOKEN_EXCHANGE">Token exchange (on behalf of the caller)</option> : null}
              </Select>
            )}
          </Field>
          {a.oauth.grantType === "AUTHORIZATION_CODE" ? (
            <Field id="auth-oauth-return-url" label="Return URL after consent" error={errors["auth.oauth.returnUrl"]}>
              {(p) => <Input {...p} value={a.oauth.returnUrl} onChange={(e) => set("auth.oauth.returnUrl", e.target.value)} />}
            </Field>
          ) : null}
          <ListEditor
            id="auth-oauth-scopes"
            label="Scopes"
            itemLabel="Scope"
            values={a.oauth.scopes}
            errors={a.oauth.scopes.map((_, i) => errors[`auth.oauth.scopes.${i}`])}
            listError={errors["auth.oauth.scopes"]}
            onChange={(l) => set("auth.oauth.scopes", l)}
          />
          <ListEditor
            id="auth-oauth-params"
            label="Custom parameters (name=value)"
            itemLabel="Custom parameter"
            hint="Extra parameters for the token request, one name=value per row."
            values={a.oauth.customParameters.map((p) => (p.key || p.value ? `${p.key}=${p.value}` : ""))}
            errors={a.oauth.customParameters.map((_, i) => errors[`auth.oauth.customParameters.${i}.key`])}
            listError={errors["auth.oauth.customParameters"]}
            onChange={(l) =>
              set(
                "auth.oauth.customParameters",
                l.map((row) => {
                  const at = row.indexOf("=");
                  return at < 0 ? { key: row, value: "" } : { key: row.slice(0, at), value: row.slice(at + 1) };
                }),
              )
            }
          />
        </div>
      ) : null}
    </div>
  );
}
