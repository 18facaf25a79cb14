"use client";
// In the delete-gateway dialog: the role and Cognito pool made for the gateway, offered for deletion with it.
import { useEffect, useState } from "react";
import { gatewayCleanupCandidatesAction } from "@/lib/actions/gateway-cleanup";
import type { CleanupCandidate, DeletionOutcome } from "@/lib/models/relationships";

export type CleanupChoice = { role?: string; poolId?: string };

export function GatewayCleanupChoices({ gatewayId, onChange }: { gatewayId: string; onChange: (choice: CleanupChoice) => void }) {
  const [candidates, setCandidates] = useState<CleanupCandidate[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());

  useEffect(() => {
    let live = true;
    gatewayCleanupCandidatesAction(gatewayId).then((r) => {
      if (!live) return;
      if (!r.ok) return setProblem(r.message);
      setCandidates(r.data);
      // Checked by default only for what the console made for this very gateway.
      setChosen(new Set(r.data.filter((c) => c.checked).map((c) => `${c.kind}:${c.id}`)));
    });
    return () => {
      live = false;
    };
  }, [gatewayId]);

  useEffect(() => {
    const pick = (kind: string) => candidates?.find((c) => c.kind === kind && c.offered && chosen.has(`${kind}:${c.id}`))?.id;
    onChange({ role: pick("role"), poolId: pick("pool") });
  }, [candidates, chosen, onChange]);

  if (problem) return <p className="text-sm text-muted-foreground">What the gateway uses could not be read ({problem}); only the gateway will be deleted.</p>;
  if (!candidates) return <p className="text-sm text-muted-foreground" role="status">Looking for the role and user pool made for this gateway…</p>;
  if (!candidates.length) return null;
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Also delete</legend>
      <ul className="space-y-2">
        {candidates.map((c) => {
          const key = `${c.kind}:${c.id}`;
          const id = `cleanup-${c.kind}`;
          return (
            <li key={key} className="text-sm">
              <label htmlFor={id} className="flex items-start gap-2">
                <input
                  id={id}
                  type="checkbox"
                  className="mt-1"
                  disabled={!c.offered}
                  checked={c.offered && chosen.has(key)}
                  aria-describedby={`${id}-why`}
                  onChange={(e) =>
                    setChosen((prev) => {
                      const next = new Set(prev);
                      if (e.target.checked) next.add(key);
                      else next.delete(key);
                      return next;
                    })
                  }
                />
                <span>Delete {c.label}</span>
              </label>
              <p id={`${id}-why`} className="ml-6 text-xs text-muted-foreground">
                {c.reason}
              </p>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

const OUTCOME: Record<DeletionOutcome["outcome"], string> = { deleted: "deleted", "already-gone": "already gone", failed: "failed" };

/** One line per resource: deleted, already gone, or failed with the AWS error name. */
export function DeletionReport({ outcomes }: { outcomes: DeletionOutcome[] }) {
  return (
    <ul className="mt-1 space-y-0.5">
      {outcomes.map((o, i) => (
        <li key={i}>
          {o.resource}: {OUTCOME[o.outcome]}
          {o.outcome === "failed" ? ` (${o.errorName ?? "error"}${o.message ? `: ${o.message}` : ""})` : ""}
        </li>
      ))}
    </ul>
  );
}
