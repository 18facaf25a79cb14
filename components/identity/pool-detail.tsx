// One user pool: its OIDC URLs, domain, resource servers and scopes, and app clients with secret reveal and test tokens.
import { DeleteAppClientButton } from "./delete-pool-buttons";
import Link from "next/link";
import type { AppClientInfo, PoolDetail } from "@/lib/models/identity";
import { newGatewayHref } from "@/lib/schemas/cognito";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { TitledCard } from "@/components/ui/card";
import { CopyRow, CopyValue } from "@/components/ui/copy-value";
import { BadgeList, DetailList, DetailRow } from "@/components/ui/detail-list";
import { HeaderRow, Table, TBody, Td, Tr } from "@/components/ui/table";
import { formatDateTime, formatDuration } from "@/components/ui/format";
import { ClientSecret } from "./client-secret";
import { DomainStatusBadge } from "./domain-status";
import { TestTokenButton } from "./test-token";
import { VerifyDiscoveryButton } from "./verify-discovery-button";

const LABEL_WIDTH = "11rem";

function AppClientCard({ pool, client: c }: { pool: PoolDetail; client: AppClientInfo }) {
  const tokenBlocked = !c.clientCredentials
    ? "Needs a secret and the client_credentials OAuth flow."
    : !pool.domain
      ? "The pool needs a domain first."
      : pool.domainStatus && pool.domainStatus !== "ACTIVE"
        ? `The domain is ${pool.domainStatus}.`
        : undefined;
  return (
    <section aria-label={`App client ${c.clientName}`} className="space-y-3 rounded-md border p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium">{c.clientName}</h3>
        <div className="flex flex-wrap items-center gap-1">
          <Badge tone={c.hasSecret ? "neutral" : "warning"}>{c.hasSecret ? "Confidential" : "Public (no secret)"}</Badge>
          {c.clientCredentials ? <Badge tone="success">client_credentials</Badge> : null}
          {c.flows.filter((f) => f !== "client_credentials").map((f) => (
            <Badge key={f}>{f}</Badge>
          ))}
          <DeleteAppClientButton poolId={pool.id} clientId={c.clientId} name={c.clientName} />
        </div>
      </div>
      <DetailList labelWidth={LABEL_WIDTH}>
        <CopyRow label="Client id" value={c.clientId} copyLabel={`Copy client id of ${c.clientName}`} />
        {c.hasSecret ? (
          <DetailRow label="Client secret">
            <ClientSecret poolId={pool.id} clientId={c.clientId} />
          </DetailRow>
        ) : null}
        <DetailRow label="Allowed scopes">
          <BadgeList items={c.scopes} />
        </DetailRow>
        <DetailRow label="Access token lifetime">{formatDuration(c.accessTokenValiditySeconds)}</DetailRow>
        <DetailRow label="Created">{formatDateTime(c.createdAt)}</DetailRow>
      </DetailList>
      <div className="flex flex-wrap items-start gap-3">
        <Link href={newGatewayHref(pool.discoveryUrl, c.clientId)} className={buttonVariants({ variant: "outline", size: "sm" })}>
          Use in a new gateway
        </Link>
      </div>
      <TestTokenButton poolId={pool.id} clientId={c.clientId} disabledReason={tokenBlocked} />
    </section>
  );
}

export function PoolDetailView({ pool }: { pool: PoolDetail }) {
  return (
    <div className="grid gap-6">
      <TitledCard title="OpenID Connect">
        <DetailList labelWidth={LABEL_WIDTH}>
          <DetailRow label="Discovery URL">
            <div className="space-y-2">
              <CopyValue value={pool.discoveryUrl} label="Copy discovery URL" />
              <VerifyDiscoveryButton url={pool.discoveryUrl} />
            </div>
          </DetailRow>
          <DetailRow label="Issuer">
            <code className="break-all font-mono text-xs">{pool.issuer}</code>
          </DetailRow>
          <DetailRow label="Domain">
            {pool.domain ? (
              <span className="flex items-center gap-2">
                <code className="font-mono text-xs">{pool.domain}</code>
                <DomainStatusBadge status={pool.domainStatus} />
                {pool.customDomain ? <Badge>custom</Badge> : null}
              </span>
            ) : (
              <span className="text-muted-foreground">No domain: the pool has no token endpoint.</span>
            )}
          </DetailRow>
          <CopyRow label="Token endpoint" value={pool.tokenEndpoint} copyLabel="Copy token endpoint" />
          <CopyRow label="User pool id" value={pool.id} copyLabel="Copy user pool id" />
          <DetailRow label="ARN">
            <code className="break-all font-mono text-xs">{pool.arn}</code>
          </DetailRow>
          <DetailRow label="Created">{formatDateTime(pool.createdAt)}</DetailRow>
          <DetailRow label="Tags">
            <BadgeList items={Object.entries(pool.tags).map(([k, v]) => `${k}=${v}`)} />
          </DetailRow>
        </DetailList>
      </TitledCard>

      <TitledCard title="Resource servers and scopes" contentClassName="p-0">
        {pool.resourceServers.length ? (
          <Table aria-label="Resource servers">
            <HeaderRow columns={["Identifier", "Name", "Scopes"]} />
            <TBody>
              {pool.resourceServers.map((rs) => (
                <Tr key={rs.identifier}>
                  <Td className="font-mono text-xs">{rs.identifier}</Td>
                  <Td>{rs.name}</Td>
                  <Td>
                    <ul className="flex flex-wrap gap-1">
                      {rs.scopes.map((s) => (
                        <li key={s.name}>
                          <Badge className="font-mono" title={s.description}>
                            {rs.identifier}/{s.name}
                          </Badge>
                        </li>
                      ))}
                    </ul>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        ) : (
          <p className="px-5 py-4 text-sm text-muted-foreground">No resource servers: app clients can only ask for standard scopes.</p>
        )}
      </TitledCard>

      <TitledCard title="App clients" contentClassName="space-y-4">
        {pool.clients.length ? (
          pool.clients.map((c) => <AppClientCard key={c.clientId} pool={pool} client={c} />)
        ) : (
          <p className="text-sm text-muted-foreground">No app clients.</p>
        )}
      </TitledCard>
    </div>
  );
}
