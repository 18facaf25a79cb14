// A line diff between the role's current policy and the generated one.
import { lineDiff } from "@/lib/text-diff";
import { cn } from "@/lib/utils";

export function PolicyDiff({ before, after }: { before: string; after: string }) {
  const lines = lineDiff(before, after);
  return (
    <pre aria-label="Policy changes" className="max-h-96 overflow-auto rounded-md border bg-muted/30 p-3 font-mono text-xs leading-5">
      {lines.map((l, i) => (
        <div key={i} className={cn(l.type === "add" && "bg-success/15 text-success", l.type === "remove" && "bg-destructive/10 text-destructive")}>
          <span aria-hidden="true" className="inline-block w-4 select-none">
            {l.type === "add" ? "+" : l.type === "remove" ? "−" : " "}
          </span>
          <span className="sr-only">{l.type === "add" ? "added: " : l.type === "remove" ? "removed: " : ""}</span>
          {l.text}
        </div>
      ))}
    </pre>
  );
}
