"use client";
// Delete confirmation for a credential provider: the user types the provider's name.
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { deleteCredentialProviderAction } from "@/lib/actions/credential-providers";
import type { ProviderKind } from "@/lib/schemas/credential-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorCallout } from "@/components/gateways/error-callout";

const NOUN: Record<ProviderKind, string> = { apiKey: "API key provider", oauth: "OAuth2 provider" };

export function DeleteProviderDialog({ kind, name }: { kind: ProviderKind; name: string }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [failure, setFailure] = useState<{ message: string; errorName?: string } | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const matches = typed === name;

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) {
          setTyped("");
          setFailure(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Delete ${name}`} title={`Delete ${name}`}>
          <Trash2 aria-hidden="true" /> Delete
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>
          Delete {NOUN[kind]} {name}?
        </DialogTitle>
        <DialogDescription>
          {kind === "apiKey"
            ? "Its stored API key is deleted with it. Gateway targets that use this provider can no longer call their APIs. This cannot be undone."
            : "Its stored client secret is deleted with it. Gateway targets that use this provider can no longer get tokens, and users must consent again to a new provider. This cannot be undone."}
        </DialogDescription>
        <form
          className="mt-4 space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            e.stopPropagation();
            if (!matches) return;
            setFailure(null);
            start(async () => {
              const r = await deleteCredentialProviderAction(kind, name, typed);
              if (r.ok) {
                toast.success(`${NOUN[kind]} ${name} deleted.`);
                setOpen(false);
                router.refresh();
              } else {
                setFailure({ message: r.message, errorName: r.errorName });
                if (r.errorName === "ResourceNotFoundException") router.refresh();
              }
            });
          }}
        >
          {failure ? <ErrorCallout title="The provider was not deleted" message={failure.message} errorName={failure.errorName} /> : null}
          <Field id={`delete-provider-${kind}-confirm`} label={`Type ${name} to confirm`}>
            {(p) => <Input {...p} autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} />}
          </Field>
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="destructive" disabled={!matches || pending}>
              {pending ? "Deleting…" : `Delete ${NOUN[kind]}`}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
