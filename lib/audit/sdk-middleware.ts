// Server-only SDK middleware that records every mutating call a console client makes in the audit log.
import "server-only";
import type { HandlerExecutionContext, InitializeHandler, InitializeHandlerArguments, InitializeMiddleware, MetadataBearer, Pluggable } from "@smithy/types";
import { recordAudit } from "./log";
import { errorOutcome, extractResources, isMutating, operationName, requestIdOf } from "./rules";

/** One entry per logical call: at the initialize step, outside the retry loop, with the deserialized output or error. */
export function auditMiddleware(service: string, region: string): InitializeMiddleware<object, MetadataBearer> {
  return (next: InitializeHandler<object, MetadataBearer>, context: HandlerExecutionContext) => async (args: InitializeHandlerArguments<object>) => {
    const operation = operationName(context.commandName ?? "");
    if (!operation || !isMutating(operation)) return next(args);
    try {
      const result = await next(args);
      await recordAudit({ region, service, operation, resources: extractResources(args.input, result.output), outcome: "ok", requestId: requestIdOf(result.output) });
      return result;
    } catch (err) {
      await recordAudit({ region, service, operation, resources: extractResources(args.input), outcome: errorOutcome(err), requestId: requestIdOf(err) });
      throw err;
    }
  };
}

export function auditPlugin(service: string, region: string): Pluggable<object, MetadataBearer> {
  return {
    applyToStack(stack) {
      stack.add(auditMiddleware(service, region), { step: "initialize", name: "agcAuditLog", priority: "high" });
    },
  };
}
