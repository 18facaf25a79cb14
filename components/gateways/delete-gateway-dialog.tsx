"use client";
// Delete confirmation: the user types the gateway's name; a gateway with targets gets AWS's refusal explained.
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { deleteGatewayAction } from "@/lib/actions/gateways";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorCallout } from "./error-callout";

export function DeleteGatewayDialog({ gatewayId, name, disabled }: { gatewayId: string; name: string; disabled?: boolean }) {
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
        <Button variant="destructive" disabled={disabled}>
          <Trash2 aria-hidden="true" /> Delete
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Delete gateway {name}?</DialogTitle>
        <DialogDescription>
          Agents using its URL stop working at once. This cannot be undone. A gateway that still has targets cannot be deleted: delete its targets first.
        </DialogDescription>
        <form
          className="mt-4 space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (!matches) return;
            setFailure(null);
            start(async () => {
              const r = await deleteGatewayAction(gatewayId, typed);
              if (r.ok) {
                toast.success(`Gateway ${name} is being deleted.`);
                setOpen(false);
                router.push("/gateways");
                router.refresh();
              } else {
                const hasTargets = r.errorName === "ConflictException";
                setFailure({
                  message: hasTargets ? `${r.message} Delete the gateway's targets first, then delete the gateway.` : r.message,
                  errorName: r.errorName,
                });
              }
            });
          }}
        >
          {failure ? <ErrorCallout title="The gateway was not deleted" message={failure.message} errorName={failure.errorName} /> : null}
          <Field id="delete-confirm-name" label={`Type ${name} to confirm`}>
            {(p) => <Input {...p} autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />}
          </Field>
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="destructive" disabled={!matches || pending}>
              {pending ? "Deleting…" : "Delete gateway"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
