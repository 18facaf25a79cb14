// Every field of a gateway, with copy buttons for its URL and ARN.
import type { ReactNode } from "react";
import type { Gateway } from "@/lib/aws/gateways";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Badge } from "@/components/ui/badge";
import { AUTHORIZER_LABELS } from "./status-badge";
import { formatDateTime } from "./format";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[12rem_1fr] gap-4 border-b py-2.5 last:border-0">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-sm">{children}</dd>
    </div>
  );
}

function CopyValue({ value, label }: { value: string | undefined; label: string }) {
  if (!value) return <span className="text-muted-foreground">—</span>;
  return (
    <div className="flex items-center gap-2">
      <code className="min-w-0 break-all font-mono text-xs">{value}</code>
      <CopyButton value={value} label={label} />
    </div>
  );
}

const list = (l: string[] | undefined) =>
  l && l.length ? (
    <ul className="flex flex-wrap gap-1">
      {l.map((v) => (
        <li key={v}>
          <Badge className="font-mono">{v}</Badge>
        </li>
      ))}
    </ul>
  ) : (
    <span className="text-muted-foreground">—</span>
  );

export function GatewayDetail({ gateway: g }: { gateway: Gateway }) {
  const jwt = g.authorizerConfiguration?.customJWTAuthorizer;
  const mcp = g.protocolConfiguration?.mcp;
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Overview</CardTitle>
        </CardHeader>
        <CardContent>
          <dl>
            <Row label="Gateway URL">
              <CopyValue value={g.gatewayUrl} label="Copy gateway URL" />
            </Row>
            <Row label="Gateway ARN">
              <CopyValue value={g.gatewayArn} label="Copy gateway ARN" />
            </Row>
            <Row label="Gateway ID">
              <code className="font-mono text-xs">{g.gatewayId}</code>
            </Row>
            <Row label="Description">{g.description || <span className="text-muted-foreground">—</span>}</Row>
            <Row label="Execution role">
              <CopyValue value={g.roleArn} label="Copy role ARN" />
            </Row>
            <Row label="Protocol">{g.protocolType ?? "MCP"}</Row>
            <Row label="Workload identity">
              <CopyValue value={g.workloadIdentityDetails?.workloadIdentityArn} label="Copy workload identity ARN" />
            </Row>
            <Row label="Created">{formatDateTime(g.createdAt)}</Row>
            <Row label="Updated">{formatDateTime(g.updatedAt)}</Row>
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Inbound auth</CardTitle>
        </CardHeader>
        <CardContent>
          <dl>
            <Row label="Authorizer type">{AUTHORIZER_LABELS[g.authorizerType] ?? g.authorizerType}</Row>
            {jwt ? (
              <>
                <Row label="Discovery URL">
                  <CopyValue value={jwt.discoveryUrl} label="Copy discovery URL" />
                </Row>
                <Row label="Allowed clients">{list(jwt.allowedClients)}</Row>
                <Row label="Allowed audiences">{list(jwt.allowedAudience)}</Row>
                <Row label="Allowed scopes">{list(jwt.allowedScopes)}</Row>
                <Row label="Custom claims">
                  {jwt.customClaims?.length ? (
                    <ul className="space-y-1">
                      {jwt.customClaims.map((c, i) => {
                        const m = c.authorizingClaimMatchValue;
                        const v = m?.claimMatchValue?.matchValueString ?? m?.claimMatchValue?.matchValueStringList?.join(", ");
                        return (
                          <li key={i} className="font-mono text-xs">
                            {c.inboundTokenClaimName} ({c.inboundTokenClaimValueType}) {m?.claimMatchOperator} {v}
                          </li>
                        );
                      })}
                    </ul>
                  ) : (
                    <span className="text-muted-foreground">—</span>
                  )}
                </Row>
              </>
            ) : null}
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>MCP and advanced</CardTitle>
        </CardHeader>
        <CardContent>
          <dl>
            <Row label="Supported versions">{list(mcp?.supportedVersions)}</Row>
            <Row label="Instructions">{mcp?.instructions ? <p className="whitespace-pre-wrap">{mcp.instructions}</p> : <span className="text-muted-foreground">—</span>}</Row>
            <Row label="Semantic search">{mcp?.searchType === "SEMANTIC" ? "On" : "Off"}</Row>
            <Row label="Exception level">{g.exceptionLevel ?? "Generic errors"}</Row>
            <Row label="KMS key">
              <CopyValue value={g.kmsKeyArn} label="Copy KMS key ARN" />
            </Row>
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}
