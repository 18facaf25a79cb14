"use client";
// Picks an existing pool and app client and hands their discovery URL and client id to the gateway form.
import Link from "next/link";
import { useState } from "react";
import { newGatewayHref } from "@/lib/schemas/cognito";
import { buttonVariants } from "@/components/ui/button";
import { CopyValue } from "@/components/ui/copy-value";
import { CognitoClientPicker, type PickedCognitoClient } from "./pool-client-picker";
import { VerifyDiscoveryButton } from "./verify-discovery-button";

export function UseExistingPool() {
  const [picked, setPicked] = useState<PickedCognitoClient | null>(null);
  return (
    <div className="space-y-4">
      <CognitoClientPicker idPrefix="existing-pool" onChange={setPicked} />
      {picked ? (
        <div className="space-y-3 rounded-md border p-4 text-sm">
          <dl className="space-y-2">
            {[
              { term: "Discovery URL", value: picked.discoveryUrl, copy: "Copy discovery URL of the chosen pool" },
              { term: "Allowed client", value: picked.clientId, copy: "Copy client id of the chosen client" },
            ].map((row) => (
              <div key={row.term} className="grid grid-cols-[9rem_1fr] items-center gap-2">
                <dt className="text-muted-foreground">{row.term}</dt>
                <dd className="min-w-0">
                  <CopyValue value={row.value} label={row.copy} />
                </dd>
              </div>
            ))}
          </dl>
          <div className="flex flex-wrap items-start gap-3">
            <Link href={newGatewayHref(picked.discoveryUrl, picked.clientId)} className={buttonVariants({ size: "sm" })}>
              Use in a new gateway
            </Link>
            <VerifyDiscoveryButton url={picked.discoveryUrl} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
