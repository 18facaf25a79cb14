// The audit log table (newest first) and its empty state; entries come in as props from the page.
import { ScrollText } from "lucide-react";
import type { AuditEntry } from "@/lib/audit/log";
import { Badge } from "@/components/ui/badge";
import { NoValue } from "@/components/ui/detail-list";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/components/ui/format";

export function AuditEmptyState() {
  return (
    <div className="flex flex-col items-center gap-3 px-6 py-16 text-center">
      <ScrollText className="size-10 text-muted-foreground" aria-hidden="true" />
      <h2 className="text-base font-semibold">Nothing recorded yet</h2>
      <p className="max-w-md text-sm text-muted-foreground">
        Every change the console makes (creating, editing or deleting a gateway, target, credential provider, role, policy or user pool) and every revealed client
        secret will be listed here.
      </p>
    </div>
  );
}

function Resources({ resources }: { resources: Record<string, string> }) {
  const items = Object.entries(resources);
  if (items.length === 0) return <NoValue />;
  return (
    <ul className="space-y-0.5">
      {items.map(([k, v]) => (
        <li key={k} className="break-all font-mono text-xs">
          <span className="text-muted-foreground">{k}</span> {v}
        </li>
      ))}
    </ul>
  );
}

function Outcome({ entry }: { entry: AuditEntry }) {
  return (
    <div className="flex flex-col items-start gap-1">
      {entry.outcome === "ok" ? (
        <Badge tone="success">OK</Badge>
      ) : (
        <Badge tone="danger" className="whitespace-normal break-all">
          {entry.outcome}
        </Badge>
      )}
      {entry.secretRevealed ? <Badge tone="warning">Secret revealed</Badge> : null}
    </div>
  );
}

/** Seven fields in four columns, so the resources (long ARNs) keep room to be read at 1024 px. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <Table className="table-fixed">
      <caption className="sr-only">Audit log entries, newest first</caption>
      <colgroup>
        <col className="w-32" />
        <col className="w-44" />
        <col />
        <col className="w-44" />
      </colgroup>
      <THead>
        <Tr>
          <Th scope="col">Time and who</Th>
          <Th scope="col">Operation and where</Th>
          <Th scope="col">Resources</Th>
          <Th scope="col">Outcome and request id</Th>
        </Tr>
      </THead>
      <TBody>
        {entries.map((e, i) => (
          <Tr key={`${e.time}-${e.requestId ?? i}`}>
            <Td className="px-3 align-top text-xs">
              <time dateTime={e.time}>{formatDateTime(e.time)}</time>
              <div className="mt-1 break-words text-muted-foreground">
                <span className="sr-only">by </span>
                {e.who}
              </div>
            </Td>
            <Th scope="row" className="h-auto px-3 py-3 align-top text-xs font-normal text-foreground">
              <div className="break-words font-medium">{e.operation}</div>
              <div className="break-words text-muted-foreground">{e.service}</div>
              <div className="text-muted-foreground">
                <span className="sr-only">in </span>
                {e.region} · {e.backend === "aws" ? "AWS" : "Sandbox"}
              </div>
            </Th>
            <Td className="px-3 align-top">
              <Resources resources={e.resources} />
            </Td>
            <Td className="px-3 align-top">
              <Outcome entry={e} />
              <div className="mt-1 text-xs text-muted-foreground">
                <span className="sr-only">Request id </span>
                {e.requestId ? <code className="break-all font-mono">{e.requestId}</code> : <NoValue />}
              </div>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
