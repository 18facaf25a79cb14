"use client";
// A delete confirmation that asks the user to type the resource's name; shows the server's refusal in place.
import { Trash2 } from "lucide-react";
import { useRef, useState, useTransition, type ReactNode } from "react";
import { Button } from "./button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "./dialog";
import { Field } from "./field";
import { Input } from "./input";
import { Callout } from "./alert";

export type DeleteOutcome = { ok: true } | { ok: false; message: string; errorName?: string };

export function ConfirmDeleteDialog({
  kind,
  name,
  description,
  disabled,
  triggerLabel = "Delete",
  triggerSize,
  trigger,
  failureTitle,
  children,
  onConfirm,
}: {
  kind: string;
  name: string;
  description: ReactNode;
  disabled?: boolean;
  triggerLabel?: string;
  triggerSize?: "sm" | "default";
  /** A trigger of the caller's own, in place of the Delete button (rendered as the dialog trigger). */
  trigger?: ReactNode;
  /** The heading of the refusal; "The <kind> was not deleted" by default. */
  failureTitle?: string;
  /** More choices shown above the name field (mounted only while the dialog is open). */
  children?: ReactNode;
  /** Runs the deletion; on success the dialog closes. */
  onConfirm: (typedName: string) => Promise<DeleteOutcome>;
}) {
  const [open, setOpen] = useState(false);
  const deleted = useRef(false);
  const [typed, setTyped] = useState("");
  const [failure, setFailure] = useState<{ message: string; errorName?: string } | null>(null);
  const [pending, start] = useTransition();
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
        {trigger ?? (
          <Button variant="destructive" size={triggerSize} disabled={disabled} aria-label={triggerLabel === "Delete" ? undefined : triggerLabel}>
            <Trash2 aria-hidden="true" /> {triggerLabel === "Delete" ? "Delete" : <span className="sr-only sm:not-sr-only">Delete</span>}
          </Button>
        )}
      </DialogTrigger>
      <DialogContent
        onCloseAutoFocus={(e) => {
          // After a deletion the trigger is gone with its row: put focus on the page's content instead of nowhere.
          if (!deleted.current) return;
          deleted.current = false;
          e.preventDefault();
          document.getElementById("main")?.focus();
        }}
      >
        <DialogTitle>
          Delete {kind} {name}?
        </DialogTitle>
        <DialogDescription>{description}</DialogDescription>
        <form
          className="mt-4 space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            // The dialog is portalled but stays in its opener's React tree: keep the submit from reaching an enclosing form.
            e.stopPropagation();
            if (!matches) return;
            setFailure(null);
            start(async () => {
              const r = await onConfirm(typed);
              if (r.ok) {
                deleted.current = true;
                setOpen(false);
              }
              else setFailure({ message: r.message, errorName: r.errorName });
            });
          }}
        >
          {failure ? (
            <Callout tone="danger" role="alert">
              <p className="font-medium">{failureTitle ?? `The ${kind} was not deleted`}</p>
              <p className="mt-1">{failure.message}</p>
              {failure.errorName ? <p className="mt-1 font-mono text-xs text-muted-foreground">{failure.errorName}</p> : null}
            </Callout>
          ) : null}
          {children}
          <Field id="delete-confirm-name" label={`Type ${name} to confirm`}>
            {(p) => <Input {...p} autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} />}
          </Field>
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="destructive" disabled={!matches || pending}>
              {pending ? "Deleting…" : `Delete ${kind}`}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
