// The banner that always says which backend, account and region the console is talking to.
import { getBackend, getRegion, REGIONS, sandboxEndpoint } from "@/lib/aws/config";
import { ConsoleError } from "@/lib/aws/errors";
import { getCallerIdentity } from "@/lib/aws/sts";
import { Badge } from "@/components/ui/badge";
import { RegionSwitcher } from "./region-switcher";

export async function BackendBanner() {
  const backend = getBackend();
  const region = await getRegion();
  let account: string | null = null;
  let problem: string | null = null;
  try {
    account = (await getCallerIdentity(region)).account;
  } catch (err) {
    problem = err instanceof ConsoleError ? `${err.message} (${err.awsName})` : "Could not identify the AWS account.";
  }
  return (
    <div
      role="region"
      aria-label="Backend"
      className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b bg-muted/40 px-6 py-2 text-xs"
    >
      <span className="flex items-center gap-2">
        <span className="text-muted-foreground">Backend</span>
        {backend === "sandbox" ? (
          <Badge tone="info" title={sandboxEndpoint()}>
            Sandbox
          </Badge>
        ) : (
          <Badge tone="warning">AWS</Badge>
        )}
      </span>
      <span className="flex items-center gap-2">
        <span className="text-muted-foreground">Account</span>
        <span className="font-mono" data-testid="account-id">
          {account ?? "unknown"}
        </span>
      </span>
      <RegionSwitcher region={region} regions={REGIONS} />
      {backend === "sandbox" ? (
        <span className="text-muted-foreground">Local sandbox: nothing here touches AWS.</span>
      ) : null}
      {problem ? <span className="text-destructive">{problem}</span> : null}
    </div>
  );
}

export function BackendBannerSkeleton() {
  return <div className="h-[33px] border-b bg-muted/40" aria-hidden="true" />;
}
