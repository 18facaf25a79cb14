"use client";
// An app client's secret: masked, read from the server only on a Reveal or Copy click, forgotten again on Hide.
import { Eye, EyeOff } from "lucide-react";
import { useState } from "react";
import { revealClientSecretAction } from "@/lib/actions/identity";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorCallout } from "@/components/ui/error-callout";

const MASK = "•".repeat(24);
const UNREACHABLE = "The console could not reach its server. Check that it is running, then try again.";

type Failure = { message: string; errorName?: string };

class SecretReadError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

export function ClientSecret({ poolId, clientId }: { poolId: string; clientId: string }) {
  // Only set between a Reveal and the next Hide: the secret is never in the page before a click asks for it.
  const [revealed, setRevealed] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  /** One fresh read per click; failures become a sentence for the callout. */
  async function read(): Promise<string> {
    setFailure(null);
    let r: Awaited<ReturnType<typeof revealClientSecretAction>>;
    try {
      r = await revealClientSecretAction(poolId, clientId);
    } catch {
      throw new SecretReadError({ message: UNREACHABLE });
    }
    if (!r.ok) throw new SecretReadError({ message: r.message, errorName: r.errorName });
    return r.data.secret;
  }

  async function toggle() {
    if (revealed !== null) return setRevealed(null);
    if (loading) return;
    setLoading(true);
    try {
      setRevealed(await read());
    } catch (err) {
      setFailure(err instanceof SecretReadError ? err.failure : { message: UNREACHABLE });
    } finally {
      setLoading(false);
    }
  }

  function readForCopy(): Promise<string> {
    return read().catch((err: unknown) => {
      setFailure(err instanceof SecretReadError ? err.failure : { message: UNREACHABLE });
      throw err;
    });
  }

  const shown = revealed !== null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <code aria-label="Client secret" className="min-w-0 break-all rounded bg-muted px-2 py-1 font-mono text-xs" data-revealed={shown ? "true" : "false"}>
          {shown ? revealed : MASK}
        </code>
        <Button variant="outline" size="sm" onClick={toggle} aria-disabled={loading || undefined} aria-pressed={shown}>
          {shown ? <EyeOff aria-hidden="true" /> : <Eye aria-hidden="true" />}
          {loading ? "Reading…" : shown ? "Hide secret" : "Reveal secret"}
        </Button>
        {/* Revealed: copy what is on screen. Hidden: read it inside the click and write it straight to the clipboard. */}
        <CopyButton value={revealed ?? readForCopy} label="Copy client secret" />
      </div>
      {failure ? <ErrorCallout title="The secret could not be read" message={failure.message} errorName={failure.errorName} /> : null}
    </div>
  );
}
