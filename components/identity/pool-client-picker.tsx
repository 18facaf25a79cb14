"use client";
// Picks an existing Cognito user pool, then one of its app clients; gives the discovery URL and client id for a JWT authorizer.
import { RefreshCw } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { listPoolClientsAction, listUserPoolsAction, type PoolOption } from "@/lib/actions/identity";
import type { AppClientInfo } from "@/lib/models/identity";
import { Callout } from "@/components/ui/alert";
import { FailureCallout } from "@/components/ui/error-callout";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";

export type PickedCognitoClient = {
  poolId: string;
  poolName: string;
  clientId: string;
  clientName: string;
  discoveryUrl: string;
  /** The client's allowed OAuth scopes (identifier/scope). */
  scopes: string[];
  /** The client can run the client-credentials grant (OAuth on, the flow allowed, a secret). */
  clientCredentials: boolean;
};

type Failure = { message: string; errorName?: string };

const UNREACHABLE = "The console could not reach its server. Check that it is running, then try again.";

export function CognitoClientPicker({ onChange, idPrefix = "cognito-picker" }: { onChange: (picked: PickedCognitoClient | null) => void; idPrefix?: string }) {
  const [pools, setPools] = useState<PoolOption[] | null>(null);
  const [poolsToken, setPoolsToken] = useState<string | undefined>();
  const [poolId, setPoolId] = useState("");
  const [clients, setClients] = useState<{ poolId: string; discoveryUrl: string; items: AppClientInfo[] } | null>(null);
  const [clientId, setClientId] = useState("");
  const [loading, setLoading] = useState<"pools" | "clients" | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const [poolsFailed, setPoolsFailed] = useState(false);

  const loadPools = useCallback(async (token?: string) => {
    setLoading("pools");
    setFailure(null);
    try {
      const r = await listUserPoolsAction(token);
      if (!r.ok) {
        if (!token) setPoolsFailed(true);
        return setFailure({ message: r.message, errorName: r.errorName });
      }
      setPoolsFailed(false);
      setPools((prev) => (token && prev ? [...prev, ...r.data.pools] : r.data.pools));
      setPoolsToken(r.data.nextToken);
    } catch {
      if (!token) setPoolsFailed(true);
      setFailure({ message: UNREACHABLE });
    } finally {
      setLoading(null);
    }
  }, []);

  useEffect(() => {
    void (async () => loadPools())();
  }, [loadPools]);

  async function choosePool(id: string) {
    setPoolId(id);
    setClientId("");
    setClients(null);
    onChange(null);
    if (!id) return;
    setLoading("clients");
    setFailure(null);
    try {
      const r = await listPoolClientsAction(id);
      if (!r.ok) return setFailure({ message: r.message, errorName: r.errorName });
      setClients({ poolId: id, discoveryUrl: r.data.discoveryUrl, items: r.data.clients });
    } catch {
      setFailure({ message: UNREACHABLE });
    } finally {
      setLoading(null);
    }
  }

  function chooseClient(id: string) {
    setClientId(id);
    const c = clients?.items.find((x) => x.clientId === id);
    if (!c || !clients) return onChange(null);
    onChange({
      poolId: clients.poolId,
      poolName: pools?.find((p) => p.id === clients.poolId)?.name ?? clients.poolId,
      clientId: c.clientId,
      clientName: c.clientName,
      discoveryUrl: clients.discoveryUrl,
      scopes: c.scopes,
      clientCredentials: c.clientCredentials,
    });
  }

  const chosen = clients?.items.find((c) => c.clientId === clientId);
  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <Field
          id={`${idPrefix}-pool`}
          label="User pool"
          hint={
            pools && pools.length === 0
              ? "No user pools in this region yet."
              : !pools && poolsFailed
                ? "Reload user pools to try again."
                : "The Cognito user pools of this account and region."
          }
        >
          {(p) => (
            <div className="flex gap-2">
              <Select {...p} value={poolId} onChange={(e) => void choosePool(e.target.value)} disabled={!pools || pools.length === 0}>
                <option value="">{pools ? "Choose a user pool" : poolsFailed && loading !== "pools" ? "User pools could not be loaded" : "Loading user pools…"}</option>
                {pools?.map((pool) => (
                  <option key={pool.id} value={pool.id}>
                    {pool.name} ({pool.id})
                  </option>
                ))}
              </Select>
              <Button variant="outline" size="icon" aria-label="Reload user pools" onClick={() => void loadPools()} aria-disabled={loading === "pools" || undefined}>
                <RefreshCw aria-hidden="true" />
              </Button>
            </div>
          )}
        </Field>
        <Field
          id={`${idPrefix}-client`}
          label="App client"
          hint={clients && clients.items.length === 0 ? "This pool has no app clients." : "Its id goes into the gateway's allowed clients."}
        >
          {(p) => (
            <Select {...p} value={clientId} onChange={(e) => chooseClient(e.target.value)} disabled={!clients || clients.items.length === 0}>
              <option value="">{loading === "clients" ? "Loading app clients…" : "Choose an app client"}</option>
              {clients?.items.map((c) => (
                <option key={c.clientId} value={c.clientId}>
                  {c.clientName} ({c.clientId})
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      {poolsToken ? (
        <Button variant="link" size="sm" onClick={() => void loadPools(poolsToken)}>
          Load more user pools
        </Button>
      ) : null}
      {failure ? <FailureCallout failure={failure} /> : null}
      {chosen && !chosen.clientCredentials ? (
        <Callout tone="warning" role="status">
          This app client cannot get tokens with the client-credentials grant (it needs a secret and the client_credentials OAuth flow), so
          machine callers cannot use it with the gateway.
        </Callout>
      ) : null}
    </div>
  );
}
