import { getRegion } from "@/lib/aws/config";
import { listCredentialProviders } from "@/lib/aws/credential-providers";
import { PickerHarness } from "./picker-harness";

export default async function Page() {
  const l = await listCredentialProviders(await getRegion());
  return <PickerHarness apiKey={l.apiKey} oauth={l.oauth} />;
}
