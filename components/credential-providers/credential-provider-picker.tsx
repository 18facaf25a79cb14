"use client";
// Picks an API key or OAuth2 credential provider by ARN (for a target's outbound auth), with an inline "create" dialog.
import { useMemo, useState } from "react";
import type { ApiKeyProvider, Oauth2Provider } from "@/lib/models/credential-providers";
import { PROVIDER_NOUN, vendorLabel, type ProviderKind } from "@/lib/schemas/credential-provider";
import { Select } from "@/components/ui/input";
import { CreateProviderDialog } from "./create-provider-dialog";

/** What the picker needs of a provider; ApiKeyProvider and Oauth2Provider from lib/aws fit as they are. */
export type CredentialProviderOption = { name: string; credentialProviderArn: string; vendor?: string; callbackUrl?: string };

export type CredentialProviderPickerProps = {
  kind: ProviderKind;
  /** The region's providers of this kind, e.g. `(await listCredentialProviders(region)).apiKey`. */
  providers: CredentialProviderOption[];
  /** The selected provider's ARN; "" for none. */
  value: string;
  onChange: (arn: string, provider: CredentialProviderOption | undefined) => void;
  /** Field wiring (spread the render props of <Field>): id, aria-invalid, aria-describedby. */
  id?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  disabled?: boolean;
  /** Offer "Create … provider" next to the list (default true); a provider created there is added and selected. */
  allowCreate?: boolean;
  onCreated?: (provider: ApiKeyProvider | Oauth2Provider) => void;
};


export function CredentialProviderPicker({ kind, providers, value, onChange, disabled, allowCreate = true, onCreated, ...field }: CredentialProviderPickerProps) {
  const [createdHere, setCreatedHere] = useState<CredentialProviderOption[]>([]);
  const options = useMemo(() => {
    const byArn = new Map<string, CredentialProviderOption>();
    for (const p of [...providers, ...createdHere]) byArn.set(p.credentialProviderArn, p);
    return [...byArn.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [providers, createdHere]);
  const selected = options.find((p) => p.credentialProviderArn === value);

  function created(p: ApiKeyProvider | Oauth2Provider) {
    setCreatedHere((l) => [...l, p]);
    onChange(p.credentialProviderArn, p);
    onCreated?.(p);
  }

  return (
    <div className="space-y-1.5">
      <div className="flex items-center gap-2">
        <Select
          {...field}
          disabled={disabled}
          value={value}
          onChange={(e) => onChange(e.target.value, options.find((p) => p.credentialProviderArn === e.target.value))}
        >
          <option value="">{options.length ? `Choose an ${PROVIDER_NOUN[kind]}…` : `No ${PROVIDER_NOUN[kind]}s in this region`}</option>
          {options.map((p) => (
            <option key={p.credentialProviderArn} value={p.credentialProviderArn}>
              {kind === "oauth" && p.vendor ? `${p.name} (${vendorLabel(p.vendor)})` : p.name}
            </option>
          ))}
          {value && !selected ? <option value={value}>{value.split("/").pop()} (not found in this region)</option> : null}
        </Select>
        {allowCreate ? (
          kind === "apiKey" ? (
            <CreateProviderDialog kind="apiKey" onCreated={created} disabled={disabled} />
          ) : (
            <CreateProviderDialog kind="oauth" onCreated={created} disabled={disabled} />
          )
        ) : null}
      </div>
      {selected ? <p className="break-all font-mono text-xs text-muted-foreground">{selected.credentialProviderArn}</p> : null}
    </div>
  );
}
