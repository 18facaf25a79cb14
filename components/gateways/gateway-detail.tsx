// Every field of a gateway, with copy buttons for its URL and ARN.
import type { Gateway } from "@/lib/models/gateways";
import { TitledCard } from "@/components/ui/card";
import { CopyRow } from "@/components/ui/copy-value";
import { BadgeList, DetailList, DetailRow, NoValue } from "@/components/ui/detail-list";
import { authorizerTypeName } from "@/lib/schemas/labels";
import { formatDateTime } from "@/components/ui/format";

export function GatewayDetail({ gateway: g }: { gateway: Gateway }) {
  const jwt = g.authorizerConfiguration?.customJWTAuthorizer;
  const mcp = g.protocolConfiguration?.mcp;
  return (
    <div className="grid gap-6">
      <TitledCard title="Overview">
        <DetailList>
          <CopyRow label="Gateway URL" value={g.gatewayUrl} copyLabel="Copy gateway URL" />
          <CopyRow label="Gateway ARN" value={g.gatewayArn} copyLabel="Copy gateway ARN" />
          <DetailRow label="Gateway ID">
            <code className="font-mono text-xs">{g.gatewayId}</code>
          </DetailRow>
          <DetailRow label="Description">{g.description || <NoValue />}</DetailRow>
          <CopyRow label="Execution role" value={g.roleArn} copyLabel="Copy role ARN" />
          <DetailRow label="Protocol">{g.protocolType ?? "MCP"}</DetailRow>
          <CopyRow label="Workload identity" value={g.workloadIdentityDetails?.workloadIdentityArn} copyLabel="Copy workload identity ARN" />
          <DetailRow label="Created">{formatDateTime(g.createdAt)}</DetailRow>
          <DetailRow label="Updated">{formatDateTime(g.updatedAt)}</DetailRow>
        </DetailList>
      </TitledCard>
      <TitledCard title="Inbound auth">
        <DetailList>
          <DetailRow label="Authorizer type">{authorizerTypeName(g.authorizerType)}</DetailRow>
          {jwt ? (
            <>
              <CopyRow label="Discovery URL" value={jwt.discoveryUrl} copyLabel="Copy discovery URL" />
              <DetailRow label="Allowed clients"><BadgeList items={jwt.allowedClients} /></DetailRow>
              <DetailRow label="Allowed audiences"><BadgeList items={jwt.allowedAudience} /></DetailRow>
              <DetailRow label="Allowed scopes"><BadgeList items={jwt.allowedScopes} /></DetailRow>
              <DetailRow label="Custom claims">
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
                  <NoValue />
                )}
              </DetailRow>
            </>
          ) : null}
        </DetailList>
      </TitledCard>
      <TitledCard title="MCP and advanced">
        <DetailList>
          <DetailRow label="Supported versions"><BadgeList items={mcp?.supportedVersions} /></DetailRow>
          <DetailRow label="Instructions">{mcp?.instructions ? <p className="whitespace-pre-wrap">{mcp.instructions}</p> : <NoValue />}</DetailRow>
          <DetailRow label="Semantic search">{mcp?.searchType === "SEMANTIC" ? "On" : "Off"}</DetailRow>
          <DetailRow label="Exception level">{g.exceptionLevel ?? "Generic errors"}</DetailRow>
          <CopyRow label="KMS key" value={g.kmsKeyArn} copyLabel="Copy KMS key ARN" />
        </DetailList>
      </TitledCard>
    </div>
  );
}
