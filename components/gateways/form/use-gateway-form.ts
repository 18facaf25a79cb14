"use client";
// The gateway form's state: the shared form hook on the gateway schema.
import { gatewaySchema, type GatewayFormValues } from "@/lib/schemas/gateway";
import { useZodForm, type ZodFormApi } from "@/components/forms/use-zod-form";

export function useGatewayForm(initial: GatewayFormValues) {
  return useZodForm<GatewayFormValues>(gatewaySchema, initial);
}

export type GatewayFormApi = ZodFormApi<GatewayFormValues>;
