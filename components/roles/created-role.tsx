// What a create request left behind: the role's ARN with a copy button, and exactly what was created.
import { CheckCircle2 } from "lucide-react";
import { Callout } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";

export function CreatedRole({ roleName, roleArn, created, reused }: { roleName: string; roleArn: string; created: string[]; reused: boolean }) {
  return (
    <Callout tone="info" role="status" aria-label="Created role">
      <p className="flex items-center gap-2 font-medium">
        <CheckCircle2 aria-hidden="true" className="size-4 text-success" />
        {reused && created.length === 0 ? `Role ${roleName} already exists with this trust policy; nothing was changed.` : `Role ${roleName} is ready.`}
      </p>
      <div className="mt-2 flex items-center gap-2">
        <code className="min-w-0 break-all font-mono text-xs" data-testid="created-role-arn">
          {roleArn}
        </code>
        <CopyButton value={roleArn} label="Copy role ARN" />
      </div>
      {created.length ? <p className="mt-2 text-xs text-muted-foreground">Created: {created.join(", ")}.</p> : null}
      <p className="mt-1 text-xs text-muted-foreground">Use this ARN as the execution role when you create the gateway.</p>
    </Callout>
  );
}
