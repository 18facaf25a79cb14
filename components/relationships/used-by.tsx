// "Used by": the gateways that use a role, a Cognito pool or a credential provider, linked to their pages.
import Link from "next/link";
import type { Loaded } from "@/lib/models/loaded";
import type { GatewayRef, UsedBy } from "@/lib/models/relationships";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorCallout } from "@/components/ui/error-callout";
import { StatusBadge } from "@/components/ui/status-badge";
import type { GatewayStatus } from "@/lib/models/gateways";

export const gatewayCount = (n: number) => `${n} gateway${n === 1 ? "" : "s"}`;

export function GatewayLinks({ gateways }: { gateways: GatewayRef[] }) {
  return (
    <ul className="space-y-1">
      {gateways.map((g) => (
        <li key={g.gatewayId} className="flex items-center gap-2 text-sm">
          <Link href={`/gateways/${g.gatewayId}`} className="font-medium underline-offset-2 hover:underline">
            {g.name}
          </Link>
          <StatusBadge status={g.status as GatewayStatus} />
        </li>
      ))}
    </ul>
  );
}

export function UsedByCard({ what, usedBy }: { what: string; usedBy: Loaded<UsedBy> }) {
  return (
    <Card aria-labelledby="used-by-title">
      <CardHeader>
        <CardTitle id="used-by-title">Used by</CardTitle>
      </CardHeader>
      <CardContent className="space-y-2">
        {!usedBy.ok ? (
          <ErrorCallout title="The gateways could not be checked" message={usedBy.message} errorName={usedBy.errorName} />
        ) : usedBy.data.gateways.length ? (
          <>
            <p className="text-sm text-muted-foreground">
              {gatewayCount(usedBy.data.gateways.length)} in this region use{usedBy.data.gateways.length === 1 ? "s" : ""} this {what}.
            </p>
            <GatewayLinks gateways={usedBy.data.gateways} />
          </>
        ) : (
          <p className="text-sm text-muted-foreground">No gateway in this region uses this {what}.</p>
        )}
        {usedBy.ok && !usedBy.data.complete ? <p className="text-xs text-muted-foreground">Not every gateway could be read: the list may be incomplete.</p> : null}
      </CardContent>
    </Card>
  );
}
