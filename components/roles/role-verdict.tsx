"use client";
// A role's trust-policy verdict: a badge, and the findings behind it behind a disclosure button.
import { ChevronDown } from "lucide-react";
import { useId, useState } from "react";
import type { LintFinding } from "@/lib/policies/lint";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { LintFindings } from "./lint-findings";
import { verdictOf } from "./verdict";

const TONE = { ok: "success", warnings: "warning", errors: "danger" } as const;

export function RoleVerdict({ roleName, findings }: { roleName: string; findings: readonly LintFinding[] }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const verdict = verdictOf(findings);
  return (
    <div className="max-w-xl space-y-2">
      <div className="flex items-center gap-2">
        <Badge tone={TONE[verdict.level]} data-verdict={verdict.level}>
          {verdict.label}
        </Badge>
        {findings.length ? (
          <Button
            variant="ghost"
            size="sm"
            aria-expanded={open}
            aria-controls={panelId}
            aria-label={`${open ? "Hide" : "Show"} findings for ${roleName}`}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? "Hide findings" : "Show findings"}
            <ChevronDown aria-hidden="true" className={cn("transition-transform", open && "rotate-180")} />
          </Button>
        ) : null}
      </div>
      <div id={panelId} hidden={!open}>
        {open ? <LintFindings findings={findings} label={`Trust policy findings for ${roleName}`} /> : null}
      </div>
    </div>
  );
}
