"use client";
// The OAuth2 form's vendor picker and the fields each vendor needs: custom discovery (URL or metadata), Microsoft's tenant, tenant endpoints.
import type { ReactNode } from "react";
import {
  CREDENTIAL_PROVIDER_VENDORS,
  TOKEN_AUTH_METHODS,
  VENDORS,
  type CredentialProviderVendor,
  type DiscoveryMode,
  type Oauth2ProviderFormValues,
} from "@/lib/schemas/credential-provider";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { ZodFormApi } from "@/components/forms/use-zod-form";
import { RadioCard } from "@/components/ui/radio-card";

type Form = ZodFormApi<Oauth2ProviderFormValues>;

const COMMON = CREDENTIAL_PROVIDER_VENDORS.filter((v) => VENDORS[v].common).sort((a, b) => (a === "CustomOauth2" ? 1 : b === "CustomOauth2" ? -1 : 0));
const MORE = CREDENTIAL_PROVIDER_VENDORS.filter((v) => !VENDORS[v].common).sort((a, b) => VENDORS[a].label.localeCompare(VENDORS[b].label));

export function VendorSelect({ form, idPrefix }: { form: Form; idPrefix: string }) {
  return (
    <Field
      id={`${idPrefix}-vendor`}
      label="Provider"
      required
      error={form.errors.vendor}
      hint="Who issues the tokens. Built-in vendors need only your app's client credentials; Custom takes any OAuth2 or OpenID Connect server."
    >
      {(p) => (
        <Select {...p} value={form.values.vendor} onChange={(e) => form.set("vendor", e.target.value as CredentialProviderVendor)}>
          <optgroup label="Common">
            {COMMON.map((v) => (
              <option key={v} value={v}>
                {VENDORS[v].label}
              </option>
            ))}
          </optgroup>
          <optgroup label="More vendors">
            {MORE.map((v) => (
              <option key={v} value={v}>
                {VENDORS[v].label}
              </option>
            ))}
          </optgroup>
        </Select>
      )}
    </Field>
  );
}

function UrlField({ form, idPrefix, name, label, hint, placeholder, required }: { form: Form; idPrefix: string; name: "discoveryUrl" | "issuer" | "authorizationEndpoint" | "tokenEndpoint"; label: string; hint?: ReactNode; placeholder: string; required?: boolean }) {
  return (
    <Field id={`${idPrefix}-${name}`} label={label} required={required} error={form.errors[name]} hint={hint}>
      {(p) => (
        <Input
          {...p}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={form.values[name]}
          onChange={(e) => form.set(name, e.target.value)}
          onBlur={() => form.touch(name)}
        />
      )}
    </Field>
  );
}

function CustomDiscovery({ form, idPrefix }: { form: Form; idPrefix: string }) {
  const { values, set } = form;
  const modes: { value: DiscoveryMode; label: string; hint: string }[] = [
    { value: "discoveryUrl", label: "Discovery URL", hint: "The server publishes its OpenID Connect or OAuth 2.0 metadata." },
    { value: "metadata", label: "Authorization server metadata", hint: "Enter the issuer and endpoints yourself." },
  ];
  const methodsError = form.errorFor("tokenEndpointAuthMethods");
  return (
    <div className="space-y-5">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Describe the authorization server by</legend>
        <div className="grid grid-cols-2 gap-3">
          {modes.map((m) => (
            <RadioCard key={m.value} name={`${idPrefix}-discovery-mode`} value={m.value} checked={values.discoveryMode === m.value} onChange={() => set("discoveryMode", m.value)} label={m.label} hint={m.hint} />
          ))}
        </div>
      </fieldset>
      {values.discoveryMode === "discoveryUrl" ? (
        <UrlField
          form={form}
          idPrefix={idPrefix}
          name="discoveryUrl"
          label="Discovery URL"
          required
          placeholder="https://idp.example.com/.well-known/openid-configuration"
          hint="Ends with /.well-known/openid-configuration or /.well-known/oauth-authorization-server."
        />
      ) : (
        <>
          <UrlField form={form} idPrefix={idPrefix} name="issuer" label="Issuer" required placeholder="https://idp.example.com" />
          <UrlField form={form} idPrefix={idPrefix} name="authorizationEndpoint" label="Authorization endpoint" required placeholder="https://idp.example.com/oauth2/authorize" />
          <UrlField form={form} idPrefix={idPrefix} name="tokenEndpoint" label="Token endpoint" required placeholder="https://idp.example.com/oauth2/token" />
          <Field id={`${idPrefix}-responseTypes`} label="Response types" error={form.errors.responseTypes} hint="Comma-separated, e.g. code, code id_token. Leave empty to let the service decide.">
            {(p) => <Input {...p} autoComplete="off" spellCheck={false} value={values.responseTypes} onChange={(e) => set("responseTypes", e.target.value)} onBlur={() => form.touch("responseTypes")} />}
          </Field>
          <fieldset className="space-y-2" aria-describedby={methodsError ? `${idPrefix}-methods-error` : undefined}>
            <legend className="text-sm font-medium">Token endpoint auth methods</legend>
            <p className="text-xs text-muted-foreground">How the client authenticates at the token endpoint. None checked: the service default.</p>
            <div className="flex gap-4">
              {TOKEN_AUTH_METHODS.map((m) => (
                <label key={m} className="flex items-center gap-2 font-mono text-sm">
                  <input
                    type="checkbox"
                    checked={values.tokenEndpointAuthMethods.includes(m)}
                    aria-invalid={methodsError ? true : undefined}
                    onChange={(e) =>
                      set("tokenEndpointAuthMethods", e.target.checked ? [...values.tokenEndpointAuthMethods, m] : values.tokenEndpointAuthMethods.filter((x) => x !== m))
                    }
                  />
                  {m}
                </label>
              ))}
            </div>
            {methodsError ? (
              <p id={`${idPrefix}-methods-error`} className="text-xs font-medium text-destructive">
                {methodsError}
              </p>
            ) : null}
          </fieldset>
        </>
      )}
    </div>
  );
}

/** The fields that depend on the chosen vendor (nothing more for Google, GitHub, Slack, Salesforce, Atlassian, LinkedIn). */
export function VendorFields({ form, idPrefix }: { form: Form; idPrefix: string }) {
  const info = VENDORS[form.values.vendor];
  if (!info) return null;
  if (info.member === "customOauth2ProviderConfig") return <CustomDiscovery form={form} idPrefix={idPrefix} />;
  if (info.member === "microsoftOauth2ProviderConfig") {
    return (
      <Field
        id={`${idPrefix}-tenantId`}
        label="Tenant"
        error={form.errors.tenantId}
        hint="Your Entra ID directory (tenant) ID or domain, e.g. contoso.onmicrosoft.com. Leave empty for multi-tenant apps (common)."
      >
        {(p) => <Input {...p} autoComplete="off" spellCheck={false} {...form.bind("tenantId")} />}
      </Field>
    );
  }
  if (info.member === "includedOauth2ProviderConfig") {
    return (
      <div className="space-y-5">
        <UrlField
          form={form}
          idPrefix={idPrefix}
          name="issuer"
          label="Issuer"
          required={info.needsIssuer}
          placeholder={info.issuerExample ?? "https://idp.example.com"}
          hint={info.needsIssuer ? `The issuer URL of your ${info.label} tenant.` : `Only for a dedicated ${info.label} tenant; leave empty for the public service.`}
        />
        <div className="grid gap-5 md:grid-cols-2">
          <UrlField form={form} idPrefix={idPrefix} name="authorizationEndpoint" label="Authorization endpoint" placeholder="https://…/authorize" hint="Optional; give both endpoints or neither." />
          <UrlField form={form} idPrefix={idPrefix} name="tokenEndpoint" label="Token endpoint" placeholder="https://…/token" hint="Optional; give both endpoints or neither." />
        </div>
      </div>
    );
  }
  return <p className="text-sm text-muted-foreground">AgentCore Identity already knows {info.label}&apos;s authorization server: only your app&apos;s client ID and secret are needed.</p>;
}
