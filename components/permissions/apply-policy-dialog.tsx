"use client";
// "Apply to role": shows the statements PutRolePolicy would add and remove, and writes them only once confirmed.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { applyGatewayPermissionsAction } from "@/lib/actions/permissions";
import type { RolePolicyApplyPlan, StatementChange } from "@/lib/policies/gateway-role-policy";
import { Callout } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { ErrorCallout } from "@/components/ui/error-callout";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function Changes({ title, items, tone }: { title: string; items: StatementChange[]; tone: "add" | "remove" }) {
  if (items.length === 0) return null;
  return (
    <section aria-label={title} className="space-y-2">
      <h3 className="text-sm font-medium">{title}</h3>
      <ul className="space-y-2">
        {items.map((c, i) => (
          <li key={i}>
            <p className="text-sm">
              <code className="font-mono text-xs">{c.sid ?? `statement ${i + 1}`}</code>
              {c.from && tone === "remove" ? ` from ${c.from}` : ""}
              {c.alreadyGrantedBy ? <span className="text-muted-foreground"> (already granted by {c.alreadyGrantedBy.join(", ")}; kept there)</span> : null}
            </p>
            <pre className={tone === "add" ? "mt-1 max-h-48 overflow-auto rounded-md border bg-success/10 p-2 font-mono text-xs" : "mt-1 max-h-48 overflow-auto rounded-md border bg-destructive/10 p-2 font-mono text-xs"}>
              {c.text}
            </pre>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ApplyPolicyDialog({ gatewayId, roleName, plan }: { gatewayId: string; roleName: string; plan: RolePolicyApplyPlan }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const [failure, setFailure] = useState<{ message: string; errorName?: string } | null>(null);
  const label = plan.upToDate ? `Apply again to ${roleName}` : `Apply to role ${roleName}`;
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) setFailure(null);
      }}
    >
      <DialogTrigger asChild>
        <Button>{label}</Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] max-w-2xl overflow-y-auto">
        <DialogTitle>
          Apply {plan.policyName} to {roleName}?
        </DialogTitle>
        <DialogDescription>
          {plan.upToDate
            ? `The role's ${plan.policyName} policy already matches; applying writes it again unchanged.`
            : `PutRolePolicy writes this gateway's own inline policy: ${plural(plan.added.length, "statement", "statements")} added, ${plural(plan.removed.length, "statement", "statements")} removed, ${plan.unchanged} unchanged. Other inline policies of the role are not changed.`}
        </DialogDescription>
        <div className="mt-4 space-y-4">
          <Changes title="Statements added" items={plan.added} tone="add" />
          <Changes title="Statements removed" items={plan.removed} tone="remove" />
          {plan.legacyNote ? <Callout tone={plan.deletesLegacy ? "warning" : undefined}>{plan.legacyNote}</Callout> : null}
          {failure ? <ErrorCallout title="The policy was not applied" message={failure.message} errorName={failure.errorName} /> : null}
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button
              disabled={pending}
              onClick={() =>
                start(async () => {
                  setFailure(null);
                  const r = await applyGatewayPermissionsAction(gatewayId, plan.fingerprint);
                  if (r.ok) {
                    toast.success(`Policy ${r.data.policyName} applied to role ${r.data.roleName}.`);
                    setOpen(false);
                    router.refresh();
                  } else setFailure({ message: r.message, errorName: r.errorName });
                })
              }
            >
              {pending ? "Applying…" : "Apply changes"}
            </Button>
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}
