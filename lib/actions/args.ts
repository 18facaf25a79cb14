// Schemas of the ids and tokens server actions take besides their forms (the forms' schemas live in lib/schemas).
import { z } from "zod";
import { GATEWAY_ID_PATTERN } from "@/lib/schemas/constraints";
import { TARGET_ID_PATTERN } from "@/lib/schemas/target";

export const gatewayIdSchema = z.string().regex(new RegExp(GATEWAY_ID_PATTERN));
export const targetIdSchema = z.string().regex(new RegExp(TARGET_ID_PATTERN));
/** The per-submission idempotency token (CreateGateway's and CreateGatewayTarget's clientToken). */
export const clientTokenSchema = z.string().regex(/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,256}$/).min(33).max(256);
export const BAD_CLIENT_TOKEN = "The form's idempotency token is invalid. Reload the page.";
