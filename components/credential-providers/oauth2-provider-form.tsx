"use client";
// Create an OAuth2 provider: vendor, the vendor's settings, client id and the write-only client secret; one schema on both sides.
import { useRef, useState, useTransition, type FormEvent } from "react";
import { createOauth2ProviderAction } from "@/lib/actions/credential-providers";
import type { Oauth2Provider } from "@/lib/aws/credential-providers";
import { emptyOauth2ProviderForm, oauth2ProviderSchema, PROVIDER_NAME_MAX, type Oauth2ProviderFormValues } from "@/lib/schemas/credential-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorCallout } from "@/components/gateways/error-callout";
import { VendorFields, VendorSelect } from "./oauth2-vendor-fields";
import { useProviderForm } from "./use-provider-form";

export function Oauth2ProviderForm({
  onCreated,
  onCancel,
  idPrefix = "oauth2-provider",
}: {
  onCreated: (provider: Oauth2Provider) => void;
  onCancel?: () => void;
  idPrefix?: string;
}) {
  const form = useProviderForm<Oauth2ProviderFormValues>(oauth2ProviderSchema, emptyOauth2ProviderForm());
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
      const result = await createOauth2ProviderAction(values);
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
    <form ref={formRef} noValidate aria-label="Create OAuth2 provider" className="space-y-5" onSubmit={submit}>
      {failure ? <ErrorCallout title="The OAuth2 provider was not created" message={failure.message} errorName={failure.errorName} /> : null}
      <Field
        id={`${idPrefix}-name`}
        label="Name"
        required
        error={errors.name}
        hint={`Up to ${PROVIDER_NAME_MAX} letters, digits, hyphens and underscores; unique among the OAuth2 providers of this region.`}
      >
        {(p) => <Input {...p} autoComplete="off" spellCheck={false} value={values.name} onChange={(e) => set("name", e.target.value)} onBlur={() => touch("name")} />}
      </Field>
      <VendorSelect form={form} idPrefix={idPrefix} />
      <VendorFields form={form} idPrefix={idPrefix} />
      <div className="grid gap-5 md:grid-cols-2">
        <Field id={`${idPrefix}-clientId`} label="Client ID" required error={errors.clientId} hint="From the app you registered with the vendor.">
          {(p) => <Input {...p} autoComplete="off" spellCheck={false} value={values.clientId} onChange={(e) => set("clientId", e.target.value)} onBlur={() => touch("clientId")} />}
        </Field>
        <Field id={`${idPrefix}-clientSecret`} label="Client secret" required error={errors.clientSecret} hint="Stored in the token vault; sent once and never shown again.">
          {(p) => (
            <Input
              {...p}
              type="password"
              autoComplete="new-password"
              spellCheck={false}
              data-1p-ignore
              data-lpignore="true"
              value={values.clientSecret}
              onChange={(e) => set("clientSecret", e.target.value)}
              onBlur={() => touch("clientSecret")}
            />
          )}
        </Field>
      </div>
      <p className="text-xs text-muted-foreground">
        After creation you get the provider&apos;s callback URL: register it as a redirect URI of your app at the vendor.
      </p>
      <div className="flex items-center gap-3">
        <Button type="submit" aria-disabled={pending || undefined} disabled={pending}>
          {pending ? "Creating…" : "Create OAuth2 provider"}
        </Button>
        {onCancel ? (
          <Button variant="outline" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <span className="sr-only" role="status" aria-live="polite">
          {pending ? "Creating the OAuth2 provider" : ""}
        </span>
      </div>
    </form>
  );
}
