"use client";
// "Tighten trust to this gateway": replaces the name-pattern trust of a role the console made with the gateway's exact ARN.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { tightenRoleTrustAction } from "@/lib/actions/role-trust";
import { Button } from "@/components/ui/button";
import { TitledCard } from "@/components/ui/card";
import { ErrorCallout } from "@/components/ui/error-callout";
import { PolicyDiff } from "./policy-diff";

export type TightenTrustOffer = { roleName: string; before: string; after: string };

export function TightenTrust({ gatewayId, gatewayName, offer }: { gatewayId: string; gatewayName: string; offer: TightenTrustOffer }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [failure, setFailure] = useState<{ message: string; errorName?: string } | null>(null);
  return (
    <TitledCard title="Trust policy" contentClassName="space-y-3">
      <p className="max-w-3xl text-sm">
        The console made <code className="font-mono">{offer.roleName}</code> before the gateway existed, so its trust allows any gateway named {gatewayName} in this
        account and region. Now that the gateway exists, the trust can name its exact ARN.
      </p>
      <h3 className="text-sm font-medium">Changes tightening would make to the trust policy of {offer.roleName}</h3>
      <PolicyDiff before={offer.before} after={offer.after} />
      <Button
        disabled={pending}
        onClick={() =>
          start(async () => {
            setFailure(null);
            const r = await tightenRoleTrustAction(gatewayId);
            if (r.ok) {
              toast.success(`${r.data.roleName} now trusts only this gateway.`);
              router.refresh();
            } else setFailure({ message: r.message, errorName: r.errorName });
          })
        }
      >
        {pending ? "Tightening…" : "Tighten trust to this gateway"}
      </Button>
      {failure ? <ErrorCallout title="The trust was not tightened" message={failure.message} errorName={failure.errorName} /> : null}
    </TitledCard>
  );
}
