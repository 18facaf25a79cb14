// A resource's details as label/value rows: <DetailList> (a <dl>) of <DetailRow>s, and the common values (none, a list of badges).
import type { CSSProperties, ReactNode } from "react";
import { cn } from "@/lib/utils";
import { Badge } from "./badge";

/** `labelWidth` sets the label column of every row in the list (12rem by default). */
export function DetailList({ labelWidth, className, children }: { labelWidth?: string; className?: string; children: ReactNode }) {
  return (
    <dl className={className} style={labelWidth ? ({ "--detail-label-width": labelWidth } as CSSProperties) : undefined}>
      {children}
    </dl>
  );
}

export function DetailRow({ label, children, className }: { label: ReactNode; children: ReactNode; className?: string }) {
  return (
    <div className={cn("grid grid-cols-[var(--detail-label-width,12rem)_1fr] gap-4 border-b py-2.5 last:border-0", className)}>
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words text-sm">{children}</dd>
    </div>
  );
}

/** The placeholder for a value that is not set. */
export function NoValue() {
  return <span className="text-muted-foreground">—</span>;
}

/** Values as monospace badges, or the placeholder when there are none. */
export function BadgeList({ items }: { items: readonly string[] | undefined }) {
  if (!items?.length) return <NoValue />;
  return (
    <ul className="flex flex-wrap gap-1">
      {items.map((v) => (
        <li key={v}>
          <Badge className="font-mono">{v}</Badge>
        </li>
      ))}
    </ul>
  );
}
