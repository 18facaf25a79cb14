import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ConsoleError } from "@/lib/aws/errors";
import { getGatewayForRequest } from "@/lib/aws/gateway-cache";
import { TRANSITIONAL_STATUSES } from "@/lib/aws/gateways";
import { GATEWAY_ID_PATTERN } from "@/lib/schemas/constraints";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { buttonVariants } from "@/components/ui/button";
import { Callout } from "@/components/ui/alert";
import { AutoRefresh } from "@/components/gateways/auto-refresh";
import { DeleteGatewayDialog } from "@/components/gateways/delete-gateway-dialog";
import { ErrorCallout } from "@/components/ui/error-callout";
import { GatewayTabs } from "@/components/gateways/gateway-tabs";
import { StatusBadge } from "@/components/ui/status-badge";

export default async function GatewayLayout({ params, children }: { params: Promise<{ id: string }>; children: ReactNode }) {
  const { id } = await params;
  if (!new RegExp(GATEWAY_ID_PATTERN).test(id)) notFound();
  let gateway;
  let failure: ConsoleError | null = null;
  try {
    gateway = await getGatewayForRequest(id);
  } catch (err) {
    if (!(err instanceof ConsoleError)) throw err;
    failure = err;
  }
  if (failure) return <ErrorCallout title="The gateway could not be loaded" message={failure.message} errorName={failure.awsName} retry="reload" />;
  if (!gateway) notFound();
  const transitional = TRANSITIONAL_STATUSES.includes(gateway.status);

  return (
    <div className="max-w-5xl space-y-5">
      <Breadcrumb links={[{ href: "/gateways", label: "Gateways" }]} current={gateway.name} />
      <div className="flex items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight">{gateway.name}</h1>
          <div className="flex items-center gap-3" aria-live="polite">
            <span className="sr-only">Status:</span>
            <StatusBadge status={gateway.status} />
            <AutoRefresh active={transitional} />
          </div>
        </div>
        <div className="flex gap-2">
          <Link href={`/gateways/${gateway.gatewayId}/edit`} className={buttonVariants({ variant: "outline" })}>
            Edit
          </Link>
          <DeleteGatewayDialog gatewayId={gateway.gatewayId} name={gateway.name} disabled={gateway.status === "DELETING"} />
        </div>
      </div>
      {gateway.statusReasons?.length ? (
        <Callout tone={gateway.status === "FAILED" || gateway.status === "UPDATE_UNSUCCESSFUL" ? "danger" : "info"}>
          <p className="font-medium">Status reasons</p>
          <ul className="mt-1 list-disc pl-5">
            {gateway.statusReasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </Callout>
      ) : null}
      <GatewayTabs gatewayId={gateway.gatewayId} />
      {children}
    </div>
  );
}
