"use client";
// Says that a form shows input restored from an earlier visit, with a way to start over.
import { Callout } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { DraftApi } from "./use-form-draft";

export function DraftNotice({ draft }: { draft: DraftApi }) {
  if (!draft.restored) return null;
  return (
    <Callout tone="info" role="status" className="flex items-center justify-between gap-4">
      <span>Your unsaved input from earlier in this tab was restored.</span>
      <Button type="button" variant="outline" size="sm" onClick={draft.discard}>
        Start over
      </Button>
    </Callout>
  );
}
