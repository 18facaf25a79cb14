// A gateway's targets: name (link), type, status, last synchronized, and the row's actions.
import Link from "next/link";
import type { TargetSummary } from "@/lib/models/targets";
import { targetTypeName } from "@/lib/schemas/labels";
import { HeaderRow, Table, TBody, Td, Tr } from "@/components/ui/table";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "@/components/ui/format";
import { FocusFromUrl } from "@/components/forms/focus-from-url";
import { TargetRowActions } from "./target-row-actions";

export function TargetsTable({ gatewayId, targets }: { gatewayId: string; targets: TargetSummary[] }) {
  return (
    <>
    <FocusFromUrl />
    <Table aria-label="Targets">
      <HeaderRow columns={["Name", "Type", "Status", "Last synchronized"]} actions />
      <TBody>
        {targets.map((t) => {
          const type = t.targetType ?? "";
          return (
            <Tr key={t.targetId}>
              <Td>
                <Link href={`/gateways/${gatewayId}/targets/${t.targetId}`} data-focus-id={t.targetId} className="font-medium text-info hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
                  {t.name}
                </Link>
                <div className="font-mono text-xs text-muted-foreground">{t.targetId}</div>
              </Td>
              <Td>{targetTypeName(type)}</Td>
              <Td>
                <StatusBadge status={t.status} />
              </Td>
              <Td className="whitespace-nowrap text-muted-foreground">{t.lastSynchronizedAt ? formatDateTime(t.lastSynchronizedAt) : "—"}</Td>
              <Td className="text-right">
                <TargetRowActions gatewayId={gatewayId} targetId={t.targetId} name={t.name} canSync={type === "MCP_SERVER"} busy={["CREATING", "UPDATING", "DELETING", "SYNCHRONIZING"].includes(t.status)} />
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
    </>
  );
}
