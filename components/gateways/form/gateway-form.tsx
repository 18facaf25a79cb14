"use client";
// Create/edit gateway form: validates as the user types with the shared schema, submits to a server action, keeps input on errors.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { toast } from "sonner";
import { createGatewayAction, updateGatewayAction, type CreateGatewayData } from "@/lib/actions/gateways";
import type { ActionResult } from "@/lib/actions/result";
import type { GatewayFormValues } from "@/lib/schemas/gateway";
import type { ProvisionReport } from "@/lib/schemas/provision";
import { GATEWAY_DESCRIPTION_MAX } from "@/lib/schemas/constraints";
import { Button, buttonVariants } from "@/components/ui/button";
import { TitledCard } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { ErrorCallout } from "@/components/ui/error-callout";
import { useSubmission } from "@/components/forms/use-submission";
import { CreatedPanel, type CreatedWithCognito } from "./created-panel";
import { InboundSection } from "./inbound-section";
import { defaultRoleName, RoleSection, type RoleOption } from "./role-section";
import { AdvancedSection, McpSection, TagsSection } from "./options-sections";
import { roleTrustContext } from "./role-trust";
import { GATEWAY_CREATE_DRAFT, useGatewayForm } from "./use-gateway-form";
import { PlanSteps } from "./plan-steps";
import { DraftNotice } from "@/components/forms/draft-notice";
import { FocusOnMount } from "@/components/forms/focus-on-mount";

type Context = { roles?: RoleOption[] | null; accountId?: string | null; region?: string };
type Props =
  | ({ mode: "create"; initial: GatewayFormValues } & Context)
  | ({ mode: "edit"; initial: GatewayFormValues; gatewayId: string; semanticLocked: boolean } & Context);

export function GatewayForm(props: Props) {
  const { roles = null, accountId = null, region = "" } = props;
  const roleTrust = useMemo(() => roleTrustContext(roles, accountId, region), [roles, accountId, region]);
  const form = useGatewayForm(props.initial, roleTrust, props.mode === "create" ? { draft: { key: GATEWAY_CREATE_DRAFT } } : undefined);
  const { values, errors, change, bind, touch } = form;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [created, setCreated] = useState<CreatedWithCognito | null>(null);
  // The plan's progress: sent back with a resubmit, so the same plan resumes instead of starting over.
  const [report, setReport] = useState<ProvisionReport | undefined>(undefined);
  const { formRef, failure, fail, begin, clientToken: tokenForSubmission } = useSubmission(form, values);
  const editing = props.mode === "edit";

  function submit() {
    if (!begin()) return;
    const clientToken = tokenForSubmission();
    startTransition(async () => {
      const result: ActionResult<{ gatewayId: string } & Partial<CreateGatewayData>> =
        props.mode === "create" ? await createGatewayAction(values, clientToken, report) : await updateGatewayAction(props.gatewayId, values);
      if (result.ok) {
        form.draft.clear();
        toast.success(props.mode === "create" ? `Gateway ${values.name} is being created.` : `Gateway ${values.name} is being updated.`);
        // A quick-created Cognito client is shown here before moving on (its secret only on Reveal).
        const { cognito, created: made } = result.data;
        if (cognito) return setCreated({ gatewayId: result.data.gatewayId, created: made ?? [], cognito });
        router.push(`/gateways/${result.data.gatewayId}`);
        router.refresh();
        return;
      }
      form.setServerErrors(result.fieldErrors);
      fail({ message: result.message, errorName: result.errorName });
      if (result.report) setReport(result.report);
    });
  }

  if (created)
    return (
      <FocusOnMount label="Gateway created">
        <CreatedPanel {...created} />
      </FocusOnMount>
    );

  return (
    <form
      ref={formRef}
      noValidate
      aria-label={editing ? "Edit gateway" : "Create gateway"}
      className="max-w-4xl space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {failure ? (
        <ErrorCallout
          title={editing ? "The gateway was not updated" : "The gateway was not created"}
          message={errors._form ? `${failure.message} ${errors._form}` : failure.message}
          errorName={failure.errorName}
          retry={submit}
          retrying={pending}
        />
      ) : null}
      <DraftNotice draft={form.draft} />

      <TitledCard title="Gateway details" contentClassName="space-y-5">
        <Field id="gateway-name" label="Name" required error={errors.name} hint="Up to 48 letters, digits and hyphens; unique in the account and region.">
          {(p) => (
            <Input
              {...p}
              autoComplete="off"
              value={values.name}
              onChange={(e) =>
                change("name", (d) => {
                  // The new role's name follows the gateway's until the user types one of their own.
                  if (d.newRoleName === "" || d.newRoleName === defaultRoleName(d.name)) d.newRoleName = defaultRoleName(e.target.value);
                  d.name = e.target.value;
                })
              }
              onBlur={() => touch("name")}
            />
          )}
        </Field>
        <Field
          id="gateway-description"
          label="Description"
          error={errors.description}
          hint={`${values.description.length}/${GATEWAY_DESCRIPTION_MAX} characters.`}
        >
          {(p) => <Textarea {...p} rows={2} {...bind("description")} />}
        </Field>
        <RoleSection form={form} roles={props.roles ?? null} accountId={props.accountId ?? null} region={props.region ?? ""} locked={editing} />
      </TitledCard>

      <TitledCard title="Inbound auth">
        <InboundSection form={form} editing={editing} />
      </TitledCard>

      <TitledCard title="MCP">
        <McpSection form={form} semanticLocked={props.mode === "edit" && props.semanticLocked} />
      </TitledCard>

      <TitledCard title="Advanced">
        <AdvancedSection form={form} />
      </TitledCard>

      {editing ? null : (
        <TitledCard title="Tags">
          <TagsSection form={form} />
        </TitledCard>
      )}

      {!editing && (pending || report) ? (
        <PlanSteps input={{ newRole: values.roleMode === "new", cognito: values.authorizerType === "CUSTOM_JWT" && values.jwtSource === "cognito-new" }} report={report} running={pending} />
      ) : null}

      <div className="flex items-center gap-3">
        <Button type="submit" aria-disabled={pending || undefined} disabled={pending}>
          {pending ? (editing ? "Saving…" : "Creating…") : editing ? "Save changes" : "Create gateway"}
        </Button>
        {/* A link, not history.back(): the form may be the first page of the tab. */}
        <Link href={props.mode === "edit" ? `/gateways/${props.gatewayId}` : "/gateways"} className={buttonVariants({ variant: "outline" })} onClick={form.draft.clear}>
          Cancel
        </Link>
        <span className="sr-only" role="status" aria-live="polite">
          {pending ? (editing ? "Saving the gateway" : "Creating the gateway") : ""}
        </span>
      </div>
    </form>
  );
}
