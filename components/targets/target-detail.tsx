// Every field of a target, and the tools its inline schema declares.
import type { ReactNode } from "react";
import type { Target } from "@/lib/aws/targets";
import { targetTypeOf } from "@/lib/schemas/target-mapping";
import { TARGET_TYPE_LABELS } from "@/lib/schemas/target";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime } from "@/components/gateways/format";
import { ToolsTable } from "./tools-table";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[12rem_1fr] gap-4 border-b py-2.5 last:border-0">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words text-sm">{children}</dd>
    </div>
  );
}

const mono = (v: string | undefined) => (v ? <code className="break-all font-mono text-xs">{v}</code> : <span className="text-muted-foreground">—</span>);

function schemaSource(s: { s3?: { uri?: string; bucketOwnerAccountId?: string }; inlinePayload?: unknown } | undefined) {
  if (!s) return <span className="text-muted-foreground">—</span>;
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
      <Card>
        <CardHeader>
          <CardTitle>Target</CardTitle>
        </CardHeader>
        <CardContent>
          <dl>
            <Row label="Target ID">{mono(t.targetId)}</Row>
            <Row label="Type">{type === "other" ? "Other" : TARGET_TYPE_LABELS[type]}</Row>
            <Row label="Description">{t.description || <span className="text-muted-foreground">—</span>}</Row>
            {mcp?.lambda ? (
              <>
                <Row label="Lambda function">
                  <div className="flex items-center gap-2">
                    {mono(mcp.lambda.lambdaArn)}
                    {mcp.lambda.lambdaArn ? <CopyButton value={mcp.lambda.lambdaArn} label="Copy function ARN" /> : null}
                  </div>
                </Row>
                <Row label="Tool schema">{schemaSource(mcp.lambda.toolSchema)}</Row>
              </>
            ) : null}
            {mcp?.openApiSchema ? <Row label="OpenAPI document">{schemaSource(mcp.openApiSchema)}</Row> : null}
            {mcp?.smithyModel ? <Row label="Smithy model">{schemaSource(mcp.smithyModel)}</Row> : null}
            {mcp?.mcpServer ? <Row label="Endpoint">{mono(mcp.mcpServer.endpoint)}</Row> : null}
            {mcp?.apiGateway ? (
              <>
                <Row label="REST API / stage">{mono(`${mcp.apiGateway.restApiId} / ${mcp.apiGateway.stage}`)}</Row>
                <Row label="Tool filters">
                  <ul className="space-y-0.5 font-mono text-xs">
                    {(mcp.apiGateway.apiGatewayToolConfiguration?.toolFilters ?? []).map((f, i) => (
                      <li key={i}>
                        {(f.methods ?? []).join(", ")} {f.filterPath}
                      </li>
                    ))}
                  </ul>
                </Row>
              </>
            ) : null}
            <Row label="Outbound auth">
              {cred ? cred.credentialProviderType : "None"}
              {provider?.iamCredentialProvider ? <span className="ml-2 text-xs text-muted-foreground">signs for {provider.iamCredentialProvider.service}</span> : null}
            </Row>
            {providerArn ? (
              <Row label="Credential provider">
                <div className="flex items-center gap-2">
                  {mono(providerArn)}
                  <CopyButton value={providerArn} label="Copy provider ARN" />
                </div>
              </Row>
            ) : null}
            {provider?.oauthCredentialProvider ? <Row label="Scopes">{(provider.oauthCredentialProvider.scopes ?? []).join(" ") || "—"}</Row> : null}
            <Row label="Created">{formatDateTime(t.createdAt)}</Row>
            <Row label="Updated">{formatDateTime(t.updatedAt)}</Row>
            {t.lastSynchronizedAt ? <Row label="Last synchronized">{formatDateTime(t.lastSynchronizedAt)}</Row> : null}
          </dl>
        </CardContent>
      </Card>
      {mcp?.lambda?.toolSchema?.inlinePayload ? (
        <Card>
          <CardHeader>
            <CardTitle>Tools</CardTitle>
          </CardHeader>
          <CardContent>
            <ToolsTable toolsJson={JSON.stringify(mcp.lambda.toolSchema.inlinePayload)} />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
