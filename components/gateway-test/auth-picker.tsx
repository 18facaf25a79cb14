"use client";
// How the Test tab authenticates to the gateway, as its authorizer expects: a Cognito client's token, a pasted token, SigV4 or nothing.
import { useState } from "react";
import { revealTestTokenAction } from "@/lib/actions/gateway-test";
import type { TestAuth } from "@/lib/models/gateway-test";
import { CognitoClientPicker, type PickedCognitoClient } from "@/components/identity/pool-client-picker";
import { Callout } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type Props = { gatewayId: string; authorizerType: string; onChange: (auth: TestAuth | null) => void };

export function AuthPicker({ gatewayId, authorizerType, onChange }: Props) {
  if (authorizerType === "AWS_IAM") {
    return <p className="text-sm">Requests are signed with the console&apos;s own credentials (SigV4, service <code className="font-mono">bedrock-agentcore</code>): Sign with the console&apos;s credentials.</p>;
  }
  if (authorizerType !== "CUSTOM_JWT") return <p className="text-sm">This gateway takes no inbound authentication: requests carry no token.</p>;
  return <JwtAuth gatewayId={gatewayId} onChange={onChange} />;
}

function JwtAuth({ gatewayId, onChange }: { gatewayId: string; onChange: (auth: TestAuth | null) => void }) {
  const [mode, setMode] = useState<"cognito" | "bearer">("cognito");
  const [picked, setPicked] = useState<PickedCognitoClient | null>(null);
  const [scopes, setScopes] = useState<string[]>([]);
  const [token, setToken] = useState("");
  const [shown, setShown] = useState<{ token?: string; failure?: string } | null>(null);
  const [revealing, setRevealing] = useState(false);

  const emit = (next: { mode?: typeof mode; picked?: PickedCognitoClient | null; scopes?: string[]; token?: string }) => {
    const m = next.mode ?? mode;
    const p = next.picked !== undefined ? next.picked : picked;
    const t = (next.token ?? token).trim();
    setShown(null);
    if (m === "bearer") return onChange(t ? { kind: "bearer", token: t } : null);
    onChange(p ? { kind: "cognito", poolId: p.poolId, clientId: p.clientId, scopes: next.scopes ?? scopes } : null);
  };

  async function reveal() {
    if (!picked) return;
    setRevealing(true);
    try {
      const r = await revealTestTokenAction(gatewayId, { kind: "cognito", poolId: picked.poolId, clientId: picked.clientId, scopes });
      setShown(r.ok ? { token: r.data.token } : { failure: r.message });
    } catch {
      setShown({ failure: "The console could not reach its server. Try again." });
    } finally {
      setRevealing(false);
    }
  }

  return (
    <div className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Token</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(
            [
              ["cognito", "Get a token from a Cognito app client"],
              ["bearer", "Paste a bearer token"],
            ] as const
          ).map(([m, label]) => (
            <label key={m} className="flex items-center gap-2">
              <input type="radio" name="test-auth-mode" checked={mode === m} onChange={() => (setMode(m), emit({ mode: m }))} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      {mode === "cognito" ? (
        <div className="space-y-3">
          <CognitoClientPicker idPrefix="test-auth" onChange={(p) => (setPicked(p), setScopes([]), emit({ picked: p, scopes: [] }))} />
          {picked && picked.scopes.length ? (
            <fieldset className="space-y-1">
              <legend className="text-sm font-medium">Scopes</legend>
              <p className="text-xs text-muted-foreground">None chosen: Cognito grants every scope the client is allowed.</p>
              {picked.scopes.map((s) => (
                <label key={s} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={scopes.includes(s)}
                    onChange={(e) => {
                      const next = e.target.checked ? [...scopes, s] : scopes.filter((x) => x !== s);
                      setScopes(next);
                      emit({ scopes: next });
                    }}
                  />
                  <code className="font-mono text-xs">{s}</code>
                </label>
              ))}
            </fieldset>
          ) : null}
          {picked ? (
            <div className="space-y-2">
              <p className="text-xs text-muted-foreground">The console gets the token on the server (client-credentials grant) for each request; it stays there unless you ask to see it.</p>
              <Button variant="outline" size="sm" onClick={() => void reveal()} aria-disabled={revealing || undefined}>
                {revealing ? "Getting the token…" : "Show token"}
              </Button>
              <div aria-live="polite">
                {shown?.token ? (
                  <pre aria-label="Test token" className="overflow-auto whitespace-pre-wrap break-all rounded bg-muted p-2 font-mono text-xs">
                    {shown.token}
                  </pre>
                ) : null}
                {shown?.failure ? (
                  <Callout tone="danger" role="alert">
                    {shown.failure}
                  </Callout>
                ) : null}
              </div>
            </div>
          ) : null}
        </div>
      ) : (
        <Field id="test-auth-token" label="Bearer token" hint="Sent as Authorization: Bearer … by the console's server; masked in the exchange it shows.">
          {(p) => <Input {...p} type="password" autoComplete="off" spellCheck={false} value={token} onChange={(e) => (setToken(e.target.value), emit({ token: e.target.value }))} />}
        </Field>
      )}
    </div>
  );
}
