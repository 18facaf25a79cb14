"use client";
// The gateway form's state: the shared form hook on the gateway schema.
import { gatewaySchema, type GatewayFormValues } from "@/lib/schemas/gateway";
import { useZodForm, type ZodFormApi, type ZodFormOptions } from "@/components/forms/use-zod-form";

/** The create form's draft key: one new gateway per tab at a time. */
export const GATEWAY_CREATE_DRAFT = "gateway:create";

export function useGatewayForm(initial: GatewayFormValues, options?: ZodFormOptions) {
  return useZodForm<GatewayFormValues>(gatewaySchema, initial, options);
}

export type GatewayFormApi = ZodFormApi<GatewayFormValues>;
