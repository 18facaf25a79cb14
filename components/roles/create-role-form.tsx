"use client";
// "Create execution role": role and gateway names with a live trust-policy preview, then CreateRole (+ inline policy) on submit.
import { useEffect, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { createExecutionRoleAction, type CreatedRole as Created } from "@/lib/actions/roles";
import { emptyExecutionRoleForm, ROLE_DESCRIPTION_MAX } from "@/lib/schemas/role";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { ErrorCallout } from "@/components/ui/error-callout";
import { CreatedRole } from "./created-role";
import { InlinePolicyFields } from "./inline-policy-fields";
import { TrustPolicyPreview } from "./trust-policy-preview";
import { useRoleForm } from "./use-role-form";

type Failure = { message: string; errorName?: string; partial?: { roleName: string; roleArn: string; created: string[] } };

export function CreateRoleForm({ accountId, region }: { accountId: string; region: string }) {
  const form = useRoleForm(emptyExecutionRoleForm());
  const { values, errors, set, bind, touch } = form;
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // Focus moves once the errors are on screen, i.e. after React commits them (a transition may commit late).
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);
  const focusFirstInvalid = () => setFocusRequest((n) => n + 1);

  function submit() {
    form.markSubmitted();
    setFailure(null);
    setCreated(null);
    if (!form.isValid) {
      setFailure({ message: "Some fields need attention. Fix them and submit again." });
      focusFirstInvalid();
      return;
    }
    startTransition(async () => {
      const result = await createExecutionRoleAction(values);
      if (result.ok) {
        setCreated(result.data);
        toast.success(result.data.created.length ? `Role ${result.data.roleName} was created.` : `Role ${result.data.roleName} already exists.`);
        return;
      }
      form.setServerErrors(result.fieldErrors);
      const made = result.provisioned;
      const partial = made?.roleName && made.roleArn ? { roleName: made.roleName, roleArn: made.roleArn, created: made.created } : undefined;
      setFailure({ message: result.message, errorName: result.errorName, partial });
      focusFirstInvalid();
    });
  }

  return (
    <form
      ref={formRef}
      noValidate
      aria-label="Create execution role"
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {failure ? (
        <ErrorCallout
          title={failure.partial ? "The role was created, but not finished" : "The role was not created"}
          message={failure.message}
          errorName={failure.errorName}
        />
      ) : null}
      {created ? <CreatedRole {...created} /> : null}
      {failure?.partial ? <CreatedRole {...failure.partial} reused={failure.partial.created.length === 0} /> : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-5">
          <Field id="role-name" label="Role name" required error={errors.roleName} hint="Up to 64 letters, digits and + = , . @ _ -; unique in the account, ignoring case.">
            {(p) => (
              <Input {...p} autoComplete="off" {...bind("roleName")} />
            )}
          </Field>
          <Field
            id="role-gateway-name"
            label="Gateway name"
            error={errors.gatewayName}
            hint={`Trust only gateways created with this name. Leave empty to trust any gateway of account ${accountId} in ${region}.`}
          >
            {(p) => (
              <Input
                {...p}
                autoComplete="off"
                placeholder="orders"
                value={values.gatewayName}
                onChange={(e) => set("gatewayName", e.target.value)}
                onBlur={() => touch("gatewayName")}
              />
            )}
          </Field>
          <Field id="role-description" label="Description" error={errors.description} hint={`${values.description.length}/${ROLE_DESCRIPTION_MAX} characters.`}>
            {(p) => <Textarea {...p} rows={2} value={values.description} onChange={(e) => set("description", e.target.value)} />}
          </Field>
          <InlinePolicyFields form={form} />
          <div className="flex items-center gap-3">
            <Button type="submit" aria-disabled={pending || undefined} disabled={pending}>
              {pending ? "Creating…" : "Create role"}
            </Button>
            <span className="sr-only" role="status" aria-live="polite">
              {pending ? "Creating the role" : ""}
            </span>
          </div>
        </div>
        <TrustPolicyPreview accountId={accountId} region={region} gatewayName={values.gatewayName} roleName={values.roleName} />
      </div>
    </form>
  );
}
