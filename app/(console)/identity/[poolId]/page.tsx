import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { poolRegion } from "@/lib/aws/cognito/endpoints";
import { getUserPool } from "@/lib/aws/cognito/pools";
import { getRegion } from "@/lib/aws/config";
import { ConsoleError } from "@/lib/aws/errors";
import { POOL_ID_MAX, POOL_ID_PATTERN } from "@/lib/schemas/cognito";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { AutoRefresh } from "@/components/gateways/auto-refresh";
import { ErrorCallout } from "@/components/ui/error-callout";
import { PoolDetailView } from "@/components/identity/pool-detail";
import { DeletePoolButton } from "@/components/identity/delete-pool-buttons";
import { UsedByCard } from "@/components/relationships/used-by";
import { loaded } from "@/lib/aws/errors";
import { gatewaysUsingPool } from "@/lib/aws/relationships";

export const metadata: Metadata = { title: "User pool" };

export default async function PoolPage({ params }: { params: Promise<{ poolId: string }> }) {
  const { poolId } = await params;
  if (poolId.length > POOL_ID_MAX || !new RegExp(POOL_ID_PATTERN).test(poolId)) notFound();
  // Gateways live in the console's region; the pool's own region is in its id.
  const usedBy = loaded(gatewaysUsingPool(await getRegion(), poolId));
  let pool;
  try {
    pool = await getUserPool(poolRegion(poolId, await getRegion()), poolId);
  } catch (err) {
    if (!(err instanceof ConsoleError)) throw err;
    return (
      <div className="max-w-5xl space-y-5">
        <Breadcrumb links={[{ href: "/identity", label: "Identity" }]} current={poolId} />
        <h1 className="font-mono text-2xl font-semibold tracking-tight">{poolId}</h1>
        <ErrorCallout title="The user pool could not be loaded" message={err.message} errorName={err.awsName} retry="reload" />
      </div>
    );
  }
  if (!pool) notFound();
  const used = await usedBy;
  const changing = Boolean(pool.domainStatus && pool.domainStatus !== "ACTIVE" && pool.domainStatus !== "FAILED");
  return (
    <div className="max-w-5xl space-y-5">
      <Breadcrumb links={[{ href: "/identity", label: "Identity" }]} current={pool.name} />
      <div className="flex items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight">{pool.name}</h1>
          <div className="flex items-center gap-2">
            <code className="font-mono text-xs text-muted-foreground">{pool.id}</code>
            {pool.forGateway ? <Badge tone="info">For gateways</Badge> : null}
            <AutoRefresh active={changing} />
          </div>
        </div>
        <DeletePoolButton poolId={pool.id} name={pool.name} domain={pool.domain} usedBy={used.ok ? used.data.gateways.length : undefined} />
      </div>
      <UsedByCard what="user pool" usedBy={used} />
      <PoolDetailView pool={pool} />
    </div>
  );
}
