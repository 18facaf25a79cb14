// A value shown in monospace with a copy button beside it.
import { CopyButton } from "@/components/ui/copy-button";
import { cn } from "@/lib/utils";

export function CopyValue({ value, label, className }: { value: string | undefined; label: string; className?: string }) {
  if (!value) return <span className="text-muted-foreground">—</span>;
  return (
    <div className={cn("flex items-center gap-2", className)}>
      <code className="min-w-0 break-all font-mono text-xs">{value}</code>
      <CopyButton value={value} label={label} />
    </div>
  );
}
