"use client";
// The frame both create-provider forms share: form state on the shared schema, the name field, submit with its pending state, and the failure callout.
import { useRef, useState, useTransition, type ComponentProps, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { PROVIDER_NAME_MAX, PROVIDER_NOUN, type ProviderKind } from "@/lib/schemas/credential-provider";
import { useZodForm, type Validator, type ZodFormApi } from "@/components/forms/use-zod-form";
import type { StringPath } from "@/components/forms/field-path";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorCallout } from "@/components/ui/error-callout";

export type ProviderFormProps<P> = {
  onCreated: (provider: P) => void;
  onCancel?: () => void;
  /** Keeps ids unique when the form is on a page and in a dialog at once. */
  idPrefix?: string;
};

/** A write-only secret typed once: a password field that password managers leave alone. */
export function SecretInput(props: ComponentProps<typeof Input>) {
  return <Input {...props} type="password" autoComplete="new-password" spellCheck={false} data-1p-ignore data-lpignore="true" />;
}

export function ProviderForm<V extends { name: string }, P>({
  kind,
  schema,
  initial,
  create,
  onCreated,
  onCancel,
  idPrefix,
  children,
}: ProviderFormProps<P> & {
  kind: ProviderKind;
  schema: Validator;
  initial: V;
  create: (values: V) => Promise<ActionResult<P>>;
  idPrefix: string;
  /** The fields after the name. */
  children: (form: ZodFormApi<V>) => ReactNode;
}) {
  const noun = PROVIDER_NOUN[kind];
  const form = useZodForm<V>(schema, initial);
  const { values, errors, bind } = form;
  // V is generic here, so its paths are not known yet; every V has a string name.
  const NAME = "name" as StringPath<V>;
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
      const result = await create(values);
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
    <form ref={formRef} noValidate aria-label={`Create ${noun}`} className="space-y-5" onSubmit={submit}>
      {failure ? <ErrorCallout title={`The ${noun} was not created`} message={failure.message} errorName={failure.errorName} /> : null}
      <Field
        id={`${idPrefix}-name`}
        label="Name"
        required
        error={errors.name}
        hint={`Up to ${PROVIDER_NAME_MAX} letters, digits, hyphens and underscores; unique among the ${noun}s of this region.`}
      >
        {(p) => <Input {...p} autoComplete="off" spellCheck={false} {...bind(NAME)} />}
      </Field>
      {children(form)}
      <div className="flex items-center gap-3">
        <Button type="submit" aria-disabled={pending || undefined} disabled={pending}>
          {pending ? "Creating…" : `Create ${noun}`}
        </Button>
        {onCancel ? (
          <Button variant="outline" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <span className="sr-only" role="status" aria-live="polite">
          {pending ? `Creating the ${noun}` : ""}
        </span>
      </div>
    </form>
  );
}
