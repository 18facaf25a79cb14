// The management policy generator fed with the region's gateways, which the page reads on the server.
import type { Loaded } from "@/lib/models/loaded";
import { ErrorCallout } from "@/components/ui/error-callout";
import { ManagementPolicyGenerator, type GatewayChoice } from "./management-policy-generator";

export type GatewayChoices = { gateways: GatewayChoice[]; truncated: boolean };

/** `choices` is the page's read, still in flight: awaiting it here lets the rest of the page stream first. */
export async function ManagementPolicySection({ accountId, region, choices: reading }: { accountId: string; region: string; choices: Promise<Loaded<GatewayChoices>> }) {
  const read = await reading;
  if (!read.ok) {
    // The unscoped policies need no gateway list: offer them anyway.
    return (
      <div className="space-y-4">
        <ErrorCallout title="Gateways could not be listed, so the policy cannot be limited to some of them" message={read.message} errorName={read.errorName} retry="reload" />
        <ManagementPolicyGenerator accountId={accountId} region={region} gateways={[]} />
      </div>
    );
  }
  return <ManagementPolicyGenerator accountId={accountId} region={region} gateways={read.data.gateways} truncated={read.data.truncated} />;
}
