"use client";
// After a gateway is created with a quick-created Cognito client: what was made, and its secret, read only on Reveal or Copy.
import Link from "next/link";
import { useEffect, useState } from "react";
import { waitForDomainAction } from "@/lib/actions/gateways";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyRow } from "@/components/ui/copy-value";
import { DetailList, DetailRow } from "@/components/ui/detail-list";
import { ClientSecret } from "@/components/identity/client-secret";
import { TestTokenButton } from "@/components/identity/test-token";

export type CreatedWithCognito = {
  gatewayId: string;
  created: string[];
  cognito: { poolId: string; clientId: string; domain?: string; discoveryUrl: string; tokenEndpoint: string; scopes: string[] };
};

/** The gateway did not wait for the Cognito domain; the test token does, polling until the domain is ACTIVE. */
function useDomainActive(poolId: string, domain: string | undefined): { active: boolean; problem?: string } {
  const [state, setState] = useState<{ active: boolean; problem?: string }>({ active: !domain });
  useEffect(() => {
    if (!domain) return;
    let stop = false;
    void (async () => {
      for (let i = 0; i < 30 && !stop; i++) {
        const r = await waitForDomainAction(poolId, domain);
        if (stop) return;
        if (!r.ok) return setState({ active: false, problem: r.message });
        if (r.data.active) return setState({ active: true });
      }
      if (!stop) setState({ active: false, problem: `The domain ${domain} is not ACTIVE yet. Get a test token from the Identity page later.` });
    })();
    return () => {
      stop = true;
    };
  }, [poolId, domain]);
  return state;
}

export function CreatedPanel({ gatewayId, created, cognito }: CreatedWithCognito) {
  const domain = useDomainActive(cognito.poolId, cognito.domain);
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
          <CopyRow label="Discovery URL" value={cognito.discoveryUrl} copyLabel="Copy discovery URL" />
          <CopyRow label="Token endpoint" value={cognito.tokenEndpoint} copyLabel="Copy token endpoint" />
          <CopyRow label="Client id" value={cognito.clientId} copyLabel="Copy client id" />
          <DetailRow label="Client secret">
            <ClientSecret poolId={cognito.poolId} clientId={cognito.clientId} />
            <p className="mt-1 text-xs text-muted-foreground">Copy it now for your callers. Later, reveal it from the Identity page.</p>
          </DetailRow>
          <DetailRow label="Scopes">
            <span className="font-mono text-xs">{cognito.scopes.join(" ")}</span>
          </DetailRow>
        </DetailList>
        {domain.active ? (
          <TestTokenButton poolId={cognito.poolId} clientId={cognito.clientId} />
        ) : (
          <p role="status" className="text-sm text-muted-foreground">
            {domain.problem ?? `Waiting for the domain ${cognito.domain} to become ACTIVE before a test token can be issued…`}
          </p>
        )}
        <Link prefetch={false} href={`/gateways/${gatewayId}`} className={buttonVariants()}>
          Go to the gateway
        </Link>
      </CardContent>
    </Card>
  );
}
