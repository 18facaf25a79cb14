"use client";
// Inbound JWT authorizer settings: discovery URL, allowed clients/audiences/scopes and custom claims.
import { Plus, X } from "lucide-react";
import { Callout } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { CLAIM_OPERATORS, CLAIM_VALUE_TYPES } from "@/lib/schemas/constraints";
import { cognitoAudienceWarning } from "@/lib/schemas/gateway";
import { ListEditor } from "@/components/ui/list-editor";
import type { GatewayFormApi } from "./use-gateway-form";

const JWT_LISTS = [
  { key: "allowedClients", id: "jwt-allowed-clients", label: "Allowed clients", itemLabel: "Allowed client", hint: "Checked against the token's client_id claim (what Cognito issues)." },
  { key: "allowedAudience", id: "jwt-allowed-audience", label: "Allowed audiences", itemLabel: "Allowed audience", hint: "Checked against the token's aud claim." },
  { key: "allowedScopes", id: "jwt-allowed-scopes", label: "Allowed scopes", itemLabel: "Allowed scope", hint: "The token must carry one of these scopes." },
] as const;

const rowErrors = (errors: Record<string, string>, prefix: string, n: number) => Array.from({ length: n }, (_, i) => errors[`${prefix}.${i}`]);

export function JwtSection({ form }: { form: GatewayFormApi }) {
  const { values, errors, set, bind } = form;
  const jwt = values.jwt;
  const warning = cognitoAudienceWarning(values);
  return (
    <div className="space-y-5">
      <Field
        id="jwt-discovery-url"
        label="Discovery URL"
        required
        error={errors["jwt.discoveryUrl"]}
        hint="The identity provider's OpenID Connect discovery document, ending in /.well-known/openid-configuration."
      >
        {(p) => (
          <Input
            {...p}
            type="url"
            inputMode="url"
            placeholder="https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEfGhI/.well-known/openid-configuration"
            {...bind("jwt.discoveryUrl")}
          />
        )}
      </Field>
      <p className="text-xs text-muted-foreground">A token is accepted when it matches every list you fill in. Fill at least one.</p>
      <div className="grid grid-cols-2 gap-6">
        {JWT_LISTS.map(({ key, id, label, itemLabel, hint }) => (
          <ListEditor
            key={key}
            id={id}
            label={label}
            itemLabel={itemLabel}
            hint={hint}
            values={jwt[key]}
            errors={rowErrors(errors, `jwt.${key}`, jwt[key].length)}
            listError={errors[`jwt.${key}`]}
            onChange={(l) => set(`jwt.${key}`, l)}
          />
        ))}
      </div>
      {warning ? (
        <Callout tone="warning" role="status">
          <strong className="font-medium">Cognito tokens have no aud claim. </strong>
          {warning}
        </Callout>
      ) : null}
      <CustomClaims form={form} />
    </div>
  );
}

function CustomClaims({ form }: { form: GatewayFormApi }) {
  const { values, errors, update } = form;
  const claims = values.jwt.customClaims;
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">Custom claims</legend>
      <p className="text-xs text-muted-foreground">Require a claim in the token to equal or contain given values.</p>
      {claims.map((c, i) => {
        const k = `jwt.customClaims.${i}` as const;
        const edit = (mutate: (claim: (typeof claims)[number]) => void) => update(k, mutate);
        return (
          <div key={i} className="grid grid-cols-[1fr_11rem_11rem_1fr_auto] items-start gap-2 rounded-md border p-3">
            <Field id={`${k}-name`} label={`Claim ${i + 1} name`} error={errors[`${k}.name`]}>
              {(p) => <Input {...p} value={c.name} placeholder="department" onChange={(e) => edit((x) => void (x.name = e.target.value))} />}
            </Field>
            <Field id={`${k}-type`} label={`Claim ${i + 1} type`} error={errors[`${k}.valueType`]}>
              {(p) => (
                <Select {...p} value={c.valueType} onChange={(e) =>
                    edit((x) => {
                      // Keep the operator valid for the type: EQUALS for STRING, CONTAINS / CONTAINS_ANY for STRING_ARRAY.
                      x.valueType = e.target.value as typeof c.valueType;
                      if (x.valueType === "STRING") x.operator = "EQUALS";
                      else if (x.operator === "EQUALS") x.operator = "CONTAINS";
                    })
                  }>
                  {CLAIM_VALUE_TYPES.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </Select>
              )}
            </Field>
            <Field id={`${k}-operator`} label={`Claim ${i + 1} match`} error={errors[`${k}.operator`]}>
              {(p) => (
                <Select {...p} value={c.operator} onChange={(e) => edit((x) => void (x.operator = e.target.value as typeof c.operator))}>
                  {CLAIM_OPERATORS.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </Select>
              )}
            </Field>
            <Field
              id={`${k}-values`}
              label={`Claim ${i + 1} value${c.operator === "CONTAINS_ANY" ? "s (comma-separated)" : ""}`}
              error={form.errorFor(`${k}.values`)}
            >
              {(p) => (
                <Input
                  {...p}
                  value={c.values.join(", ")}
                  placeholder={c.operator === "CONTAINS_ANY" ? "engineering, research" : "engineering"}
                  onChange={(e) => edit((x) => void (x.values = e.target.value === "" ? [] : e.target.value.split(",").map((s) => s.trimStart())))}
                />
              )}
            </Field>
            <Button variant="ghost" size="icon" className="mt-6" aria-label={`Remove claim ${i + 1}`} onClick={() => update("jwt.customClaims", (list) => void list.splice(i, 1))}>
              <X aria-hidden="true" />
            </Button>
          </div>
        );
      })}
      <Button
        variant="outline"
        size="sm"
        onClick={() => update("jwt.customClaims", (list) => void list.push({ name: "", valueType: "STRING", operator: "EQUALS", values: [] }))}
      >
        <Plus aria-hidden="true" /> Add custom claim
      </Button>
    </fieldset>
  );
}
