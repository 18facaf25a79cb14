// Invoking a sandbox Lambda function in process: what the HTTP Invoke operation and the gateway data plane both call.
//
//   invokeFunction(store, { region, accountId, functionArn, payload, clientContext? })
//     → { ok: true, payload, payloadText, requestId, log }
//     | { ok: false, kind: "not-found", errorType: "ResourceNotFoundException", errorMessage }
//     | { ok: false, kind: "function-error" | "timeout", errorType, errorMessage, trace?, payloadText, requestId, log }
//
// `store` is the sandbox's Store (ctx.store in operation handlers and HTTP routes). `functionArn` may be an ARN, a partial
// ARN or a name (qualified with $LATEST or not); `region` is used when it is not a full ARN. `payload` is the event (any
// JSON value); `clientContext` becomes `context.clientContext` as Lambda gives it (`custom`, `env`, `client`).
import type { Store } from "../../core/store";
import { ServiceError } from "../../core/types";
import { ensureCode, findFunction, functionArn as arnOf, parseFunctionName, type FunctionRecord } from "./models";
import { runtimeFor, type FunctionSpec } from "./runtime";

/** Lambda's limit on a synchronous response. */
const MAX_RESPONSE_BYTES = 6_291_556;

export interface InvokeOptions {
  region: string;
  accountId: string;
  functionArn: string;
  payload: unknown;
  clientContext?: Record<string, unknown>;
}

export type InvokeOutcome =
  | { ok: true; payload: unknown; payloadText: string; requestId: string; log: string }
  | { ok: false; kind: "not-found"; errorType: string; errorMessage: string }
  | { ok: false; kind: "function-error" | "timeout"; errorType: string; errorMessage: string; trace?: string[]; payloadText: string; requestId: string; log: string };

/** The pieces of a client context Lambda hands to the function. */
export function lambdaClientContext(value: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!value) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of ["client", "custom", "env"]) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

export function functionSpec(store: Store, region: string, fn: FunctionRecord): FunctionSpec | undefined {
  const taskRoot = ensureCode(store, region, fn);
  if (!taskRoot) return undefined;
  return {
    // New code or configuration → a new key → fresh environments.
    key: `${fn.FunctionArn}#${fn.RevisionId}`,
    functionName: fn.FunctionName,
    functionArn: fn.FunctionArn,
    region,
    handler: fn.Handler,
    runtime: fn.Runtime,
    memorySize: fn.MemorySize,
    timeoutSeconds: fn.Timeout,
    taskRoot,
    variables: { ...(fn.Environment?.Variables ?? {}) },
  };
}

export async function invokeFunction(store: Store, opts: InvokeOptions): Promise<InvokeOutcome> {
  const ref = parseFunctionName(opts.functionArn, opts.region, opts.accountId);
  const notFound = (arn: string): InvokeOutcome => ({ ok: false, kind: "not-found", errorType: "ResourceNotFoundException", errorMessage: `Function not found: ${arn}` });
  if (!ref) return notFound(opts.functionArn);
  let fn: FunctionRecord;
  try {
    fn = findFunction(store, ref, opts.accountId);
  } catch (e) {
    if (e instanceof ServiceError) return notFound(arnOf(ref.region, ref.accountId, ref.name) + (ref.qualifier ? `:${ref.qualifier}` : ""));
    throw e;
  }
  const spec = functionSpec(store, ref.region, fn);
  if (!spec) {
    return { ok: false, kind: "function-error", errorType: "Runtime.ImportModuleError", errorMessage: "The function's code is missing from the sandbox data folder", payloadText: "", requestId: "", log: "" };
  }
  const invokedArn = ref.qualifier ? `${fn.FunctionArn}:${ref.qualifier}` : fn.FunctionArn;
  // The event crosses a process boundary as JSON, as it crosses Lambda's wire.
  const event = opts.payload === undefined ? {} : JSON.parse(JSON.stringify(opts.payload));
  const run = await runtimeFor(store).run(spec, event, lambdaClientContext(opts.clientContext), invokedArn);
  if (!run.error && Buffer.byteLength(run.payload) > MAX_RESPONSE_BYTES) {
    const errorMessage = `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`;
    const payloadText = JSON.stringify({ errorMessage, errorType: "Function.ResponseSizeTooLarge" });
    return { ok: false, kind: "function-error", errorType: "Function.ResponseSizeTooLarge", errorMessage, payloadText, requestId: run.requestId, log: run.log };
  }
  if (run.error) {
    const { kind, errorType, errorMessage, trace } = run.error;
    return { ok: false, kind, errorType, errorMessage, trace, payloadText: run.payload, requestId: run.requestId, log: run.log };
  }
  return { ok: true, payload: JSON.parse(run.payload), payloadText: run.payload, requestId: run.requestId, log: run.log };
}
