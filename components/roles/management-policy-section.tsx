// Loads the region's gateways on the server for the management policy generator's checkbox list.
import { ConsoleError } from "@/lib/aws/errors";
import { listGateways } from "@/lib/aws/gateways";
import { ErrorCallout } from "@/components/ui/error-callout";
import { ManagementPolicyGenerator, type GatewayChoice } from "./management-policy-generator";

const PAGE_SIZE = 100;
const MAX_PAGES = 10;

export async function ManagementPolicySection({ accountId, region }: { accountId: string; region: string }) {
  const gateways: GatewayChoice[] = [];
  let nextToken: string | undefined;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const out = await listGateways(region, { pageSize: PAGE_SIZE, nextToken });
      gateways.push(...out.items.map((g) => ({ gatewayId: g.gatewayId, name: g.name })));
      nextToken = out.nextToken;
      if (!nextToken) break;
    }
  } catch (err) {
    if (!(err instanceof ConsoleError)) throw err;
    // The unscoped policies need no gateway list: offer them anyway.
    return (
      <div className="space-y-4">
        <ErrorCallout title="Gateways could not be listed, so the policy cannot be limited to some of them" message={err.message} errorName={err.awsName} />
        <ManagementPolicyGenerator accountId={accountId} region={region} gateways={[]} />
      </div>
    );
  }
  return <ManagementPolicyGenerator accountId={accountId} region={region} gateways={gateways} truncated={Boolean(nextToken)} />;
}
