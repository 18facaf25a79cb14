// Why each generated statement is there; the one granting `?highlight=ACTION` (linked from a refused tool call) is marked.
import { actionMatches } from "@/lib/policies/iam-match";
import type { PolicyStatement, StatementExplanation } from "@/lib/policies/policy-document";
import { cn } from "@/lib/utils";

const actionsOf = (s: PolicyStatement | undefined): string[] => {
  const a = (s as { Action?: string | string[] } | undefined)?.Action;
  return Array.isArray(a) ? a : a ? [a] : [];
};

export function StatementExplanations({ explanations, statements, highlight }: { explanations: StatementExplanation[]; statements: PolicyStatement[]; highlight?: string }) {
  const grants = (sid: string) => !!highlight && actionsOf(statements.find((s) => s.Sid === sid)).some((p) => actionMatches(p, highlight));
  return (
    <div>
      <h3 className="text-sm font-medium">Why each statement is there</h3>
      {highlight && !explanations.some((e) => grants(e.sid)) ? (
        <p className="mt-1 text-sm text-muted-foreground">
          No statement here grants <code className="font-mono">{highlight}</code>.
        </p>
      ) : null}
      <ul className="mt-1 space-y-1 text-sm">
        {explanations.map((e) => {
          const marked = grants(e.sid);
          return (
            <li key={e.sid} aria-current={marked ? "true" : undefined} className={cn(marked && "rounded border-l-4 border-warning bg-warning/10 px-2 py-1")}>
              <code className="font-mono text-xs">{e.sid}</code>: {e.why}
              {marked ? <span className="ml-1 font-medium">(grants {highlight}, which the gateway&apos;s role lacked)</span> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
