import type { Metadata } from "next";
import Link from "next/link";
import { getRegion } from "@/lib/aws/config";
import { ConsoleError } from "@/lib/aws/errors";
import { listTargets, TRANSITIONAL_TARGET_STATUSES } from "@/lib/aws/targets";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { AutoRefresh } from "@/components/gateways/auto-refresh";
import { ErrorCallout } from "@/components/ui/error-callout";
import { plural } from "@/components/ui/format";
import { TargetsTable } from "@/components/targets/targets-table";

export const metadata: Metadata = { title: "Targets" };

export default async function TargetsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let targets;
  try {
    targets = await listTargets(await getRegion(), id);
  } catch (err) {
    if (!(err instanceof ConsoleError)) throw err;
    return <ErrorCallout title="The targets could not be listed" message={err.message} errorName={err.awsName} retry="reload" />;
  }
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-4">
        <p className="text-sm text-muted-foreground">Targets are the tools behind this gateway: Lambda functions, APIs and MCP servers.</p>
        <Link href={`/gateways/${id}/targets/new`} className={buttonVariants()}>
          Add target
        </Link>
      </div>
      <Card>
        {targets.length === 0 ? (
          <div className="px-6 py-12 text-center">
            <h2 className="text-base font-semibold">No targets yet</h2>
            <p className="mx-auto mt-1 max-w-md text-sm text-muted-foreground">Add a Lambda function, an OpenAPI or Smithy API, an MCP server or an API Gateway stage; its operations become this gateway&apos;s tools.</p>
          </div>
        ) : (
          <>
            <TargetsTable gatewayId={id} targets={targets} />
            <div className="flex items-center gap-3 border-t px-4 py-2 text-xs text-muted-foreground">
              <span>{plural(targets.length, "target")}</span>
              <AutoRefresh active={targets.some((t) => TRANSITIONAL_TARGET_STATUSES.includes(t.status))} />
            </div>
          </>
        )}
      </Card>
    </div>
  );
}
