// The user pools table: name (link), made-for-gateway mark, domain and status, discovery URL and token endpoint, created.
import Link from "next/link";
import type { PoolSummary } from "@/lib/models/identity";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { Skeleton } from "@/components/ui/skeleton";
import { HeaderRow, Table, TBody, Td, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/components/ui/format";
import { DomainStatusBadge } from "./domain-status";

export function PoolsTable({ items }: { items: PoolSummary[] }) {
  return (
    <Table aria-label="User pools">
      <HeaderRow columns={["Name", "Domain", "OIDC", "Created"]} />
      <TBody>
        {items.map((p) => (
          <Tr key={p.id}>
            <Td>
              <div className="flex flex-wrap items-center gap-2">
                <Link
                  href={`/identity/${p.id}`}
                  className="font-medium text-info hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                >
                  {p.name}
                </Link>
                {p.forGateway ? <Badge tone="info">For gateways</Badge> : null}
              </div>
              <div className="font-mono text-xs text-muted-foreground">{p.id}</div>
              {p.problem ? (
                <div className="text-xs text-destructive">
                  {p.problem}
                  {p.problemName ? <span className="ml-2 font-mono text-muted-foreground">{p.problemName}</span> : null}
                </div>
              ) : null}
            </Td>
            <Td>
              {p.domain ? (
                <div className="flex items-center gap-2">
                  <span className="font-mono text-xs">{p.domain}</span>
                  <DomainStatusBadge status={p.domainStatus} />
                </div>
              ) : p.problem ? (
                <span className="text-xs text-muted-foreground">Unknown (the pool could not be read)</span>
              ) : (
                <span className="text-xs text-muted-foreground">No domain (no token endpoint)</span>
              )}
            </Td>
            <Td>
              <dl className="grid grid-cols-[auto_auto] items-center gap-x-2 gap-y-1 text-xs">
                <dt className="text-muted-foreground">Discovery URL</dt>
                <dd>
                  <CopyButton value={p.discoveryUrl} label={`Copy discovery URL of ${p.name}`} />
                </dd>
                {p.tokenEndpoint ? (
                  <>
                    <dt className="text-muted-foreground">Token endpoint</dt>
                    <dd>
                      <CopyButton value={p.tokenEndpoint} label={`Copy token endpoint of ${p.name}`} />
                    </dd>
                  </>
                ) : null}
              </dl>
            </Td>
            <Td className="whitespace-nowrap text-muted-foreground">{formatDateTime(p.createdAt)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

export function PoolsTableSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading user pools" className="space-y-2 p-4">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-12 w-full" />
      ))}
    </div>
  );
}
