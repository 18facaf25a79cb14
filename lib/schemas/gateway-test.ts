// Schemas of the Test tab's inputs: how to authenticate to a gateway, tool names and arguments, search queries, starter functions.
import { z } from "zod";
import { clientIdSchema, poolIdSchema } from "./cognito";
import { SCOPE_MAX, SCOPE_PATTERN } from "./constraints";
import type { TestAuth } from "@/lib/models/gateway-test";

/** Bearer tokens are JWTs in practice; 16 KiB leaves room for large claim sets without accepting megabytes. */
export const BEARER_TOKEN_MAX = 16 * 1024;

export const testAuthSchema: z.ZodType<TestAuth> = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("cognito"),
    poolId: poolIdSchema,
    clientId: clientIdSchema,
    scopes: z.array(z.string().max(SCOPE_MAX).regex(new RegExp(SCOPE_PATTERN), "A scope has no spaces or quotes.")).max(50, "At most 50 scopes."),
  }),
  z.object({
    kind: z.literal("bearer"),
    token: z
      .string()
      .trim()
      .min(1, "Paste a token.")
      .max(BEARER_TOKEN_MAX, "That token is longer than 16 KiB.")
      .regex(/^[\x21-\x7e]+$/, "A token has no spaces or line breaks.")
      .transform((t) => t.replace(/^Bearer\s*/i, "")),
  }),
  z.object({ kind: z.literal("iam") }),
  z.object({ kind: z.literal("none") }),
]);

/** MCP tool names as gateways produce them (`TARGET___TOOL`); a cap keeps hostile input small. */
export const toolNameSchema = z.string().min(1, "Choose a tool.").max(256, "That is not a tool name.").regex(/^[\w.\-:/]+$/, "That is not a tool name.");

/** The raw arguments: a JSON object, checked against the tool's schema on the server once the tool is known. */
export const toolArgumentsInputSchema = z.record(z.string(), z.unknown(), { error: "The arguments must be a JSON object." });

export const searchQuerySchema = z.string().trim().min(1, "Type what you are looking for.").max(1000, "At most 1000 characters.");

/** Lambda's function name rule (1–64 letters, digits, - and _). */
export const functionNameSchema = z
  .string()
  .trim()
  .min(1, "Name the function.")
  .max(64, "At most 64 characters.")
  .regex(/^[a-zA-Z0-9-_]+$/, "Letters, digits, - and _ only.");
