// A value shown in monospace with a copy button beside it, or the placeholder when it is not set.
import { cn } from "@/lib/utils";
import { CopyButton } from "./copy-button";
import { DetailRow, NoValue } from "./detail-list";

export function CopyValue({ value, label, className }: { value: string | undefined; label: string; className?: string }) {
  if (!value) return <NoValue />;
  return (
    <div className={cn("flex items-center gap-2", className)}>
      <code className="min-w-0 break-all font-mono text-xs">{value}</code>
      <CopyButton value={value} label={label} />
    </div>
  );
}

/** A detail row whose value is copied with one click: the label names the row, copyLabel the button. */
export function CopyRow({ label, value, copyLabel }: { label: string; value: string | undefined; copyLabel: string }) {
  return (
    <DetailRow label={label}>
      <CopyValue value={value} label={copyLabel} />
    </DetailRow>
  );
}
