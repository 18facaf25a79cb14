import type { Metadata } from "next";
import { connection } from "next/server";
import { readAuditEntries } from "@/lib/audit/log";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { AuditEmptyState, AuditTable } from "@/components/audit/audit-table";
import { plural } from "@/components/ui/format";

export const metadata: Metadata = { title: "Audit log" };

const LIMIT = 200;

export default async function AuditPage() {
  // The log changes with every action: read it on each request, never at build time.
  await connection();
  const entries = await readAuditEntries(LIMIT);
  return (
    <div className="max-w-7xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="text-sm text-muted-foreground">
          Every change this console made through AWS, and every client secret it revealed: who, where, what and the AWS request id. Secrets and policy documents are never
          recorded.
        </p>
      </div>
      <Card aria-labelledby="audit-heading">
        <CardHeader className="items-center">
          <CardTitle id="audit-heading">Recent entries</CardTitle>
          <p className="text-sm text-muted-foreground">{entries.length === LIMIT ? `The newest ${LIMIT}` : plural(entries.length, "entry", "entries")}, newest first</p>
        </CardHeader>
        {entries.length === 0 ? <AuditEmptyState /> : <AuditTable entries={entries} />}
      </Card>
    </div>
  );
}
