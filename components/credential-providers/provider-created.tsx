// What a user sees right after creating a provider: its ARN (and OAuth2 callback URL) to copy, and that the secret is gone for good.
import { CheckCircle2 } from "lucide-react";
import { useId, type ReactNode } from "react";
import type { CredentialProvider } from "@/lib/models/credential-providers";
import { vendorLabel } from "@/lib/schemas/credential-provider";
import { Callout } from "@/components/ui/alert";
import { CopyValue } from "@/components/ui/copy-value";

function CopyRow({ label, value, copyLabel }: { label: string; value: string | undefined; copyLabel: string }) {
  return (
    <div className="space-y-1">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="text-sm">
        <CopyValue value={value} label={copyLabel} />
      </dd>
    </div>
  );
}

export function ProviderCreated({ provider, children }: { provider: CredentialProvider; children?: ReactNode }) {
  const oauth = provider.kind === "oauth";
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="space-y-4">
      <p className="sr-only" role="status">
        Provider {provider.name} created.
      </p>
      <h2 id={titleId} className="flex items-center gap-2 text-base font-semibold">
        <CheckCircle2 className="size-5 text-success" aria-hidden="true" />
        {oauth ? "OAuth2" : "API key"} provider {provider.name} created
      </h2>
      <dl className="space-y-3">
        {oauth ? (
          <div className="space-y-1">
            <dt className="text-xs font-medium text-muted-foreground">Vendor</dt>
            <dd className="text-sm">{vendorLabel(provider.vendor)}</dd>
          </div>
        ) : null}
        <CopyRow label="Provider ARN" value={provider.credentialProviderArn} copyLabel="Copy provider ARN" />
        {oauth ? <CopyRow label="Callback URL" value={provider.callbackUrl} copyLabel="Copy callback URL" /> : null}
      </dl>
      <Callout tone="info">
        {oauth
          ? `Register the callback URL as an allowed redirect URI of your app at ${vendorLabel(provider.vendor)}. The client secret is stored in the token vault and will never be shown again.`
          : "The API key is stored in the token vault and will never be shown again, here or anywhere in the console. To change it, replace it with a new key."}
      </Callout>
      {children ? <div className="flex flex-wrap items-center gap-3">{children}</div> : null}
    </section>
  );
}
