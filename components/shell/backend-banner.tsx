// The banner that always says which backend, account and region the console is talking to.
import type { Loaded } from "@/lib/models/loaded";
import { Badge } from "@/components/ui/badge";
import { RegionSwitcher } from "./region-switcher";

export type BackendBannerProps = {
  backend: "sandbox" | "aws";
  /** Where the sandbox listens (shown on hover); undefined on AWS. */
  sandboxEndpoint?: string;
  region: string;
  regions: readonly string[];
  /** The account id from STS, read by the layout and still in flight. */
  account: Promise<Loaded<string>>;
};

export async function BackendBanner({ backend, sandboxEndpoint, region, regions, account: reading }: BackendBannerProps) {
  const read = await reading;
  const account = read.ok ? read.data : null;
  const problem = read.ok ? null : read.errorName ? `${read.message} (${read.errorName})` : read.message;
  return (
    <div
      role="region"
      aria-label="Backend"
      className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b bg-muted/40 px-6 py-2 text-xs"
    >
      <span className="flex items-center gap-2">
        <span className="text-muted-foreground">Backend</span>
        {backend === "sandbox" ? (
          <Badge tone="info" title={sandboxEndpoint}>
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
      <RegionSwitcher region={region} regions={regions} />
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
