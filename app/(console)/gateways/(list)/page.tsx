import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getRegion } from "@/lib/aws/config";
import { ConsoleError } from "@/lib/aws/errors";
import { listGateways, TRANSITIONAL_STATUSES } from "@/lib/aws/gateways";
import { AutoRefresh } from "@/components/gateways/auto-refresh";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { GatewaysEmptyState } from "@/components/gateways/empty-state";
import { ErrorCallout } from "@/components/ui/error-callout";
import { GatewaysTable, GatewaysTableSkeleton } from "@/components/gateways/gateways-table";
import { NameFilter } from "@/components/gateways/name-filter";
import { Pagination } from "@/components/gateways/pagination";

export const metadata: Metadata = { title: "Gateways" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export default async function GatewaysPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const name = one(sp.name)?.trim() || undefined;
  const cursor = one(sp.cursor) || undefined;
  const trail = many(sp.prev);
  const sizeParam = Number(one(sp.pageSize));
  const pageSize = Number.isInteger(sizeParam) && sizeParam >= 1 && sizeParam <= 100 ? sizeParam : 25;
  const base = new URLSearchParams();
  if (name) base.set("name", name);
  if (one(sp.pageSize)) base.set("pageSize", String(pageSize));

  return (
    <div className="space-y-5">
      <div className="flex items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Gateways</h1>
          <p className="text-sm text-muted-foreground">MCP endpoints that put your tools in front of AI agents.</p>
        </div>
        <Link href="/gateways/new" className={buttonVariants()}>
          Create gateway
        </Link>
      </div>
      <div className="flex items-center justify-between gap-4">
        <NameFilter />
      </div>
      <Card>
        <Suspense key={`${name}|${cursor}|${pageSize}`} fallback={<GatewaysTableSkeleton />}>
          <GatewaysList region={await getRegion()} name={name} cursor={cursor} trail={trail} pageSize={pageSize} base={base} />
        </Suspense>
      </Card>
    </div>
  );
}

async function GatewaysList(props: { region: string; name?: string; cursor?: string; trail: string[]; pageSize: number; base: URLSearchParams }) {
  let page;
  try {
    page = await listGateways(props.region, { pageSize: props.pageSize, nextToken: props.cursor, nameFilter: props.name });
  } catch (err) {
    if (!(err instanceof ConsoleError)) throw err;
    return (
      <div className="space-y-3 p-4">
        <ErrorCallout title="Gateways could not be listed" message={err.message} errorName={err.awsName} retry="reload" />
        {props.cursor ? (
          <Link href={`/gateways${props.name ? `?name=${encodeURIComponent(props.name)}` : ""}`} className="text-sm text-info hover:underline">
            Back to the first page
          </Link>
        ) : null}
      </div>
    );
  }
  if (page.items.length === 0 && !props.cursor) return <GatewaysEmptyState filtered={Boolean(props.name)} />;
  return (
    <div>
      <GatewaysTable items={page.items} />
      <div className="flex items-center justify-between gap-4 border-t px-4 py-3">
        <AutoRefresh active={page.items.some((g) => TRANSITIONAL_STATUSES.includes(g.status))} />
        <Pagination base={props.base} cursor={props.cursor} trail={props.trail} nextToken={page.nextToken} pageNumber={props.trail.length + 1} />
      </div>
    </div>
  );
}
