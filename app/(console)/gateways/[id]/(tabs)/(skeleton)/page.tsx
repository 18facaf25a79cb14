import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getRegion } from "@/lib/aws/config";
import { loaded } from "@/lib/aws/errors";
import { getGatewayForRequest } from "@/lib/aws/gateway-cache";
import { listGatewayTags } from "@/lib/aws/tags";
import { GatewayDetail } from "@/components/gateways/gateway-detail";
import { GatewayTags } from "@/components/gateways/gateway-tags";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Gateway ${(await params).id}` };
}

export default async function GatewayOverviewPage({ params }: { params: Params }) {
  // The layout has already loaded (and validated) the gateway; this read is memoized for the request.
  const gateway = await getGatewayForRequest((await params).id).catch(() => null);
  if (!gateway) notFound();
  const tags = await loaded(listGatewayTags(await getRegion(), gateway.gatewayArn));
  return (
    <div className="grid gap-6">
      <GatewayDetail gateway={gateway} />
      <GatewayTags key={JSON.stringify(tags)} gatewayId={gateway.gatewayId} tags={tags} />
    </div>
  );
}
