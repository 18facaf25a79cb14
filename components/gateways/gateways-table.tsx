// The gateways table: name (link), status, authorizer, protocol, created and updated times.
import Link from "next/link";
import type { GatewaySummary } from "@/lib/models/gateways";
import { HeaderRow, Table, TBody, Td, Tr } from "@/components/ui/table";
import { Skeleton } from "@/components/ui/skeleton";
import { authorizerTypeName } from "@/lib/schemas/labels";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "@/components/ui/format";

export function GatewaysTable({ items }: { items: GatewaySummary[] }) {
  return (
    <Table aria-label="Gateways">
      <HeaderRow columns={["Name", "Status", "Inbound auth", "Protocol", "Created", "Updated"]} />
      <TBody>
        {items.map((g) => (
          <Tr key={g.gatewayId}>
            <Td>
              {/* No prefetch: a prefetched gateway layout would carry the status of that moment (CREATING) into a later click. */}
              <Link prefetch={false} href={`/gateways/${g.gatewayId}`} className="font-medium text-info hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
                {g.name}
              </Link>
              <div className="font-mono text-xs text-muted-foreground">{g.gatewayId}</div>
            </Td>
            <Td>
              <StatusBadge status={g.status} />
            </Td>
            <Td className="whitespace-nowrap">{authorizerTypeName(g.authorizerType)}</Td>
            <Td>{g.protocolType}</Td>
            <Td className="text-muted-foreground">
              <DateTime iso={g.createdAt} />
            </Td>
            <Td className="text-muted-foreground">
              <DateTime iso={g.updatedAt} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/** Date and time wrap onto two lines when the table is narrow (1024 px), instead of pushing a column out of view. */
function DateTime({ iso }: { iso: string }) {
  const [date, ...rest] = formatDateTime(iso).split(" ");
  return (
    <>
      <span className="whitespace-nowrap">{date}</span> <span className="whitespace-nowrap">{rest.join(" ")}</span>
    </>
  );
}

export function GatewaysTableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading gateways" className="space-y-2 p-4">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-10 w-full" />
      ))}
    </div>
  );
}
