import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { listUserPools } from "@/lib/aws/cognito/pools";
import { getRegion } from "@/lib/aws/config";
import { ConsoleError } from "@/lib/aws/errors";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorCallout } from "@/components/ui/error-callout";
import { DiscoveryChecker } from "@/components/identity/discovery-checker";
import { PoolsPagination } from "@/components/identity/pools-pagination";
import { PoolsTable, PoolsTableSkeleton } from "@/components/identity/pools-table";
import { UseExistingPool } from "@/components/identity/use-existing-pool";

export const metadata: Metadata = { title: "Identity" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export default async function IdentityPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const cursor = one(sp.cursor) || undefined;
  const trail = many(sp.prev);
  return (
    <div className="max-w-6xl space-y-6">
      <div className="flex items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Identity</h1>
          <p className="text-sm text-muted-foreground">Cognito user pools and OpenID Connect providers that issue the tokens your gateways accept.</p>
        </div>
        <Link href="/identity/new" className={buttonVariants()}>
          Quick create Cognito
        </Link>
      </div>
      <Card aria-labelledby="pools-title">
        <CardHeader>
          <CardTitle id="pools-title">User pools</CardTitle>
        </CardHeader>
        <Suspense key={cursor ?? ""} fallback={<PoolsTableSkeleton />}>
          <PoolsList region={await getRegion()} cursor={cursor} trail={trail} />
        </Suspense>
      </Card>
      <div className="grid gap-6">
        <Card aria-labelledby="existing-pool-title">
          <CardHeader>
            <CardTitle id="existing-pool-title">Use an existing pool and app client</CardTitle>
          </CardHeader>
          <CardContent>
            <UseExistingPool />
          </CardContent>
        </Card>
        <Card aria-labelledby="oidc-check-title">
          <CardHeader>
            <CardTitle id="oidc-check-title">Check another OIDC provider</CardTitle>
          </CardHeader>
          <CardContent>
            <DiscoveryChecker />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}

async function PoolsList({ region, cursor, trail }: { region: string; cursor?: string; trail: string[] }) {
  let page;
  try {
    page = await listUserPools(region, { pageSize: 20, nextToken: cursor });
  } catch (err) {
    if (!(err instanceof ConsoleError)) throw err;
    return (
      <div className="p-4">
        <ErrorCallout title="User pools could not be listed" message={err.message} errorName={err.awsName} retry="reload" />
      </div>
    );
  }
  if (page.items.length === 0 && !cursor) {
    return (
      <div className="space-y-3 px-5 py-10 text-center">
        <h2 className="text-lg font-semibold">No user pools in this region yet</h2>
        <p className="text-sm text-muted-foreground">Quick create makes a pool, a domain, a scope and a client-credentials app client in one go.</p>
        <Link href="/identity/new" className={buttonVariants({ variant: "outline" })}>
          Quick create Cognito
        </Link>
      </div>
    );
  }
  return (
    <div>
      <PoolsTable items={page.items} />
      <div className="flex items-center border-t px-4 py-3">
        <PoolsPagination cursor={cursor} trail={trail} nextToken={page.nextToken} />
      </div>
    </div>
  );
}
