"use client";
// Create an API key provider: a name and the key, typed once; validated as typed with the shared schema, re-checked by the server action.
import { useRef, useState, useTransition, type FormEvent } from "react";
import { createApiKeyProviderAction } from "@/lib/actions/credential-providers";
import type { ApiKeyProvider } from "@/lib/aws/credential-providers";
import { apiKeyProviderSchema, emptyApiKeyProviderForm, PROVIDER_NAME_MAX, type ApiKeyProviderFormValues } from "@/lib/schemas/credential-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorCallout } from "@/components/gateways/error-callout";
import { useProviderForm } from "./use-provider-form";

export function ApiKeyProviderForm({
  onCreated,
  onCancel,
  idPrefix = "api-key-provider",
}: {
  onCreated: (provider: ApiKeyProvider) => void;
  onCancel?: () => void;
  /** Keeps ids unique when the form is on a page and in a dialog at once. */
  idPrefix?: string;
}) {
  const form = useProviderForm<ApiKeyProviderFormValues>(apiKeyProviderSchema, emptyApiKeyProviderForm());
  const { values, errors, set, touch } = form;
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<{ message: string; errorName?: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const focusFirstInvalid = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  function submit(e: FormEvent) {
    e.preventDefault();
    // In a dialog this form is rendered in a portal inside another form's React tree: keep the submit to itself.
    e.stopPropagation();
    if (pending) return;
    form.markSubmitted();
    setFailure(null);
    if (!form.isValid) {
      setFailure({ message: "Some fields need attention. Fix them and submit again." });
      focusFirstInvalid();
      return;
    }
    startTransition(async () => {
      const result = await createApiKeyProviderAction(values);
      if (result.ok) {
        onCreated(result.data);
        return;
      }
      form.setServerErrors(result.fieldErrors);
      setFailure({ message: result.fieldErrors._form ? `${result.message} ${result.fieldErrors._form}` : result.message, errorName: result.errorName });
      focusFirstInvalid();
    });
  }

  return (
    <form ref={formRef} noValidate aria-label="Create API key provider" className="space-y-5" onSubmit={submit}>
      {failure ? <ErrorCallout title="The API key provider was not created" message={failure.message} errorName={failure.errorName} /> : null}
      <Field
        id={`${idPrefix}-name`}
        label="Name"
        required
        error={errors.name}
        hint={`Up to ${PROVIDER_NAME_MAX} letters, digits, hyphens and underscores; unique among the API key providers of this region.`}
      >
        {(p) => <Input {...p} autoComplete="off" spellCheck={false} value={values.name} onChange={(e) => set("name", e.target.value)} onBlur={() => touch("name")} />}
      </Field>
      <Field
        id={`${idPrefix}-key`}
        label="API key"
        required
        error={errors.apiKey}
        hint="Stored encrypted in the AgentCore Identity token vault (AWS Secrets Manager). It is sent once and never shown again, not even here: keep your own copy if you need one."
      >
        {(p) => (
          <Input
            {...p}
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            data-1p-ignore
            data-lpignore="true"
            value={values.apiKey}
            onChange={(e) => set("apiKey", e.target.value)}
            onBlur={() => touch("apiKey")}
          />
        )}
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" aria-disabled={pending || undefined} disabled={pending}>
          {pending ? "Creating…" : "Create API key provider"}
        </Button>
        {onCancel ? (
          <Button variant="outline" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <span className="sr-only" role="status" aria-live="polite">
          {pending ? "Creating the API key provider" : ""}
        </span>
      </div>
    </form>
  );
}
