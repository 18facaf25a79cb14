"use client";
// Delete a gateway after the user types its name; AWS's refusal while targets exist is explained.
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { deleteGatewayAction } from "@/lib/actions/gateways";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-delete-dialog";

export function DeleteGatewayDialog({ gatewayId, name, disabled }: { gatewayId: string; name: string; disabled?: boolean }) {
  const router = useRouter();
  return (
    <ConfirmDeleteDialog
      kind="gateway"
      name={name}
      disabled={disabled}
      description="Agents using its URL stop working at once. This cannot be undone. A gateway that still has targets cannot be deleted: delete its targets first."
      onConfirm={async (typed) => {
        const r = await deleteGatewayAction(gatewayId, typed);
        if (r.ok) {
          toast.success(`Gateway ${name} is being deleted.`);
          router.push("/gateways");
          router.refresh();
          return { ok: true };
        }
        const hasTargets = r.errorName === "ConflictException";
        return { ok: false, message: hasTargets ? `${r.message} Delete the gateway's targets first, then delete the gateway.` : r.message, errorName: r.errorName };
      }}
    />
  );
}
