"use client";
// An app client's secret: masked by default, with Reveal and Copy. Given by the caller (quick create), or read on Reveal.
import { Eye, EyeOff } from "lucide-react";
import { useState } from "react";
import { revealClientSecretAction } from "@/lib/actions/identity";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorCallout } from "@/components/gateways/error-callout";

const MASK = "•".repeat(24);
const UNREACHABLE = "The console could not reach its server. Check that it is running, then try again.";

type Props =
  /** The secret is already in this browser's memory (the result of the action the user ran); it is not in the DOM until revealed. */
  | { secret: string; poolId?: undefined; clientId?: undefined }
  /** The secret is read from the server only when the user clicks Reveal. */
  | { secret?: undefined; poolId: string; clientId: string };

export function ClientSecret(props: Props) {
  const [fetched, setFetched] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<{ message: string; errorName?: string } | null>(null);
  const secret = props.secret ?? fetched;

  async function reveal() {
    if (shown) {
      setShown(false);
      return;
    }
    if (secret) {
      setShown(true);
      return;
    }
    if (loading) return;
    setLoading(true);
    setFailure(null);
    try {
      const r = await revealClientSecretAction(props.poolId, props.clientId);
      if (r.ok) {
        setFetched(r.data.secret);
        setShown(true);
      } else {
        setFailure({ message: r.message, errorName: r.errorName });
      }
    } catch {
      setFailure({ message: UNREACHABLE });
    } finally {
      setLoading(false);
    }
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <code aria-label="Client secret" className="min-w-0 break-all rounded bg-muted px-2 py-1 font-mono text-xs" data-revealed={shown ? "true" : "false"}>
          {shown && secret ? secret : MASK}
        </code>
        <Button variant="outline" size="sm" onClick={reveal} aria-disabled={loading || undefined} aria-pressed={shown}>
          {shown ? <EyeOff aria-hidden="true" /> : <Eye aria-hidden="true" />}
          {loading ? "Reading…" : shown ? "Hide secret" : "Reveal secret"}
        </Button>
        {secret ? (
          <CopyButton value={secret} label="Copy client secret" />
        ) : (
          <Button variant="outline" size="sm" disabled aria-label="Copy client secret" title="Reveal the secret first">
            Copy
          </Button>
        )}
      </div>
      {failure ? <ErrorCallout title="The secret could not be read" message={failure.message} errorName={failure.errorName} /> : null}
    </div>
  );
}
