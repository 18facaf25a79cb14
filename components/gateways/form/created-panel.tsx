"use client";
// After a gateway is created with a quick-created Cognito client: what was made, and its secret, read only on Reveal or Copy.
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyValue } from "@/components/ui/copy-value";
import { DetailList, DetailRow } from "@/components/ui/detail-list";
import { ClientSecret } from "@/components/identity/client-secret";
import { TestTokenButton } from "@/components/identity/test-token";

export type CreatedWithCognito = {
  gatewayId: string;
  created: string[];
  cognito: { poolId: string; clientId: string; discoveryUrl: string; tokenEndpoint: string; scopes: string[] };
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
        <DetailList labelWidth="10rem">
          <DetailRow label="Discovery URL">
            <CopyValue value={cognito.discoveryUrl} label="Copy discovery URL" />
          </DetailRow>
          <DetailRow label="Token endpoint">
            <CopyValue value={cognito.tokenEndpoint} label="Copy token endpoint" />
          </DetailRow>
          <DetailRow label="Client id">
            <CopyValue value={cognito.clientId} label="Copy client id" />
          </DetailRow>
          <DetailRow label="Client secret">
            <ClientSecret poolId={cognito.poolId} clientId={cognito.clientId} />
            <p className="mt-1 text-xs text-muted-foreground">Copy it now for your callers. Later, reveal it from the Identity page.</p>
          </DetailRow>
          <DetailRow label="Scopes">
            <span className="font-mono text-xs">{cognito.scopes.join(" ")}</span>
          </DetailRow>
        </DetailList>
        <TestTokenButton poolId={cognito.poolId} clientId={cognito.clientId} />
        <Link href={`/gateways/${gatewayId}`} className={buttonVariants()}>
          Go to the gateway
        </Link>
      </CardContent>
    </Card>
  );
}
