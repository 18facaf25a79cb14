"use client";
// "Apply to role": PutRolePolicy of the generated policy, then a fresh comparison.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { applyGatewayPermissionsAction } from "@/lib/actions/permissions";
import { Button } from "@/components/ui/button";
import { ErrorCallout } from "@/components/ui/error-callout";

export function ApplyPolicyButton({ gatewayId, roleName, upToDate }: { gatewayId: string; roleName: string; upToDate: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [failure, setFailure] = useState<{ message: string; errorName?: string } | null>(null);
  return (
    <div className="space-y-3">
      <Button
        disabled={pending}
        onClick={() =>
          start(async () => {
            setFailure(null);
            const r = await applyGatewayPermissionsAction(gatewayId);
            if (r.ok) {
              toast.success(`Policy ${r.data.policyName} applied to role ${r.data.roleName}.`);
              router.refresh();
            } else setFailure({ message: r.message, errorName: r.errorName });
          })
        }
      >
        {pending ? "Applying…" : upToDate ? `Apply again to ${roleName}` : `Apply to role ${roleName}`}
      </Button>
      {failure ? <ErrorCallout title="The policy was not applied" message={failure.message} errorName={failure.errorName} /> : null}
    </div>
  );
}
