"use client";
// Delete a gateway after the user types its name, with the role and pool made for it; each deletion is reported.
import { useCallback, useRef } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { deleteGatewayWithResourcesAction } from "@/lib/actions/gateway-cleanup";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-delete-dialog";
import { DeletionReport, GatewayCleanupChoices, type CleanupChoice } from "./gateway-cleanup-choices";

export function DeleteGatewayDialog({ gatewayId, name, disabled }: { gatewayId: string; name: string; disabled?: boolean }) {
  const router = useRouter();
  const choice = useRef<CleanupChoice>({});
  const onChange = useCallback((c: CleanupChoice) => {
    choice.current = c;
  }, []);
  return (
    <ConfirmDeleteDialog
      kind="gateway"
      name={name}
      disabled={disabled}
      description="Agents using its URL stop working at once. This cannot be undone. A gateway that still has targets cannot be deleted: delete its targets first."
      onConfirm={async (typed) => {
        const r = await deleteGatewayWithResourcesAction(gatewayId, typed, choice.current);
        if (r.ok) {
          const failed = r.data.outcomes.some((o) => o.outcome === "failed");
          const report = <DeletionReport outcomes={r.data.outcomes} />;
          if (failed) toast.error(`Gateway ${name} is being deleted; something else was not.`, { description: report, duration: Infinity, closeButton: true });
          else toast.success(`Gateway ${name} is being deleted.`, { description: report, duration: 10_000 });
          router.push("/gateways");
          router.refresh();
          return { ok: true };
        }
        const hasTargets = r.errorName === "ConflictException";
        return { ok: false, message: hasTargets ? `${r.message} Delete the gateway's targets first, then delete the gateway.` : r.message, errorName: r.errorName };
      }}
    >
      <GatewayCleanupChoices gatewayId={gatewayId} onChange={onChange} />
    </ConfirmDeleteDialog>
  );
}
