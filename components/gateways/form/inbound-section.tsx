"use client";
// Inbound auth: the authorizer type and, for JWT, where tokens come from (a new Cognito pool, an existing one, any OIDC provider).
import { AUTHORIZER_TYPES } from "@/lib/schemas/constraints";
import { JWT_SOURCES } from "@/lib/schemas/gateway";
import { AUTHORIZER_TYPE_LABELS } from "@/lib/schemas/labels";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { CognitoClientPicker } from "@/components/identity/pool-client-picker";
import { VerifyDiscoveryButton } from "@/components/identity/verify-discovery-button";
import { JwtSection } from "./jwt-section";
import type { GatewayFormApi } from "./use-gateway-form";
import { RadioCard } from "@/components/ui/radio-card";

const AUTHORIZER_HINTS: Record<(typeof AUTHORIZER_TYPES)[number], string> = {
  CUSTOM_JWT: "Callers send a bearer token from your identity provider (Cognito, Auth0, Okta, Entra ID…).",
  AWS_IAM: "Callers sign requests with AWS credentials (SigV4).",
  NONE: "Anyone who knows the URL can call the gateway. For tests only.",
};

const SOURCE_INFO: Record<(typeof JWT_SOURCES)[number], { label: string; hint: string }> = {
  "cognito-new": { label: "Quick-create Cognito", hint: "A user pool, domain, scopes and a client-credentials client, made with the gateway." },
  "cognito-existing": { label: "Existing Cognito pool", hint: "Pick a user pool and one of its app clients." },
  oidc: { label: "Another OIDC provider", hint: "Auth0, Okta, Entra ID, Keycloak… by discovery URL." },
};

function CognitoNames({ form }: { form: GatewayFormApi }) {
  const { values, errors, set } = form;
  const fields = [
    ["poolName", "User pool name"],
    ["domainPrefix", "Domain prefix"],
    ["resourceServerIdentifier", "Resource server identifier"],
    ["scopes", "Scopes (space-separated)"],
    ["clientName", "App client name"],
  ] as const;
  return (
    <details className="rounded-md border px-3 py-2" open={fields.some(([k]) => errors[`cognito.${k}`])}>
      <summary className="cursor-pointer text-sm font-medium">Names of what will be created</summary>
      <div className="mt-3 grid grid-cols-2 gap-4">
        {fields.map(([k, label]) => (
          <Field key={k} id={`cognito-${k}`} label={label} error={errors[`cognito.${k}`]}>
            {(p) => <Input {...p} value={values.cognito[k]} onChange={(e) => set(`cognito.${k}`, e.target.value)} />}
          </Field>
        ))}
      </div>
    </details>
  );
}

export function InboundSection({ form, editing }: { form: GatewayFormApi; editing: boolean }) {
  const { values, errors, set, update } = form;
  return (
    <div className="space-y-5">
      <fieldset className="space-y-2" aria-describedby={editing ? "authorizer-locked" : undefined}>
        <legend className="text-sm font-medium">Authorizer type</legend>
        {editing ? (
          <p id="authorizer-locked" className="text-xs text-muted-foreground">
            The authorizer type is fixed when a gateway is created and cannot be changed.
          </p>
        ) : null}
        <div className="grid grid-cols-3 gap-3">
          {AUTHORIZER_TYPES.map((t) => (
            <RadioCard key={t} name="authorizerType" value={t} checked={values.authorizerType === t} disabled={editing} onChange={() => set("authorizerType", t)} label={AUTHORIZER_TYPE_LABELS[t].label} hint={AUTHORIZER_HINTS[t]} />
          ))}
        </div>
        {errors.authorizerType ? <p className="text-xs font-medium text-destructive">{errors.authorizerType}</p> : null}
      </fieldset>

      {values.authorizerType === "CUSTOM_JWT" && !editing ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Identity provider</legend>
          <div className="grid grid-cols-3 gap-3">
            {JWT_SOURCES.map((s) => (
              <RadioCard key={s} name="jwt-source" checked={values.jwtSource === s} onChange={() => set("jwtSource", s)} label={SOURCE_INFO[s].label} hint={SOURCE_INFO[s].hint} />
            ))}
          </div>
        </fieldset>
      ) : null}

      {values.authorizerType === "CUSTOM_JWT" && values.jwtSource === "cognito-new" && !editing ? (
        <div className="space-y-3">
          <p className="text-sm text-muted-foreground">
            The gateway will accept access tokens of the new app client (its id goes in Allowed clients: Cognito tokens carry client_id, not aud). After creation, its secret is read only when you press Reveal or Copy.
          </p>
          <CognitoNames form={form} />
        </div>
      ) : null}

      {values.authorizerType === "CUSTOM_JWT" && values.jwtSource === "cognito-existing" && !editing ? (
        <div className="space-y-3">
          <CognitoClientPicker
            idPrefix="gateway-cognito"
            onChange={(picked) =>
              update("jwt", (jwt) => {
                jwt.discoveryUrl = picked?.discoveryUrl ?? "";
                jwt.allowedClients = picked ? [picked.clientId] : [""];
              })
            }
          />
          {errors["jwt.discoveryUrl"] ? <p className="text-xs font-medium text-destructive">{errors["jwt.discoveryUrl"]}</p> : null}
          {values.jwt.discoveryUrl ? <JwtSection form={form} /> : null}
        </div>
      ) : null}

      {values.authorizerType === "CUSTOM_JWT" && (values.jwtSource === "oidc" || editing) ? (
        <div className="space-y-3">
          <JwtSection form={form} />
          <VerifyDiscoveryButton url={values.jwt.discoveryUrl.trim()} />
        </div>
      ) : null}
    </div>
  );
}
