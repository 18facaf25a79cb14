"use client";
// Create an OAuth2 provider: vendor, the vendor's settings, client id and the write-only client secret; one schema on both sides.
import { createOauth2ProviderAction } from "@/lib/actions/credential-providers";
import type { Oauth2Provider } from "@/lib/models/credential-providers";
import { emptyOauth2ProviderForm, oauth2ProviderSchema } from "@/lib/schemas/credential-provider";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { VendorFields, VendorSelect } from "./oauth2-vendor-fields";
import { ProviderForm, SecretInput, type ProviderFormProps } from "./provider-form";

export function Oauth2ProviderForm({ idPrefix = "oauth2-provider", ...props }: ProviderFormProps<Oauth2Provider>) {
  return (
    <ProviderForm kind="oauth" schema={oauth2ProviderSchema} initial={emptyOauth2ProviderForm()} create={createOauth2ProviderAction} idPrefix={idPrefix} {...props}>
      {(form) => (
        <>
          <VendorSelect form={form} idPrefix={idPrefix} />
          <VendorFields form={form} idPrefix={idPrefix} />
          <div className="grid gap-5 md:grid-cols-2">
            <Field id={`${idPrefix}-clientId`} label="Client ID" required error={form.errors.clientId} hint="From the app you registered with the vendor.">
              {(p) => <Input {...p} autoComplete="off" spellCheck={false} {...form.bind("clientId")} />}
            </Field>
            <Field id={`${idPrefix}-clientSecret`} label="Client secret" required error={form.errors.clientSecret} hint="Stored in the token vault; sent once and never shown again.">
              {(p) => <SecretInput {...p} {...form.bind("clientSecret")} />}
            </Field>
          </div>
          <p className="text-xs text-muted-foreground">
            After creation you get the provider&apos;s callback URL: register it as a redirect URI of your app at the vendor.
          </p>
        </>
      )}
    </ProviderForm>
  );
}
