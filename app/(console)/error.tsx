"use client";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/alert";

export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-xl font-semibold">This page could not load</h1>
      <Callout tone="danger">
        <p>{error.message || "An unexpected error occurred."}</p>
        {error.digest ? <p className="mt-1 text-xs text-muted-foreground">Reference: {error.digest}</p> : null}
      </Callout>
      <Button onClick={() => reset()}>Try again</Button>
    </div>
  );
}
