import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getRegion } from "@/lib/aws/config";
import { ConsoleError } from "@/lib/aws/errors";
import { providerOptions } from "@/lib/aws/provider-options";
import { getTarget } from "@/lib/aws/targets";
import { TARGET_ID_PATTERN } from "@/lib/schemas/target";
import { targetToFormValues } from "@/lib/schemas/target-mapping";
import { Callout } from "@/components/ui/alert";
import { ErrorCallout } from "@/components/ui/error-callout";
import { TargetFormWithProviders } from "@/components/targets/form/target-form-with-providers";

export const metadata: Metadata = { title: "Edit target" };

export default async function EditTargetPage({ params }: { params: Promise<{ id: string; targetId: string }> }) {
  const { id, targetId } = await params;
  if (!new RegExp(TARGET_ID_PATTERN).test(targetId)) notFound();
  const region = await getRegion();
  let target;
  try {
    target = await getTarget(region, id, targetId);
  } catch (err) {
    if (!(err instanceof ConsoleError)) throw err;
    return <ErrorCallout title="The target could not be loaded" message={err.message} errorName={err.awsName} retry="reload" />;
  }
  if (!target) notFound();
  const { options, problem } = await providerOptions(region);
  const server = target.targetConfiguration?.mcp?.mcpServer;
  const kept = [
    target.metadataConfiguration ? "metadata propagation" : null,
    target.privateEndpoint ? "private endpoint" : null,
    server?.mcpToolSchema ? "static MCP tool schema" : null,
    server?.listingMode ? "tool listing mode" : null,
    server?.resourcePriority !== undefined ? "resource priority" : null,
  ].filter((n): n is string => n !== null);
  return (
    <div className="space-y-4">
      <h2 className="text-lg font-semibold">Edit target {target.name}</h2>
      <p className="text-sm text-muted-foreground">Saving replaces the target&apos;s whole configuration with what is below.</p>
      {kept.length ? <Callout>This target also has settings this form does not show ({kept.join(", ")}). Saving keeps them as they are.</Callout> : null}
      {problem ? <Callout tone="warning">Credential providers could not be listed: {problem}</Callout> : null}
      <TargetFormWithProviders mode="edit" gatewayId={id} targetId={targetId} initial={targetToFormValues(target)} providers={options} />
    </div>
  );
}
