// One user pool: its OIDC URLs, domain, resource servers and scopes, and app clients with secret reveal and test tokens.
import Link from "next/link";
import type { ReactNode } from "react";
import type { AppClientInfo, PoolDetail } from "@/lib/aws/cognito";
import { newGatewayHref } from "@/lib/schemas/cognito";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/components/gateways/format";
import { ClientSecret } from "./client-secret";
import { CopyValue } from "./copy-value";
import { DomainStatusBadge } from "./domain-status";
import { formatDuration } from "./format";
import { TestTokenButton } from "./test-token";
import { VerifyDiscoveryButton } from "./verify-discovery-button";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[11rem_1fr] gap-4 border-b py-2.5 last:border-0">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-sm">{children}</dd>
    </div>
  );
}

const none = <span className="text-muted-foreground">—</span>;

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
        <div className="flex flex-wrap gap-1">
          <Badge tone={c.hasSecret ? "neutral" : "warning"}>{c.hasSecret ? "Confidential" : "Public (no secret)"}</Badge>
          {c.clientCredentials ? <Badge tone="success">client_credentials</Badge> : null}
          {c.flows.filter((f) => f !== "client_credentials").map((f) => (
            <Badge key={f}>{f}</Badge>
          ))}
        </div>
      </div>
      <dl>
        <Row label="Client id">
          <CopyValue value={c.clientId} label={`Copy client id of ${c.clientName}`} />
        </Row>
        {c.hasSecret ? (
          <Row label="Client secret">
            <ClientSecret poolId={pool.id} clientId={c.clientId} />
          </Row>
        ) : null}
        <Row label="Allowed scopes">
          {c.scopes.length ? (
            <ul className="flex flex-wrap gap-1">
              {c.scopes.map((s) => (
                <li key={s}>
                  <Badge className="font-mono">{s}</Badge>
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </Row>
        <Row label="Access token lifetime">{formatDuration(c.accessTokenValiditySeconds)}</Row>
        <Row label="Created">{formatDateTime(c.createdAt)}</Row>
      </dl>
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
      <Card>
        <CardHeader>
          <CardTitle>OpenID Connect</CardTitle>
        </CardHeader>
        <CardContent>
          <dl>
            <Row label="Discovery URL">
              <div className="space-y-2">
                <CopyValue value={pool.discoveryUrl} label="Copy discovery URL" />
                <VerifyDiscoveryButton url={pool.discoveryUrl} />
              </div>
            </Row>
            <Row label="Issuer">
              <code className="break-all font-mono text-xs">{pool.issuer}</code>
            </Row>
            <Row label="Domain">
              {pool.domain ? (
                <span className="flex items-center gap-2">
                  <code className="font-mono text-xs">{pool.domain}</code>
                  <DomainStatusBadge status={pool.domainStatus} />
                  {pool.customDomain ? <Badge>custom</Badge> : null}
                </span>
              ) : (
                <span className="text-muted-foreground">No domain: the pool has no token endpoint.</span>
              )}
            </Row>
            <Row label="Token endpoint">
              <CopyValue value={pool.tokenEndpoint} label="Copy token endpoint" />
            </Row>
            <Row label="User pool id">
              <CopyValue value={pool.id} label="Copy user pool id" />
            </Row>
            <Row label="ARN">
              <code className="break-all font-mono text-xs">{pool.arn}</code>
            </Row>
            <Row label="Created">{formatDateTime(pool.createdAt)}</Row>
            <Row label="Tags">
              {Object.keys(pool.tags).length ? (
                <ul className="flex flex-wrap gap-1">
                  {Object.entries(pool.tags).map(([k, v]) => (
                    <li key={k}>
                      <Badge className="font-mono">
                        {k}={v}
                      </Badge>
                    </li>
                  ))}
                </ul>
              ) : (
                none
              )}
            </Row>
          </dl>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Resource servers and scopes</CardTitle>
        </CardHeader>
        <CardContent className="p-0">
          {pool.resourceServers.length ? (
            <Table aria-label="Resource servers">
              <THead>
                <tr>
                  <Th scope="col">Identifier</Th>
                  <Th scope="col">Name</Th>
                  <Th scope="col">Scopes</Th>
                </tr>
              </THead>
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
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>App clients</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          {pool.clients.length ? (
            pool.clients.map((c) => <AppClientCard key={c.clientId} pool={pool} client={c} />)
          ) : (
            <p className="text-sm text-muted-foreground">No app clients.</p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
