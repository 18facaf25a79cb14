"use client";
import { useState } from "react";
import { CredentialProviderPicker, type CredentialProviderOption } from "@/components/credential-providers/credential-provider-picker";

export function PickerHarness({ apiKey, oauth }: { apiKey: CredentialProviderOption[]; oauth: CredentialProviderOption[] }) {
  const [a, setA] = useState("");
  const [o, setO] = useState("");
  const [outerSubmits, setOuterSubmits] = useState(0);
  return (
    <form onSubmit={(e) => { e.preventDefault(); setOuterSubmits((n) => n + 1); }} className="space-y-4">
      <label htmlFor="pa">API key provider</label>
      <CredentialProviderPicker id="pa" kind="apiKey" providers={apiKey} value={a} onChange={(arn) => setA(arn)} />
      <label htmlFor="po">OAuth provider</label>
      <CredentialProviderPicker id="po" kind="oauth" providers={oauth} value={o} onChange={(arn) => setO(arn)} />
      <p data-testid="state">{JSON.stringify({ a, o, outerSubmits })}</p>
    </form>
  );
}
