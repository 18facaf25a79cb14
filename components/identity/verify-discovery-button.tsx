"use client";
// "Verify": fetches an OpenID Connect discovery document on the server and shows its issuer and JWKS, or why it failed.
import { CheckCircle2, SearchCheck, XCircle } from "lucide-react";
import { useState } from "react";
import { verifyDiscoveryUrlAction } from "@/lib/actions/identity";
import type { DiscoveryCheck } from "@/lib/models/identity";
import { Callout } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Outcome = { forUrl: string } & ({ check: DiscoveryCheck } | { error: string; errorName?: string });

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-2">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-all font-mono text-xs">{value}</dd>
    </div>
  );
}

export function DiscoveryResult({ check }: { check: DiscoveryCheck }) {
  if (!check.ok) {
    return (
      <Callout tone="danger" role="alert" className="space-y-1">
        <p className="flex items-center gap-2 font-medium">
          <XCircle aria-hidden="true" className="size-4" /> The discovery URL cannot be used
        </p>
        <p>{check.problem}</p>
        <p className="font-mono text-xs text-muted-foreground">{check.reason}</p>
      </Callout>
    );
  }
  return (
    <Callout tone="info" role="status" className="space-y-2">
      <p className="flex items-center gap-2 font-medium">
        <CheckCircle2 aria-hidden="true" className="size-4 text-success" /> Discovery document OK
      </p>
      <dl className="space-y-1 text-sm">
        <Row label="Issuer" value={check.issuer} />
        <Row label="JWKS URI" value={check.jwksUri} />
        <Row label="Signing keys" value={`${check.keyCount} (${check.algorithms.join(", ")})`} />
        {check.tokenEndpoint ? <Row label="Token endpoint" value={check.tokenEndpoint} /> : null}
      </dl>
      {check.warnings.length ? (
        <ul className="list-disc space-y-1 pl-5 text-xs text-warning">
          {check.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
    </Callout>
  );
}

/** Verifies `url` on click; the result stays shown only while `url` is unchanged. */
export function VerifyDiscoveryButton({ url, className }: { url: string; className?: string }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [loading, setLoading] = useState(false);
  const current = outcome && outcome.forUrl === url ? outcome : null;

  async function verify() {
    if (loading) return;
    setLoading(true);
    const forUrl = url;
    try {
      const r = await verifyDiscoveryUrlAction(forUrl);
      setOutcome(r.ok ? { forUrl, check: r.data } : { forUrl, error: r.message, errorName: r.errorName });
    } catch {
      setOutcome({ forUrl, error: "The console could not reach its server. Check that it is running, then try again." });
    } finally {
      setLoading(false);
    }
  }

  return (
    <div className={className}>
      <Button variant="outline" size="sm" onClick={verify} disabled={!url.trim()} aria-disabled={loading || undefined}>
        <SearchCheck aria-hidden="true" /> {loading ? "Verifying…" : "Verify discovery URL"}
      </Button>
      <div aria-live="polite" className="mt-2 empty:mt-0">
        {current ? (
          "check" in current ? (
            <DiscoveryResult check={current.check} />
          ) : (
            <Callout tone="danger" role="alert">
              {current.error}
              {current.errorName ? <span className="ml-2 font-mono text-xs text-muted-foreground">{current.errorName}</span> : null}
            </Callout>
          )
        ) : null}
      </div>
    </div>
  );
}
