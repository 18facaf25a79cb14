"use client";
// "Get a test token": runs the client-credentials grant on the server and shows the token, its claims, expiry and a curl.
import { KeyRound, ShieldAlert, ShieldCheck } from "lucide-react";
import { useEffect, useState } from "react";
import { getTestTokenAction } from "@/lib/actions/identity";
import type { TestToken } from "@/lib/models/identity";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { KeyValueTable } from "@/components/ui/key-value-table";
import { ErrorCallout } from "@/components/ui/error-callout";
import { formatDateTime, formatRelative } from "@/components/ui/format";

const TIME_CLAIMS = new Set(["exp", "iat", "auth_time", "nbf"]);

function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

function ClaimsTable({ label, values, now }: { label: string; values: Record<string, unknown>; now: number }) {
  return (
    <KeyValueTable
      label={label}
      keyHeading="Claim"
      values={values}
      after={(k, v) =>
        TIME_CLAIMS.has(k) && typeof v === "number" ? (
          <span className="ml-2 text-xs text-muted-foreground">
            {formatDateTime(new Date(v * 1000).toISOString())} ({formatRelative(v * 1000, now)})
          </span>
        ) : null
      }
    />
  );
}

function TokenView({ token }: { token: TestToken }) {
  const now = useNow();
  const expMs = Date.parse(token.expiresAt);
  const expired = expMs <= now;
  return (
    <div className="space-y-4 rounded-md border p-4" aria-label="Test token" role="group">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span>
          <span className="text-muted-foreground">Expires </span>
          <time dateTime={token.expiresAt}>{formatDateTime(token.expiresAt)}</time>{" "}
          <span className={expired ? "font-medium text-destructive" : "text-muted-foreground"} data-testid="token-expiry-relative">
            ({expired ? `expired ${formatRelative(expMs, now)}` : formatRelative(expMs, now)})
          </span>
        </span>
        {token.verification.verified ? (
          <Badge tone="success">
            <ShieldCheck aria-hidden="true" className="size-3" /> Signature verified
          </Badge>
        ) : (
          <Badge tone="warning">
            <ShieldAlert aria-hidden="true" className="size-3" /> Not verified
          </Badge>
        )}
      </div>
      <p className="text-xs text-muted-foreground">{token.verification.detail}</p>

      <div className="space-y-1.5">
        <div className="flex items-center justify-between gap-2">
          <h4 className="text-sm font-medium">Access token</h4>
          <CopyButton value={token.accessToken} label="Copy access token" />
        </div>
        <pre className="max-h-28 overflow-auto whitespace-pre-wrap break-all rounded bg-muted p-2 font-mono text-xs">{token.accessToken}</pre>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-1.5">
          <h4 className="text-sm font-medium">Header</h4>
          <ClaimsTable label="Token header" values={token.header} now={now} />
        </div>
        <div className="space-y-1.5">
          <h4 className="text-sm font-medium">Claims</h4>
          <ClaimsTable label="Token claims" values={token.claims} now={now} />
        </div>
      </div>

      <div className="space-y-1.5">
        <div className="flex items-center justify-between gap-2">
          <h4 className="text-sm font-medium">The same request with curl</h4>
          <CopyButton value={token.curl} label="Copy curl command" />
        </div>
        <p className="text-xs text-muted-foreground">
          Set the secret first, without echoing it: <code className="font-mono">read -rs CLIENT_SECRET &amp;&amp; export CLIENT_SECRET</code>
        </p>
        <pre className="overflow-auto rounded bg-muted p-2 font-mono text-xs">{token.curl}</pre>
      </div>
    </div>
  );
}

/** A button that fetches a client-credentials token for the app client, and what it got. */
export function TestTokenButton({ poolId, clientId, disabledReason }: { poolId: string; clientId: string; disabledReason?: string }) {
  const [token, setToken] = useState<TestToken | null>(null);
  const [failure, setFailure] = useState<{ message: string; errorName?: string } | null>(null);
  const [loading, setLoading] = useState(false);

  async function run() {
    if (loading) return;
    setLoading(true);
    setFailure(null);
    try {
      const r = await getTestTokenAction(poolId, clientId);
      if (r.ok) setToken(r.data);
      else {
        setToken(null);
        setFailure({ message: r.message, errorName: r.errorName });
      }
    } catch {
      setFailure({ message: "The console could not reach its server. Check that it is running, then try again." });
    } finally {
      setLoading(false);
    }
  }

  return (
    <div className="space-y-3">
      <div className="flex items-center gap-3">
        <Button variant="outline" size="sm" onClick={run} disabled={Boolean(disabledReason)} aria-disabled={loading || undefined}>
          <KeyRound aria-hidden="true" />
          {loading ? "Getting a token…" : token ? "Get another test token" : "Get a test token"}
        </Button>
        {disabledReason ? <span className="text-xs text-muted-foreground">{disabledReason}</span> : null}
        <span className="sr-only" role="status" aria-live="polite">
          {loading ? "Requesting a token" : token ? "Token received" : ""}
        </span>
      </div>
      {failure ? <ErrorCallout title="No token" message={failure.message} errorName={failure.errorName} /> : null}
      {token ? <TokenView token={token} /> : null}
    </div>
  );
}
