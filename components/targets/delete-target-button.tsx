"use client";
// The target page's own Delete target: confirmed by name, then back to the targets list with a toast.
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { deleteTargetAction } from "@/lib/actions/targets";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-delete-dialog";

export function DeleteTargetButton({ gatewayId, targetId, name, disabled }: { gatewayId: string; targetId: string; name: string; disabled?: boolean }) {
  const router = useRouter();
  return (
    <ConfirmDeleteDialog
      kind="target"
      name={name}
      disabled={disabled}
      triggerLabel="Delete target"
      description="The gateway stops offering this target's tools at once."
      onConfirm={async (typed) => {
        const r = await deleteTargetAction(gatewayId, targetId, typed);
        if (!r.ok) return { ok: false, message: r.message, errorName: r.errorName };
        toast.success(`Target ${name} is being deleted.`);
        router.push(`/gateways/${gatewayId}/targets`);
        return { ok: true };
      }}
    />
  );
}
