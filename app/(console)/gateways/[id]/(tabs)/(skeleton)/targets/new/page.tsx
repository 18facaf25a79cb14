import type { Metadata } from "next";
import { getRegion } from "@/lib/aws/config";
import { providerOptions } from "@/lib/aws/provider-options";
import { emptyTargetForm } from "@/lib/schemas/target";
import { Callout } from "@/components/ui/alert";
import { TargetFormWithProviders } from "@/components/targets/form/target-form-with-providers";

export const metadata: Metadata = { title: "Add target" };

export default async function NewTargetPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { options, problem } = await providerOptions(await getRegion());
  return (
    <div className="space-y-4">
      <h2 className="text-lg font-semibold">Add target</h2>
      {problem ? <Callout tone="warning">Credential providers could not be listed: {problem}</Callout> : null}
      <TargetFormWithProviders mode="create" gatewayId={id} initial={emptyTargetForm()} providers={options} />
    </div>
  );
}
