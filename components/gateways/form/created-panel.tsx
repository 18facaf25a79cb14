"use client";
// After a gateway is created with a quick-created Cognito client: what was made, and the client secret shown once.
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { ClientSecret } from "@/components/identity/client-secret";
import { TestTokenButton } from "@/components/identity/test-token";

export type CreatedWithCognito = {
  gatewayId: string;
  created: string[];
  cognito: { poolId: string; clientId: string; clientSecret: string; discoveryUrl: string; tokenEndpoint: string; scopes: string[] };
};

export function CreatedPanel({ gatewayId, created, cognito }: CreatedWithCognito) {
  return (
    <Card className="max-w-4xl">
      <CardHeader>
        <CardTitle>Gateway created</CardTitle>
      </CardHeader>
      <CardContent className="space-y-5">
        <div>
          <h3 className="text-sm font-medium">Created</h3>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {created.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
        <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-3 text-sm">
          <dt className="text-muted-foreground">Discovery URL</dt>
          <dd className="flex items-center gap-2">
            <code className="break-all font-mono text-xs">{cognito.discoveryUrl}</code>
            <CopyButton value={cognito.discoveryUrl} label="Copy discovery URL" />
          </dd>
          <dt className="text-muted-foreground">Token endpoint</dt>
          <dd className="flex items-center gap-2">
            <code className="break-all font-mono text-xs">{cognito.tokenEndpoint}</code>
            <CopyButton value={cognito.tokenEndpoint} label="Copy token endpoint" />
          </dd>
          <dt className="text-muted-foreground">Client id</dt>
          <dd className="flex items-center gap-2">
            <code className="font-mono text-xs">{cognito.clientId}</code>
            <CopyButton value={cognito.clientId} label="Copy client id" />
          </dd>
          <dt className="text-muted-foreground">Client secret</dt>
          <dd>
            <ClientSecret secret={cognito.clientSecret} />
            <p className="mt-1 text-xs text-muted-foreground">Shown once here. Later, reveal it from the Identity page.</p>
          </dd>
          <dt className="text-muted-foreground">Scopes</dt>
          <dd className="font-mono text-xs">{cognito.scopes.join(" ")}</dd>
        </dl>
        <TestTokenButton poolId={cognito.poolId} clientId={cognito.clientId} />
        <Link href={`/gateways/${gatewayId}`} className={buttonVariants()}>
          Go to the gateway
        </Link>
      </CardContent>
    </Card>
  );
}
