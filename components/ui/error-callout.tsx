// Shows a console error: the human sentence and the AWS error name.
import { Callout } from "@/components/ui/alert";

export function ErrorCallout({ title, message, errorName }: { title: string; message: string; errorName?: string }) {
  return (
    <Callout tone="danger" role="alert">
      <p className="font-medium">{title}</p>
      <p className="mt-1">{message}</p>
      {errorName ? <p className="mt-1 font-mono text-xs text-muted-foreground">{errorName}</p> : null}
    </Callout>
  );
}
