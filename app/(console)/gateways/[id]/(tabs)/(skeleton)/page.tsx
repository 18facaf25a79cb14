import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getGatewayForRequest } from "@/lib/aws/gateway-cache";
import { GatewayDetail } from "@/components/gateways/gateway-detail";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Gateway ${(await params).id}` };
}

export default async function GatewayOverviewPage({ params }: { params: Params }) {
  // The layout has already loaded (and validated) the gateway; this read is memoized for the request.
  const gateway = await getGatewayForRequest((await params).id).catch(() => null);
  if (!gateway) notFound();
  return <GatewayDetail gateway={gateway} />;
}
