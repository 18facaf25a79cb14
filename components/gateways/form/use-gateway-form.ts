"use client";
// The gateway form's state: the shared form hook on the gateway schema.
import { useMemo } from "react";
import { gatewaySchemaWith, type GatewayFormValues, type GatewaySchemaContext } from "@/lib/schemas/gateway";
import { useZodForm, type ZodFormApi } from "@/components/forms/use-zod-form";

/** `roleTrust` gives the schema the existing roles' trust verdicts, so a role that would not trust the gateway needs the override. */
export function useGatewayForm(initial: GatewayFormValues, roleTrust?: GatewaySchemaContext["roleTrust"]) {
  const schema = useMemo(() => gatewaySchemaWith({ roleTrust }), [roleTrust]);
  return useZodForm<GatewayFormValues>(schema, initial);
}

export type GatewayFormApi = ZodFormApi<GatewayFormValues>;
