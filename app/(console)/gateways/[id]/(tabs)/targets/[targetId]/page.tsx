import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRegion } from "@/lib/aws/config";
import { ConsoleError } from "@/lib/aws/errors";
import { getTarget, TRANSITIONAL_TARGET_STATUSES } from "@/lib/aws/targets";
import { TARGET_ID_PATTERN } from "@/lib/schemas/target";
import { buttonVariants } from "@/components/ui/button";
import { Callout } from "@/components/ui/alert";
import { AutoRefresh } from "@/components/gateways/auto-refresh";
import { ErrorCallout } from "@/components/ui/error-callout";
import { StatusBadge } from "@/components/ui/status-badge";
import { TargetDetail } from "@/components/targets/target-detail";
import { DeleteTargetButton } from "@/components/targets/delete-target-button";

export const metadata: Metadata = { title: "Target" };

export default async function TargetPage({ params }: { params: Promise<{ id: string; targetId: string }> }) {
  const { id, targetId } = await params;
  if (!new RegExp(TARGET_ID_PATTERN).test(targetId)) notFound();
  let target;
  try {
    target = await getTarget(await getRegion(), id, targetId);
  } catch (err) {
    if (!(err instanceof ConsoleError)) throw err;
    return <ErrorCallout title="The target could not be loaded" message={err.message} errorName={err.awsName} retry="reload" />;
  }
  if (!target) notFound();
  return (
    <div className="space-y-4">
      <div className="flex items-start justify-between gap-4">
        <div className="space-y-1">
          <nav aria-label="Target breadcrumb" className="text-sm text-muted-foreground">
            <Link href={`/gateways/${id}/targets`} className="hover:underline">
              Targets
            </Link>{" "}
            / {target.name}
          </nav>
          <h2 className="text-lg font-semibold">{target.name}</h2>
          <div className="flex items-center gap-3">
            <StatusBadge status={target.status} />
            <AutoRefresh active={TRANSITIONAL_TARGET_STATUSES.includes(target.status)} />
          </div>
        </div>
        <div className="flex gap-2">
          <Link href={`/gateways/${id}/targets/${targetId}/edit`} className={buttonVariants({ variant: "outline" })}>
            Edit target
          </Link>
          <DeleteTargetButton gatewayId={id} targetId={targetId} name={target.name} disabled={target.status === "DELETING"} />
        </div>
      </div>
      {target.statusReasons?.length ? (
        <Callout tone={target.status.endsWith("UNSUCCESSFUL") || target.status === "FAILED" ? "danger" : "info"}>
          <p className="font-medium">Status reasons</p>
          <ul className="mt-1 list-disc pl-5">
            {target.statusReasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </Callout>
      ) : null}
      <TargetDetail target={target} />
    </div>
  );
}
