"use client";
// Create/edit target form: a type picker, the chosen type's settings, outbound auth; validated as the user types.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition, type ReactNode } from "react";
import { toast } from "sonner";
import { createTargetAction, updateTargetAction } from "@/lib/actions/targets";
import { TARGET_TYPE_LABELS } from "@/lib/schemas/labels";
import { OUTBOUND_AUTH_BY_TYPE, TARGET_DESCRIPTION_MAX, TARGET_TYPES, targetSchema, targetValuesToSubmit, type TargetFormValues } from "@/lib/schemas/target";
import { useZodForm } from "@/components/forms/use-zod-form";
import { useSubmission } from "@/components/forms/use-submission";
import { DraftNotice } from "@/components/forms/draft-notice";
import { FOCUS_PARAM } from "@/components/forms/focus-from-url";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle, TitledCard } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { ErrorCallout } from "@/components/ui/error-callout";
import { ApiGatewaySection } from "./api-gateway-section";
import { LambdaFunctionPicker } from "./lambda-function-picker";
import { OutboundAuthSection, type ProviderOption, type ProviderOptions } from "./outbound-auth-section";
import { SchemaSourceField } from "./schema-source-field";

const TOOL_SCHEMA_PLACEHOLDER = `[
  {
    "name": "get_order",
    "description": "Look up an order by id",
    "inputSchema": {
      "type": "object",
      "properties": { "orderId": { "type": "string" } },
      "required": ["orderId"]
    }
  }
]`;

type Props = {
  gatewayId: string;
  /** Create a new target, or edit the one with `targetId`. */
  mode: "create" | "edit";
  targetId?: string;
  initial: TargetFormValues;
  providers: ProviderOptions;
  createProvider?: (kind: "apiKey" | "oauth", onCreated: (p: ProviderOption) => void) => ReactNode;
};

/** The two target types described by one schema document: how its field is labelled and which files it takes. */
const SCHEMA_DOCUMENTS = {
  openApi: {
    label: "OpenAPI document",
    inlineHint: "OpenAPI 3.0 or 3.1, JSON or YAML. Each operation becomes a tool named after its operationId.",
    accept: ".json,.yaml,.yml,application/json,application/yaml",
  },
  smithy: {
    label: "Smithy model",
    inlineHint: "A Smithy JSON AST model with a service shape; its operations become tools.",
    accept: ".json,application/json",
  },
} as const;

export function TargetForm(props: Props) {
  const draftKey = props.mode === "edit" ? `target:${props.gatewayId}:${props.targetId}` : `target:${props.gatewayId}:new`;
  const form = useZodForm<TargetFormValues>(targetSchema, props.initial, { draft: { key: draftKey } });
  const { values, errors, change, bind } = form;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { formRef, failure, fail, begin, clientToken: tokenForSubmission } = useSubmission(form, values);
  const editing = props.mode === "edit";

  function submit() {
    if (!begin()) return;
    const clientToken = tokenForSubmission();
    const sent = targetValuesToSubmit(values);
    startTransition(async () => {
      let r: Awaited<ReturnType<typeof createTargetAction>>;
      try {
        r =
          props.mode === "edit" && props.targetId
            ? await updateTargetAction(props.gatewayId, props.targetId, sent)
            : await createTargetAction(props.gatewayId, sent, clientToken);
      } catch {
        // The request itself failed (network, or a body the server refused): keep everything typed and say so.
        fail({ message: "The console could not send the form to its server (the connection failed or the request was refused). Nothing was lost: submit again." });
        return;
      }
      if (r.ok) {
        form.draft.clear();
        toast.success(editing ? `Target ${values.name} is being updated.` : `Target ${values.name} is being created.`);
        // Focus lands on the target's row in the list (FocusFromUrl), not at the top of a new page.
        router.push(`/gateways/${props.gatewayId}/targets?${FOCUS_PARAM}=${encodeURIComponent(r.data.targetId)}`);
        router.refresh();
        return;
      }
      form.setServerErrors(r.fieldErrors);
      fail({ message: r.message, errorName: r.errorName });
    });
  }

  return (
    <form ref={formRef} noValidate aria-label={editing ? "Edit target" : "Add target"} className="space-y-6" onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}>
      {failure ? <ErrorCallout title={editing ? "The target was not updated" : "The target was not created"} message={errors._form ? `${failure.message} ${errors._form}` : failure.message} errorName={failure.errorName} retry={submit} retrying={pending} /> : null}
      <DraftNotice draft={form.draft} />
      <TitledCard title="Target" contentClassName="space-y-5">
        <Field id="target-name" label="Name" required error={errors.name} hint="Letters, digits and single hyphens; unique in this gateway. Tool names are prefixed with it.">
          {(p) => <Input {...p} autoComplete="off" {...bind("name")} />}
        </Field>
        <Field id="target-description" label="Description" error={errors.description} hint={`${values.description.length}/${TARGET_DESCRIPTION_MAX} characters.`}>
          {(p) => <Textarea {...p} rows={2} {...bind("description")} />}
        </Field>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Target type</legend>
          {editing ? <p className="text-xs text-muted-foreground">The type of a target is fixed once it is created.</p> : null}
          <div className="grid grid-cols-5 gap-2">
            {TARGET_TYPES.map((t) => (
              <label key={t} className="flex cursor-pointer items-center gap-2 rounded-md border p-2.5 text-sm has-[:checked]:border-ring has-[:checked]:bg-accent has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-70">
                <input
                  type="radio"
                  name="target-type"
                  checked={values.type === t}
                  disabled={editing}
                  onChange={() =>
                    change("type", (d) => {
                      d.type = t;
                      // Each type starts from its usual outbound auth (API key for OpenAPI, the role for Lambda…).
                      d.auth.type = OUTBOUND_AUTH_BY_TYPE[t][0];
                    })
                  }
                />
                {TARGET_TYPE_LABELS[t].label}
              </label>
            ))}
          </div>
        </fieldset>
      </TitledCard>

      <Card>
        <CardHeader>
          <CardTitle>{TARGET_TYPE_LABELS[values.type].label}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-5">
          {values.type === "lambda" ? (
            <>
              <LambdaFunctionPicker form={form} />
              <Field id="lambda-arn" label="Lambda function ARN" required error={errors["lambda.arn"]} hint="The gateway's role needs lambda:InvokeFunction on it (see the Permissions tab).">
                {(p) => (
                  <Input
                    {...p}
                    placeholder="arn:aws:lambda:us-east-1:123456789012:function:order-tools"
                    {...bind("lambda.arn")}
                  />
                )}
              </Field>
              <SchemaSourceField
                base="lambda"
                label="Tool schema"
                inlineHint="A JSON array of tool definitions: name, description, inputSchema (and optionally outputSchema)."
                placeholder={TOOL_SCHEMA_PLACEHOLDER}
                accept=".json,application/json"
                form={form}
              />
            </>
          ) : null}
          {values.type === "openApi" || values.type === "smithy" ? <SchemaSourceField key={values.type} base={values.type} {...SCHEMA_DOCUMENTS[values.type]} form={form} /> : null}
          {values.type === "mcpServer" ? (
            <Field id="mcp-endpoint" label="MCP server endpoint" required error={errors["mcpServer.endpoint"]} hint="The server's streamable HTTP endpoint, over https. Synchronize after it changes its tools.">
              {(p) => (
                <Input
                  {...p}
                  type="url"
                  placeholder="https://mcp.example.com/mcp"
                  {...bind("mcpServer.endpoint")}
                />
              )}
            </Field>
          ) : null}
          {values.type === "apiGateway" ? <ApiGatewaySection form={form} /> : null}
        </CardContent>
      </Card>

      <TitledCard title="Outbound auth">
        <OutboundAuthSection form={form} providers={props.providers} createProvider={props.createProvider} />
      </TitledCard>

      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending} aria-disabled={pending || undefined}>
          {pending ? (editing ? "Saving…" : "Adding…") : editing ? "Save target" : "Add target"}
        </Button>
        {/* A link, not history.back(): the form may be the first page of the tab. */}
        <Link
          href={editing && props.targetId ? `/gateways/${props.gatewayId}/targets/${props.targetId}` : `/gateways/${props.gatewayId}/targets`}
          className={buttonVariants({ variant: "outline" })}
          onClick={form.draft.clear}
        >
          Cancel
        </Link>
        <span className="sr-only" role="status" aria-live="polite">
          {pending ? "Saving the target" : ""}
        </span>
      </div>
    </form>
  );
}
