import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConsoleError } from "@/lib/aws/errors";
import { getGatewayForRequest } from "@/lib/aws/gateway-cache";
import { GATEWAY_ID_PATTERN } from "@/lib/schemas/constraints";
import { gatewayToFormValues, isEditableAuthorizerType, unmanagedSettingNames } from "@/lib/schemas/gateway-mapping";
import { Callout } from "@/components/ui/alert";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { ErrorCallout } from "@/components/ui/error-callout";
import { GatewayForm } from "@/components/gateways/form/gateway-form";

export const metadata: Metadata = { title: "Edit gateway" };

export default async function EditGatewayPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!new RegExp(GATEWAY_ID_PATTERN).test(id)) notFound();
  let gateway;
  try {
    gateway = await getGatewayForRequest(id);
  } catch (err) {
    if (err instanceof ConsoleError) return <ErrorCallout title="The gateway could not be loaded" message={err.message} errorName={err.awsName} retry="reload" />;
    throw err;
  }
  if (!gateway) notFound();
  return (
    <div className="space-y-5">
      <Breadcrumb
        links={[
          { href: "/gateways", label: "Gateways" },
          { href: `/gateways/${gateway.gatewayId}`, label: gateway.name },
        ]}
        current="Edit"
      />
      <h1 className="text-2xl font-semibold tracking-tight">Edit {gateway.name}</h1>
      <p className="max-w-3xl text-sm text-muted-foreground">
        Saving replaces the gateway&apos;s whole configuration with what is below (UpdateGateway is a full replacement), so every current setting is filled in.
      </p>
      {unmanagedSettingNames(gateway).length ? (
        <Callout className="max-w-4xl">
          This gateway also has settings this form does not show ({unmanagedSettingNames(gateway).join(", ")}). Saving keeps them as they are.
        </Callout>
      ) : null}
      {!isEditableAuthorizerType(gateway.authorizerType) ? (
        <Callout tone="warning" className="max-w-4xl">
          This gateway uses the {gateway.authorizerType} authorizer, which the console cannot edit yet. Use the AWS CLI or SDK to change it.
        </Callout>
      ) : (
      <GatewayForm
        mode="edit"
        gatewayId={gateway.gatewayId}
        initial={gatewayToFormValues(gateway)}
        semanticLocked={gateway.protocolConfiguration?.mcp?.searchType === "SEMANTIC"}
      />
      )}
    </div>
  );
}
