// Every field of a target, and the tools its inline schema declares.
import type { Target } from "@/lib/models/targets";
import { targetTypeOf } from "@/lib/schemas/target-mapping";
import { OUTBOUND_AUTH_LABELS, TARGET_TYPE_LABELS } from "@/lib/schemas/labels";
import { TitledCard } from "@/components/ui/card";
import { CopyRow } from "@/components/ui/copy-value";
import { DetailList, DetailRow, NoValue } from "@/components/ui/detail-list";
import { formatDateTime } from "@/components/ui/format";
import { OperationsTable } from "./operations-table";
import { ToolsTable } from "./tools-table";

const mono = (v: string | undefined) => (v ? <code className="break-all font-mono text-xs">{v}</code> : <NoValue />);

function schemaSource(s: { s3?: { uri?: string; bucketOwnerAccountId?: string }; inlinePayload?: unknown } | undefined) {
  if (!s) return <NoValue />;
  if (s.s3) return <>{mono(s.s3.uri)}{s.s3.bucketOwnerAccountId ? <span className="ml-2 text-xs text-muted-foreground">owner {s.s3.bucketOwnerAccountId}</span> : null}</>;
  return "Inline";
}

export function TargetDetail({ target: t }: { target: Target }) {
  const type = targetTypeOf(t);
  const mcp = t.targetConfiguration?.mcp;
  const cred = t.credentialProviderConfigurations?.[0];
  const provider = cred?.credentialProvider;
  const providerArn = provider?.apiKeyCredentialProvider?.providerArn ?? provider?.oauthCredentialProvider?.providerArn;
  return (
    <div className="grid gap-6">
      <TitledCard title="Target">
        <DetailList>
          <DetailRow label="Target ID">{mono(t.targetId)}</DetailRow>
          <DetailRow label="Type">{type === "other" ? "Other" : TARGET_TYPE_LABELS[type].label}</DetailRow>
          <DetailRow label="Description">{t.description || <NoValue />}</DetailRow>
          {mcp?.lambda ? (
            <>
              <CopyRow label="Lambda function" value={mcp.lambda.lambdaArn} copyLabel="Copy function ARN" />
              <DetailRow label="Tool schema">{schemaSource(mcp.lambda.toolSchema)}</DetailRow>
            </>
          ) : null}
          {mcp?.openApiSchema ? <DetailRow label="OpenAPI document">{schemaSource(mcp.openApiSchema)}</DetailRow> : null}
          {mcp?.smithyModel ? <DetailRow label="Smithy model">{schemaSource(mcp.smithyModel)}</DetailRow> : null}
          {mcp?.mcpServer ? <DetailRow label="Endpoint">{mono(mcp.mcpServer.endpoint)}</DetailRow> : null}
          {mcp?.apiGateway ? (
            <>
              <DetailRow label="REST API / stage">{mono(`${mcp.apiGateway.restApiId} / ${mcp.apiGateway.stage}`)}</DetailRow>
              <DetailRow label="Tool filters">
                <ul className="space-y-0.5 font-mono text-xs">
                  {(mcp.apiGateway.apiGatewayToolConfiguration?.toolFilters ?? []).map((f, i) => (
                    <li key={i}>
                      {(f.methods ?? []).join(", ")} {f.filterPath}
                    </li>
                  ))}
                </ul>
              </DetailRow>
            </>
          ) : null}
          <DetailRow label="Outbound auth">
            {cred ? (OUTBOUND_AUTH_LABELS[cred.credentialProviderType as keyof typeof OUTBOUND_AUTH_LABELS] ?? cred.credentialProviderType) : OUTBOUND_AUTH_LABELS.NONE}
            {provider?.iamCredentialProvider ? <span className="ml-2 text-xs text-muted-foreground">signs for {provider.iamCredentialProvider.service}</span> : null}
          </DetailRow>
          {providerArn ? (
            <CopyRow label="Credential provider" value={providerArn} copyLabel="Copy provider ARN" />
          ) : null}
          {provider?.oauthCredentialProvider ? <DetailRow label="Scopes">{(provider.oauthCredentialProvider.scopes ?? []).join(" ") || "—"}</DetailRow> : null}
          <DetailRow label="Created">{formatDateTime(t.createdAt)}</DetailRow>
          <DetailRow label="Updated">{formatDateTime(t.updatedAt)}</DetailRow>
          {t.lastSynchronizedAt ? <DetailRow label="Last synchronized">{formatDateTime(t.lastSynchronizedAt)}</DetailRow> : null}
        </DetailList>
      </TitledCard>
      {mcp?.lambda?.toolSchema?.inlinePayload || mcp?.openApiSchema?.inlinePayload || mcp?.smithyModel?.inlinePayload ? (
        <TitledCard title="Tools">
          {mcp.lambda?.toolSchema?.inlinePayload ? <ToolsTable toolsJson={JSON.stringify(mcp.lambda.toolSchema.inlinePayload)} /> : null}
          {mcp.openApiSchema?.inlinePayload ? <OperationsTable kind="openapi" text={mcp.openApiSchema.inlinePayload} /> : null}
          {mcp.smithyModel?.inlinePayload ? <OperationsTable kind="smithy" text={mcp.smithyModel.inlinePayload} /> : null}
        </TitledCard>
      ) : null}
    </div>
  );
}
