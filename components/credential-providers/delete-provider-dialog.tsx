"use client";
// Delete confirmation for a credential provider: the user types the provider's name.
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { deleteCredentialProviderAction } from "@/lib/actions/credential-providers";
import { PROVIDER_NOUN, type ProviderKind } from "@/lib/schemas/credential-provider";
import { Button } from "@/components/ui/button";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-delete-dialog";

export function DeleteProviderDialog({ kind, name }: { kind: ProviderKind; name: string }) {
  const router = useRouter();
  return (
    <ConfirmDeleteDialog
      kind={PROVIDER_NOUN[kind]}
      name={name}
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Delete ${name}`} title={`Delete ${name}`}>
          <Trash2 aria-hidden="true" /> Delete
        </Button>
      }
      failureTitle="The provider was not deleted"
      description={
        kind === "apiKey"
          ? "Its stored API key is deleted with it. Gateway targets that use this provider can no longer call their APIs. This cannot be undone."
          : "Its stored client secret is deleted with it. Gateway targets that use this provider can no longer get tokens, and users must consent again to a new provider. This cannot be undone."
      }
      onConfirm={async (typed) => {
        const r = await deleteCredentialProviderAction(kind, name, typed);
        if (r.ok) {
          toast.success(`${PROVIDER_NOUN[kind]} ${name} deleted.`);
          router.refresh();
          return { ok: true };
        }
        if (r.errorName === "ResourceNotFoundException") {
          // The refresh removes the row and this dialog with it: say what happened where it stays visible.
          toast.info(`${r.message} The list was refreshed.`);
          router.refresh();
        }
        return { ok: false, message: r.message, errorName: r.errorName };
      }}
    />
  );
}
