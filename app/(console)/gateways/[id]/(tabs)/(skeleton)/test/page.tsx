import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getRegion } from "@/lib/aws/config";
import { getGatewayForRequest } from "@/lib/aws/gateway-cache";
import { TitledCard } from "@/components/ui/card";
import { GatewayTestPanel } from "@/components/gateway-test/gateway-test-panel";
import { UseElsewhere } from "@/components/gateway-test/use-elsewhere";

export const metadata: Metadata = { title: "Test" };

export default async function TestPage({ params }: { params: Promise<{ id: string }> }) {
  const gateway = await getGatewayForRequest((await params).id).catch(() => null);
  if (!gateway) notFound();
  const region = gateway.gatewayArn.split(":")[3] || (await getRegion());
  return (
    <div className="space-y-5">
      <p className="max-w-3xl text-sm text-muted-foreground">
        Call the gateway&apos;s tools over MCP as a client would. The console connects from its server, so no token or credential reaches this page
        unless you ask to see it, and a refusal is explained against the gateway&apos;s authorizer.
      </p>
      <GatewayTestPanel
        gateway={{
          gatewayId: gateway.gatewayId,
          name: gateway.name,
          authorizerType: gateway.authorizerType,
          status: gateway.status,
          semanticSearch: gateway.protocolConfiguration?.mcp?.searchType === "SEMANTIC",
        }}
      />
      {gateway.gatewayUrl ? (
        <TitledCard title="Use it elsewhere">
          <UseElsewhere name={gateway.name} url={gateway.gatewayUrl} authorizerType={gateway.authorizerType} region={region} />
        </TitledCard>
      ) : null}
    </div>
  );
}
