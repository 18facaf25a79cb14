"use client";
// The gateway form's state: the shared form hook on the gateway schema.
import { useMemo } from "react";
import { gatewaySchemaWith, type GatewayFormValues, type GatewaySchemaContext } from "@/lib/schemas/gateway";
import { useZodForm, type ZodFormApi, type ZodFormOptions } from "@/components/forms/use-zod-form";

/** The create form's draft key: one new gateway per tab at a time. */
export const GATEWAY_CREATE_DRAFT = "gateway:create";

/** `roleTrust` gives the schema the existing roles' trust verdicts, so a role that would not trust the gateway needs the override. */
export function useGatewayForm(initial: GatewayFormValues, roleTrust?: GatewaySchemaContext["roleTrust"], options?: ZodFormOptions) {
  const schema = useMemo(() => gatewaySchemaWith({ roleTrust }), [roleTrust]);
  return useZodForm<GatewayFormValues>(schema, initial, options);
}

export type GatewayFormApi = ZodFormApi<GatewayFormValues>;
