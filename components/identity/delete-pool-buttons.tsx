"use client";
// Delete a user pool (its domain first) or one of its app clients from the Identity pages, confirmed by typing the name.
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { deleteAppClientAction, deleteUserPoolAction } from "@/lib/actions/identity-delete";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-delete-dialog";
import { gatewayCount } from "@/components/relationships/used-by";

export function DeletePoolButton({ poolId, name, domain, usedBy }: { poolId: string; name: string; domain?: string; usedBy?: number }) {
  const router = useRouter();
  const warning = usedBy ? ` ${gatewayCount(usedBy)} use${usedBy === 1 ? "s" : ""} it: their callers' tokens stop working.` : "";
  return (
    <ConfirmDeleteDialog
      kind="user pool"
      name={name}
      description={`${domain ? `Its domain ${domain} is deleted first, then the pool with every app client and resource server.` : "The pool is deleted with every app client and resource server."}${warning} This cannot be undone.`}
      onConfirm={async (typed) => {
        const r = await deleteUserPoolAction(poolId, typed);
        if (!r.ok) return { ok: false, message: r.message, errorName: r.errorName };
        toast.success(`User pool ${name} deleted.`, { description: r.data.outcomes.map((o) => `${o.resource}: ${o.outcome}`).join("; ") });
        router.push("/identity");
        router.refresh();
        return { ok: true };
      }}
    />
  );
}

export function DeleteAppClientButton({ poolId, clientId, name }: { poolId: string; clientId: string; name: string }) {
  const router = useRouter();
  return (
    <ConfirmDeleteDialog
      kind="app client"
      name={name}
      triggerSize="sm"
      triggerLabel={`Delete app client ${name}`}
      description="Anything holding this client's id and secret can no longer get tokens. A gateway listing it in its allowed clients keeps the id until you edit the gateway."
      onConfirm={async (typed) => {
        const r = await deleteAppClientAction(poolId, clientId, typed);
        if (!r.ok) return { ok: false, message: r.message, errorName: r.errorName };
        toast.success(`App client ${name} deleted.`);
        router.refresh();
        return { ok: true };
      }}
    />
  );
}
