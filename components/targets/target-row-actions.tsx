"use client";
// Per-target actions: synchronize (MCP servers) and delete after typing the name.
import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { deleteTargetAction, synchronizeTargetAction } from "@/lib/actions/targets";
import { Button } from "@/components/ui/button";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-delete-dialog";

export function TargetRowActions({ gatewayId, targetId, name, canSync, busy }: { gatewayId: string; targetId: string; name: string; canSync: boolean; busy: boolean }) {
  const router = useRouter();
  const [syncing, start] = useTransition();
  return (
    <div className="flex justify-end gap-2">
      {canSync ? (
        <Button
          variant="outline"
          size="sm"
          disabled={busy || syncing}
          aria-label={`Synchronize ${name}`}
          onClick={() =>
            start(async () => {
              const r = await synchronizeTargetAction(gatewayId, targetId);
              if (r.ok) toast.success(`Synchronizing ${name}: its tools are being refreshed.`);
              else toast.error(`${r.message}${r.errorName ? ` (${r.errorName})` : ""}`);
              router.refresh();
            })
          }
        >
          <RefreshCw aria-hidden="true" /> Sync
        </Button>
      ) : null}
      <ConfirmDeleteDialog
        kind="target"
        name={name}
        triggerSize="sm"
        triggerLabel={`Delete ${name}`}
        description="The gateway stops offering this target's tools at once."
        onConfirm={async (typed) => {
          const r = await deleteTargetAction(gatewayId, targetId, typed);
          if (!r.ok) return { ok: false, message: r.message, errorName: r.errorName };
          toast.success(`Target ${name} is being deleted.`);
          router.refresh();
          return { ok: true };
        }}
      />
    </div>
  );
}
