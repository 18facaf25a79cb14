"use client";
// Create/edit gateway form: validates as the user types with the shared schema, submits to a server action, keeps input on errors.
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { createGatewayAction, updateGatewayAction } from "@/lib/actions/gateways";
import type { GatewayFormValues } from "@/lib/schemas/gateway";
import { AUTHORIZER_TYPES, GATEWAY_DESCRIPTION_MAX } from "@/lib/schemas/constraints";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { ErrorCallout } from "../error-callout";
import { JwtSection } from "./jwt-section";
import { AdvancedSection, McpSection, TagsSection } from "./options-sections";
import { useGatewayForm } from "./use-gateway-form";

const AUTHORIZER_INFO: Record<(typeof AUTHORIZER_TYPES)[number], { label: string; hint: string }> = {
  CUSTOM_JWT: { label: "JSON Web Token (OAuth)", hint: "Callers send a bearer token from your identity provider (Cognito, Auth0, Okta, Entra ID…)." },
  AWS_IAM: { label: "AWS IAM", hint: "Callers sign requests with AWS credentials (SigV4)." },
  NONE: { label: "No authorization", hint: "Anyone who knows the URL can call the gateway. For tests only." },
};

type Props =
  | { mode: "create"; initial: GatewayFormValues }
  | { mode: "edit"; initial: GatewayFormValues; gatewayId: string; semanticLocked: boolean };

export function GatewayForm(props: Props) {
  const form = useGatewayForm(props.initial);
  const { values, errors, update, touch } = form;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<{ message: string; errorName?: string } | null>(null);
  const token = useRef<{ forValues: string; token: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const editing = props.mode === "edit";

  function focusFirstInvalid() {
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  function submit() {
    form.markSubmitted();
    setFailure(null);
    if (!form.isValid) {
      setFailure({ message: "Some fields need attention. Fix them and submit again." });
      focusFirstInvalid();
      return;
    }
    // The same submission (e.g. a retry after a network error) reuses its client token, so AWS creates one gateway only.
    const snapshot = JSON.stringify(values);
    if (!token.current || token.current.forValues !== snapshot) token.current = { forValues: snapshot, token: crypto.randomUUID() };
    const clientToken = token.current.token;
    startTransition(async () => {
      const result = props.mode === "create" ? await createGatewayAction(values, clientToken) : await updateGatewayAction(props.gatewayId, values);
      if (result.ok) {
        toast.success(props.mode === "create" ? `Gateway ${values.name} is being created.` : `Gateway ${values.name} is being updated.`);
        router.push(`/gateways/${result.data.gatewayId}`);
        router.refresh();
        return;
      }
      form.setServerErrors(result.fieldErrors);
      setFailure({ message: result.message, errorName: result.errorName });
      focusFirstInvalid();
    });
  }

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
        />
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>Gateway details</CardTitle>
        </CardHeader>
        <CardContent className="space-y-5">
          <Field id="gateway-name" label="Name" required error={errors.name} hint="Up to 48 letters, digits and hyphens; unique in the account and region.">
            {(p) => (
              <Input
                {...p}
                autoComplete="off"
                value={values.name}
                onChange={(e) => update("name", (d) => void (d.name = e.target.value))}
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
            {(p) => <Textarea {...p} rows={2} value={values.description} onChange={(e) => update("description", (d) => void (d.description = e.target.value))} />}
          </Field>
          <Field
            id="gateway-role-arn"
            label="Execution role ARN"
            required
            error={errors.roleArn}
            hint="The IAM role the gateway assumes to call its targets. It must trust bedrock-agentcore.amazonaws.com."
          >
            {(p) => (
              <Input
                {...p}
                autoComplete="off"
                placeholder="arn:aws:iam::123456789012:role/AgentCoreGatewayRole"
                value={values.roleArn}
                onChange={(e) => update("roleArn", (d) => void (d.roleArn = e.target.value))}
                onBlur={() => touch("roleArn")}
              />
            )}
          </Field>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Inbound auth</CardTitle>
        </CardHeader>
        <CardContent className="space-y-5">
          <fieldset className="space-y-2" aria-describedby={editing ? "authorizer-locked" : undefined}>
            <legend className="text-sm font-medium">Authorizer type</legend>
            {editing ? (
              <p id="authorizer-locked" className="text-xs text-muted-foreground">
                The authorizer type is fixed when a gateway is created and cannot be changed.
              </p>
            ) : null}
            <div className="grid grid-cols-3 gap-3">
              {AUTHORIZER_TYPES.map((t) => (
                <label
                  key={t}
                  className="flex cursor-pointer gap-2 rounded-md border p-3 text-sm has-[:checked]:border-ring has-[:checked]:bg-accent has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-70"
                >
                  <input
                    type="radio"
                    name="authorizerType"
                    value={t}
                    className="mt-0.5"
                    checked={values.authorizerType === t}
                    disabled={editing}
                    onChange={() => update("authorizerType", (d) => void (d.authorizerType = t))}
                  />
                  <span>
                    <span className="block font-medium">{AUTHORIZER_INFO[t].label}</span>
                    <span className="block text-xs text-muted-foreground">{AUTHORIZER_INFO[t].hint}</span>
                  </span>
                </label>
              ))}
            </div>
            {errors.authorizerType ? <p className="text-xs font-medium text-destructive">{errors.authorizerType}</p> : null}
          </fieldset>
          {values.authorizerType === "CUSTOM_JWT" ? <JwtSection form={form} /> : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>MCP</CardTitle>
        </CardHeader>
        <CardContent>
          <McpSection form={form} semanticLocked={props.mode === "edit" && props.semanticLocked} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Advanced</CardTitle>
        </CardHeader>
        <CardContent>
          <AdvancedSection form={form} />
        </CardContent>
      </Card>

      {editing ? null : (
        <Card>
          <CardHeader>
            <CardTitle>Tags</CardTitle>
          </CardHeader>
          <CardContent>
            <TagsSection form={form} />
          </CardContent>
        </Card>
      )}

      <div className="flex items-center gap-3">
        <Button type="submit" aria-disabled={pending || undefined} disabled={pending}>
          {pending ? (editing ? "Saving…" : "Creating…") : editing ? "Save changes" : "Create gateway"}
        </Button>
        <Button variant="outline" onClick={() => router.back()}>
          Cancel
        </Button>
        <span className="sr-only" role="status" aria-live="polite">
          {pending ? (editing ? "Saving the gateway" : "Creating the gateway") : ""}
        </span>
      </div>
    </form>
  );
}
