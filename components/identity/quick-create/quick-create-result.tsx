"use client";
// What a finished quick create made (discovery URL, client id, the secret on Reveal) and what a stopped one left (with Resume / Clean up).
import { ArrowRight, RotateCw, Trash2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import type { CleanupReport } from "@/lib/models/identity";
import { fullScopes, newGatewayHref, type QuickCreateReport, type QuickCreateResult } from "@/lib/schemas/cognito";
import { Callout } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyRow } from "@/components/ui/copy-value";
import { BadgeList, DetailList, DetailRow } from "@/components/ui/detail-list";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { ClientSecret } from "../client-secret";
import { TestTokenButton } from "../test-token";
import { VerifyDiscoveryButton } from "../verify-discovery-button";

export function QuickCreateResultView({ result }: { result: QuickCreateResult }) {
  return (
    <Card aria-label="Quick create result">
      <CardHeader>
        <CardTitle>Cognito is ready for your gateway</CardTitle>
        <Link href={newGatewayHref(result.discoveryUrl, result.clientId)} className={buttonVariants()}>
          Use in a new gateway <ArrowRight aria-hidden="true" />
        </Link>
      </CardHeader>
      <CardContent className="space-y-4">
        <Callout tone="warning">
          Copy the client secret now and keep it in a secret store: callers need it to get tokens. The console reads it only when you press Reveal
          or Copy; later the pool&apos;s page can read it again, on request.
        </Callout>
        <DetailList labelWidth="10rem">
          <CopyRow label="Discovery URL" value={result.discoveryUrl} copyLabel="Copy discovery URL" />
          <CopyRow label="Client id" value={result.clientId} copyLabel="Copy client id" />
          <DetailRow label="Client secret">
            <ClientSecret poolId={result.poolId} clientId={result.clientId} />
          </DetailRow>
          <CopyRow label="Token endpoint" value={result.tokenEndpoint} copyLabel="Copy token endpoint" />
          <DetailRow label="Scopes">
            <BadgeList items={result.scopes} />
          </DetailRow>
          <DetailRow label="User pool">
            <Link href={`/identity/${result.poolId}`} className="font-mono text-xs text-info hover:underline">
              {result.poolId}
            </Link>
          </DetailRow>
        </DetailList>
        <p className="text-xs text-muted-foreground">
          In the gateway, put the client id in Allowed clients: Cognito access tokens carry client_id and no aud claim.
        </p>
        <VerifyDiscoveryButton url={result.discoveryUrl} />
        <TestTokenButton poolId={result.poolId} clientId={result.clientId} />
      </CardContent>
    </Card>
  );
}

/** The resources a stopped quick create left, as a list of "kind id" lines. */
export function existingResources(report: QuickCreateReport): string[] {
  const out: string[] = [];
  if (report.poolId) out.push(`User pool ${report.poolId} (${report.input.poolName})`);
  if (report.domain) out.push(`Domain ${report.domain}${report.domainStatus ? ` (${report.domainStatus})` : ""}`);
  if (report.resourceServerIdentifier) out.push(`Resource server ${report.resourceServerIdentifier} with scopes ${fullScopes(report.input).join(", ")}`);
  if (report.clientId) out.push(`App client ${report.clientId} (${report.input.clientName})`);
  return out;
}

export function QuickCreateStopped({
  report,
  busy,
  onResume,
  onCleanUp,
}: {
  report: QuickCreateReport;
  busy: "create" | "cleanup" | null;
  onResume: () => void;
  onCleanUp: () => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const existing = existingResources(report);
  return (
    <Callout tone="danger" role="alert" aria-label="Quick create stopped" className="space-y-3">
      <p className="font-medium">The quick create stopped. This is what exists now:</p>
      {existing.length ? (
        <ul className="list-disc space-y-1 pl-5" aria-label="Created so far">
          {existing.map((e) => (
            <li key={e} className="font-mono text-xs">
              {e}
            </li>
          ))}
        </ul>
      ) : (
        <p>Nothing was created.</p>
      )}
      <div className="flex gap-2">
        <Button onClick={onResume} aria-disabled={busy !== null || undefined}>
          <RotateCw aria-hidden="true" /> {busy === "create" ? "Resuming…" : "Resume"}
        </Button>
        <Dialog open={open} onOpenChange={setOpen}>
          <DialogTrigger asChild>
            <Button variant="outline" disabled={busy !== null || existing.length === 0}>
              <Trash2 aria-hidden="true" /> Clean up
            </Button>
          </DialogTrigger>
          <DialogContent>
            <DialogTitle>Delete what this quick create made?</DialogTitle>
            <DialogDescription>The domain is deleted first, then the user pool with its resource server and app client.</DialogDescription>
            <ul className="mt-3 list-disc space-y-1 pl-5 font-mono text-xs">
              {existing.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
            <div className="mt-4 flex justify-end gap-2">
              <DialogClose asChild>
                <Button variant="outline">Cancel</Button>
              </DialogClose>
              <Button
                variant="destructive"
                aria-disabled={busy !== null || undefined}
                onClick={async () => {
                  await onCleanUp();
                  setOpen(false);
                }}
              >
                {busy === "cleanup" ? "Deleting…" : "Delete them"}
              </Button>
            </div>
          </DialogContent>
        </Dialog>
      </div>
    </Callout>
  );
}

export function CleanupDone({ cleanup }: { cleanup: CleanupReport }) {
  return (
    <Callout tone="info" role="status" aria-label="Clean up finished">
      <p className="font-medium">Cleaned up.</p>
      <ul className="mt-1 list-disc pl-5 text-xs">
        {cleanup.deleted.map((d) => (
          <li key={d}>Deleted {d}</li>
        ))}
        {cleanup.alreadyGone.map((d) => (
          <li key={d}>{d} was already gone</li>
        ))}
      </ul>
    </Callout>
  );
}
