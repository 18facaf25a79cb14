"use client";
// The gateway's Test tab: authenticate, connect and list the tools (on the server, over MCP), call one, search, see refusals explained.
import { useState } from "react";
import { connectGatewayAction } from "@/lib/actions/gateway-test";
import type { TestAuth, TestConnection, TestRefused, TestTool } from "@/lib/models/gateway-test";
import { Callout } from "@/components/ui/alert";
import { FailureCallout } from "@/components/ui/error-callout";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle, TitledCard } from "@/components/ui/card";
import { AuthPicker } from "./auth-picker";
import { ExchangeView } from "./exchange-view";
import { RefusalPanel } from "./refusal-panel";
import { SearchBox } from "./search-box";
import { ToolCallForm } from "./tool-call-form";
import { ToolList } from "./tool-list";

export type TestPanelGateway = { gatewayId: string; name: string; authorizerType: string; status: string; semanticSearch: boolean };

const fixedAuth = (type: string): TestAuth | null => (type === "AWS_IAM" ? { kind: "iam" } : type === "CUSTOM_JWT" ? null : { kind: "none" });

export function GatewayTestPanel({ gateway }: { gateway: TestPanelGateway }) {
  const [auth, setAuth] = useState<TestAuth | null>(() => fixedAuth(gateway.authorizerType));
  const [pending, setPending] = useState(false);
  const [connection, setConnection] = useState<TestConnection | null>(null);
  const [refused, setRefused] = useState<TestRefused | null>(null);
  const [failure, setFailure] = useState<{ message: string; errorName?: string } | null>(null);
  const [tool, setTool] = useState<TestTool | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function connect() {
    if (pending || !auth) return;
    setPending(true);
    setFailure(null);
    setRefused(null);
    setNotice(null);
    try {
      const r = await connectGatewayAction(gateway.gatewayId, auth);
      if (!r.ok) return setFailure({ message: r.message, errorName: r.errorName });
      if ("refused" in r.data) {
        setConnection(null);
        return setRefused(r.data);
      }
      const found = r.data;
      setConnection(found);
      setTool((t) => (t && found.tools.some((x) => x.name === t.name) ? t : null));
    } catch {
      setFailure({ message: "The console could not reach its server. Check that it is running, then try again." });
    } finally {
      setPending(false);
    }
  }

  const ready = gateway.status === "READY";
  return (
    <div className="space-y-5">
      <TitledCard title="Authenticate" contentClassName="space-y-4">
        <AuthPicker gatewayId={gateway.gatewayId} authorizerType={gateway.authorizerType} onChange={(a) => (setAuth(a), setConnection(null), setRefused(null))} />
        {!ready ? <Callout tone="warning">The gateway is {gateway.status}; it answers MCP requests once it is READY.</Callout> : null}
        <Button onClick={() => void connect()} aria-disabled={pending || !auth || undefined} title={!auth ? "Choose how to authenticate first" : undefined}>
          {pending ? "Connecting…" : "Connect and list tools"}
        </Button>
      </TitledCard>

      <div aria-live="polite" className="space-y-5">
        {pending ? <p className="text-sm text-muted-foreground">Connecting to the gateway…</p> : null}
        {notice ? <Callout role="status">{notice}</Callout> : null}
        {failure ? <FailureCallout failure={failure} /> : null}
        {refused ? (
          <RefusalPanel
            gatewayId={gateway.gatewayId}
            refusal={refused.refused}
            exchange={refused.exchange}
            onFixed={() => {
              // The update takes the gateway through UPDATING: connecting now could still meet the old configuration.
              setRefused(null);
              setNotice("The gateway was updated. Connect again once it is READY.");
            }}
          />
        ) : null}
        {connection && auth ? (
          <Card aria-label="Connection">
            <CardHeader>
              <CardTitle>Connected</CardTitle>
            </CardHeader>
            <CardContent className="space-y-4">
              <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-muted-foreground">Server</dt>
                <dd>
                  {connection.serverInfo.name} {connection.serverInfo.version}
                </dd>
                <dt className="text-muted-foreground">Protocol version</dt>
                <dd>{connection.protocolVersion}</dd>
                <dt className="text-muted-foreground">Tools</dt>
                <dd>{connection.tools.length}</dd>
              </dl>
              {connection.instructions ? <p className="whitespace-pre-wrap text-sm">{connection.instructions}</p> : null}
              <ToolList tools={connection.tools} selected={tool?.name} onSelect={setTool} />
              <ExchangeView exchange={connection.exchange} />
            </CardContent>
          </Card>
        ) : null}
      </div>

      {connection && auth && (gateway.semanticSearch || connection.hasSearch) ? (
        <TitledCard title="Search">
          <SearchBox gatewayId={gateway.gatewayId} auth={auth} onRefused={setRefused} />
        </TitledCard>
      ) : null}

      {connection && auth && tool ? (
        <Card>
          <CardHeader>
            <CardTitle>Call {tool.name}</CardTitle>
          </CardHeader>
          <CardContent>
            <ToolCallForm key={tool.name} gatewayId={gateway.gatewayId} auth={auth} tool={tool} onRefused={setRefused} />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
