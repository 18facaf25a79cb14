"use client";
// Create an API key provider: a name and the key, typed once; validated as typed with the shared schema, re-checked by the server action.
import { createApiKeyProviderAction } from "@/lib/actions/credential-providers";
import type { ApiKeyProvider } from "@/lib/models/credential-providers";
import { apiKeyProviderSchema, emptyApiKeyProviderForm } from "@/lib/schemas/credential-provider";
import { Field } from "@/components/ui/field";
import { ProviderForm, SecretInput, type ProviderFormProps } from "./provider-form";

export function ApiKeyProviderForm({ idPrefix = "api-key-provider", ...props }: ProviderFormProps<ApiKeyProvider>) {
  return (
    <ProviderForm kind="apiKey" schema={apiKeyProviderSchema} initial={emptyApiKeyProviderForm()} create={createApiKeyProviderAction} idPrefix={idPrefix} {...props}>
      {({ errors, bind }) => (
        <Field
          id={`${idPrefix}-key`}
          label="API key"
          required
          error={errors.apiKey}
          hint="Stored encrypted in the AgentCore Identity token vault (AWS Secrets Manager). It is sent once and never shown again, not even here: keep your own copy if you need one."
        >
          {(p) => <SecretInput {...p} {...bind("apiKey")} />}
        </Field>
      )}
    </ProviderForm>
  );
}
