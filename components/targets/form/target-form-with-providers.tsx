"use client";
// The target form with its credential provider lists, and inline creation of a provider that is then selected.
import { useState, type ComponentProps } from "react";
import { CreateProviderDialog } from "@/components/credential-providers/create-provider-dialog";
import type { ProviderOptions } from "./outbound-auth-section";
import { TargetForm } from "./target-form";

type Props = Omit<ComponentProps<typeof TargetForm>, "createProvider">;

export function TargetFormWithProviders(props: Props) {
  const [providers, setProviders] = useState<ProviderOptions>(props.providers);
  return (
    <TargetForm
      {...props}
      providers={providers}
      createProvider={(kind, select) => {
        const add = (p: { name: string; credentialProviderArn: string }) => {
          const option = { name: p.name, arn: p.credentialProviderArn };
          setProviders((cur) => ({ ...cur, [kind]: [...cur[kind].filter((o) => o.arn !== option.arn), option] }));
          select(option);
        };
        return kind === "apiKey" ? (
          <CreateProviderDialog kind="apiKey" triggerLabel="New API key provider" onCreated={add} />
        ) : (
          <CreateProviderDialog kind="oauth" triggerLabel="New OAuth provider" onCreated={add} />
        );
      }}
    />
  );
}
