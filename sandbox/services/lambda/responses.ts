// Lambda operation handlers (moto "responses"): functions, code, invocations and resource policies.
import crypto from "node:crypto";
import { operationsByName, RawResult, ServiceError, type OperationContext, type OperationHandler } from "../../core/types";
import { validateShape, type FieldError } from "../../core/validate";
import { dict } from "../../core/dict";
import {
  MAX_ENVIRONMENT_BYTES,
  MAX_TIMEOUT_SECONDS,
  SUPPORTED_RUNTIMES,
  codeSha256,
  configurationView,
  findFunction,
  functionArn,
  invalidParameter,
  lastModified,
  parseFunctionName,
  policyDocument,
  readZip,
  regionFunctions,
  removeCode,
  writeCode,
  type FunctionRecord,
  type PolicyStatement,
} from "./models";
import { invokeFunction } from "./invoke";
import { runtimeFor } from "./runtime";

/** Lambda words validation failures with camelCase member names: "Value '0' at 'timeout' failed…". */
export function validationException(fields: FieldError[]): ServiceError {
  const camel = (name: string) => name.replace(/(^|\.)([A-Z])/g, (_m, dot: string, c: string) => dot + c.toLowerCase());
  const messages = fields.map((f) => f.message.replace(`'${f.name}'`, `'${camel(f.name)}'`));
  return new ServiceError("ValidationException", `${fields.length} validation error${fields.length === 1 ? "" : "s"} detected: ${messages.join("; ")}`, { status: 400 });
}

const RESERVED_VARIABLES = new Set([
  "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME",
  "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
  "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
  "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
]);

function resolve(input: Record<string, unknown>, ctx: OperationContext): FunctionRecord {
  const ref = parseFunctionName(String(input.FunctionName), ctx.region, ctx.accountId);
  if (!ref) throw invalidParameter(`Invalid function name: ${String(input.FunctionName)}`);
  if (input.Qualifier !== undefined) ref.qualifier = String(input.Qualifier);
  return findFunction(ctx.store, ref, ctx.accountId);
}

function checkRevision(fn: FunctionRecord, revisionId: unknown) {
  if (revisionId !== undefined && revisionId !== fn.RevisionId) {
    throw new ServiceError("PreconditionFailedException", "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id", { fields: { Type: "User" } });
  }
}

/** ZipFile only: the sandbox has no S3 or container registry to fetch a package from. */
function zipFrom(code: Record<string, unknown>): Buffer {
  if (code.ImageUri !== undefined) throw invalidParameter("The sandbox runs .zip packages only (PackageType Zip): container images are not supported.");
  if (code.S3Bucket !== undefined || code.S3Key !== undefined) throw invalidParameter("The sandbox takes the package as ZipFile only: it has no S3 to read S3Bucket/S3Key from.");
  const raw = code.ZipFile;
  if (raw === undefined) throw invalidParameter("Please provide a source for function code.");
  const zip = typeof raw === "string" ? Buffer.from(raw, "base64") : Buffer.from(raw as Uint8Array);
  if (!zip.length) throw invalidParameter("Could not unzip uploaded file. Please check your file, then try to upload again.");
  return zip;
}

function checkEnvironment(env: unknown): Record<string, string> | undefined {
  const vars = (env as { Variables?: Record<string, string> } | undefined)?.Variables;
  if (!vars) return undefined;
  const reserved = Object.keys(vars).filter((k) => RESERVED_VARIABLES.has(k));
  if (reserved.length) {
    throw invalidParameter(`Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(", ")}`);
  }
  const size = Buffer.byteLength(JSON.stringify(vars));
  if (size > MAX_ENVIRONMENT_BYTES) {
    throw invalidParameter(`Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${JSON.stringify(vars).slice(0, 100)}…`);
  }
  const out: Record<string, string> = dict();
  for (const [k, v] of Object.entries(vars)) out[k] = String(v);
  return out;
}

const createFunction: OperationHandler = (input, ctx) => {
  const model = ctx.service.model!;
  // Runtime is checked here rather than by the model's enum: every runtime but Node.js gets the same clear answer.
  const errors = validateShape(model, model.inputShapeId("CreateFunction")!, input, { skip: ["Runtime"] });
  if (errors.length) throw validationException(errors);
  if (input.PackageType === "Image") throw invalidParameter("The sandbox runs .zip packages only (PackageType Zip): container images are not supported.");
  if (input.Runtime === undefined || input.Handler === undefined) throw invalidParameter("Runtime and Handler are mandatory parameters for functions created with deployment packages.");
  const runtime = String(input.Runtime);
  if (!SUPPORTED_RUNTIMES.includes(runtime)) {
    throw invalidParameter(`The runtime parameter of ${runtime} is not supported by the sandbox: it runs Node.js only (${SUPPORTED_RUNTIMES.join(", ")}).`);
  }
  const timeout = (input.Timeout as number | undefined) ?? 3;
  if (timeout > MAX_TIMEOUT_SECONDS) throw validationException([{ name: "Timeout", message: `Value '${timeout}' at 'Timeout' failed to satisfy constraint: Member must have value less than or equal to ${MAX_TIMEOUT_SECONDS}` }]);
  const variables = checkEnvironment(input.Environment);
  const name = String(input.FunctionName);
  const ref = parseFunctionName(name, ctx.region, ctx.accountId)!;
  if (ref.qualifier) throw invalidParameter("A function name for CreateFunction cannot carry a qualifier.");
  if (ref.accountId !== ctx.accountId || ref.region !== ctx.region) throw invalidParameter(`The function ARN ${name} is not in this account and region.`);
  const functions = regionFunctions(ctx.store, ctx.region);
  if (functions[ref.name]) throw new ServiceError("ResourceConflictException", `Function already exist: ${ref.name}`, { fields: { Type: "User" } });
  const zip = zipFrom((input.Code ?? {}) as Record<string, unknown>);
  const files = readZip(zip);
  const sha = codeSha256(zip);
  writeCode(ctx.store, ctx.region, ref.name, sha, zip, files);
  const fn: FunctionRecord = {
    FunctionName: ref.name,
    FunctionArn: functionArn(ctx.region, ctx.accountId, ref.name),
    Runtime: runtime,
    Role: String(input.Role),
    Handler: String(input.Handler),
    Description: (input.Description as string | undefined) ?? "",
    Timeout: timeout,
    MemorySize: (input.MemorySize as number | undefined) ?? 128,
    CodeSha256: sha,
    CodeSize: zip.length,
    LastModified: lastModified(ctx.now()),
    RevisionId: crypto.randomUUID(),
    Architectures: (input.Architectures as string[] | undefined) ?? ["x86_64"],
    policy: [],
  };
  if (variables) fn.Environment = { Variables: variables };
  if (input.Tags) fn.Tags = { ...(input.Tags as Record<string, string>) };
  functions[ref.name] = fn;
  return configurationView(fn);
};

const getFunction: OperationHandler = (input, ctx) => {
  const fn = resolve(input, ctx);
  return {
    Configuration: configurationView(fn),
    // The package can be downloaded back, as from the presigned S3 URL Lambda gives.
    Code: { RepositoryType: "S3", Location: `${ctx.baseUrl}/_sandbox/lambda/code/${ctx.region}/${fn.FunctionName}.zip` },
    Tags: fn.Tags,
  };
};

const MARKER_PREFIX = "sbx1:";

const listFunctions: OperationHandler = (input, ctx) => {
  const max = (input.MaxItems as number | undefined) ?? 50;
  const all = Object.values(regionFunctions(ctx.store, ctx.region)).sort((a, b) => (a.FunctionName < b.FunctionName ? -1 : a.FunctionName > b.FunctionName ? 1 : 0));
  let start = 0;
  if (input.Marker !== undefined) {
    const decoded = Buffer.from(String(input.Marker), "base64url").toString("utf8");
    if (!decoded.startsWith(MARKER_PREFIX)) throw invalidParameter("Invalid marker: the Marker must be a NextMarker from an earlier ListFunctions answer.");
    const after = decoded.slice(MARKER_PREFIX.length);
    start = all.findIndex((f) => f.FunctionName > after);
    if (start < 0) start = all.length;
  }
  const page = all.slice(start, start + max);
  const more = start + max < all.length;
  return {
    Functions: page.map(configurationView),
    NextMarker: more ? Buffer.from(MARKER_PREFIX + page[page.length - 1].FunctionName).toString("base64url") : undefined,
  };
};

const updateFunctionCode: OperationHandler = async (input, ctx) => {
  const fn = resolve({ FunctionName: input.FunctionName }, ctx);
  checkRevision(fn, input.RevisionId);
  const zip = zipFrom(input);
  const files = readZip(zip);
  if (input.DryRun === true) return configurationView(fn);
  const sha = codeSha256(zip);
  writeCode(ctx.store, ctx.region, fn.FunctionName, sha, zip, files);
  fn.CodeSha256 = sha;
  fn.CodeSize = zip.length;
  fn.LastModified = lastModified(ctx.now());
  fn.RevisionId = crypto.randomUUID();
  // Warm environments run the old code: the next invocation starts a fresh one.
  await runtimeFor(ctx.store).retire(fn.FunctionArn);
  removeCode(ctx.store, ctx.region, fn.FunctionName, sha);
  return configurationView(fn);
};

const deleteFunction: OperationHandler = async (input, ctx) => {
  const fn = resolve(input, ctx);
  delete regionFunctions(ctx.store, ctx.region)[fn.FunctionName];
  await runtimeFor(ctx.store).retire(fn.FunctionArn);
  removeCode(ctx.store, ctx.region, fn.FunctionName);
  return {};
};

/** Lambda's synchronous and asynchronous payload limits. */
const MAX_SYNC_PAYLOAD = 6_291_456;
const MAX_EVENT_PAYLOAD = 1_048_576;

function parseClientContext(header: unknown): Record<string, unknown> | undefined {
  if (header === undefined) return undefined;
  const bad = () => new ServiceError("InvalidRequestContentException", "Client context must be a valid Base64-encoded JSON object.", { fields: { Type: "User" } });
  const text = String(header);
  if (Buffer.byteLength(text) > 3583) throw new ServiceError("InvalidRequestContentException", "Client context must be at most 3583 bytes once Base64-encoded.", { fields: { Type: "User" } });
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw bad();
  try {
    const value = JSON.parse(Buffer.from(text, "base64").toString("utf8"));
    if (!value || typeof value !== "object" || Array.isArray(value)) throw bad();
    return value as Record<string, unknown>;
  } catch {
    throw bad();
  }
}

const invoke: OperationHandler = async (input, ctx) => {
  const fn = resolve(input, ctx);
  const type = (input.InvocationType as string | undefined) ?? "RequestResponse";
  const body = input.Payload === undefined ? Buffer.alloc(0) : Buffer.from(input.Payload as Uint8Array);
  const limit = type === "Event" ? MAX_EVENT_PAYLOAD : MAX_SYNC_PAYLOAD;
  if (body.length > limit) {
    throw new ServiceError("RequestTooLargeException", `Request must be smaller than ${limit} bytes for the ${type === "Event" ? "InvokeAsync" : "InvokeFunction"} operation`, { status: 413, fields: { Type: "User" } });
  }
  let event: unknown = {};
  if (body.length && body.toString("utf8").trim()) {
    try {
      event = JSON.parse(body.toString("utf8"));
    } catch (e) {
      throw new ServiceError("InvalidRequestContentException", `Could not parse request body into json: Could not parse payload into json: ${(e as Error).message}`, { fields: { Type: "User" } });
    }
  }
  const clientContext = parseClientContext(input.ClientContext);
  const headers = { "content-type": "application/json", "x-amzn-requestid": ctx.requestId };
  if (type === "DryRun") return new RawResult({ status: 204, headers, body: "" });
  const opts = { region: ctx.region, accountId: ctx.accountId, functionArn: input.Qualifier ? `${fn.FunctionArn}:${input.Qualifier}` : fn.FunctionArn, payload: event, clientContext };
  if (type === "Event") {
    // Queued: the caller gets 202 at once; the outcome only reaches the log.
    void invokeFunction(ctx.store, opts).catch(() => undefined);
    return new RawResult({ status: 202, headers, body: "" });
  }
  const outcome = await invokeFunction(ctx.store, opts);
  if (!outcome.ok && outcome.kind === "not-found") throw new ServiceError("ResourceNotFoundException", outcome.errorMessage, { fields: { Type: "User", Message: outcome.errorMessage } });
  const out: Record<string, string> = { ...headers, "x-amz-executed-version": "$LATEST", "x-amzn-requestid": outcome.requestId || ctx.requestId };
  if (!outcome.ok) out["x-amz-function-error"] = "Unhandled";
  if (input.LogType === "Tail") {
    // The last 4 KB of this invocation's log, as X-Amz-Log-Result carries it.
    const log = Buffer.from(outcome.log);
    out["x-amz-log-result"] = log.subarray(Math.max(0, log.length - 4096)).toString("base64");
  }
  return new RawResult({ status: 200, headers: out, body: outcome.payloadText });
};

function principalOf(principal: string, accountId: string): unknown {
  if (principal === "*") return "*";
  if (/^\d{12}$/.test(principal)) return { AWS: `arn:aws:iam::${principal}:root` };
  if (principal.startsWith("arn:")) return { AWS: principal };
  if (/\.amazonaws\.com(\.cn)?$/.test(principal) || principal.endsWith(".com")) return { Service: principal };
  throw invalidParameter(`The provided principal was invalid. Please check the principal and try again. (account ${accountId})`);
}

const addPermission: OperationHandler = (input, ctx) => {
  const fn = resolve(input, ctx);
  checkRevision(fn, input.RevisionId);
  const sid = String(input.StatementId);
  if (fn.policy.some((s) => s.Sid === sid)) {
    throw new ServiceError("ResourceConflictException", `The statement id (${sid}) provided already exists. Please provide a new statement id, or remove the existing statement.`, { fields: { Type: "User" } });
  }
  const action = String(input.Action);
  const condition: Record<string, Record<string, string>> = {};
  const add = (op: string, key: string, value: unknown) => {
    if (value === undefined) return;
    condition[op] ??= {};
    condition[op][key] = String(value);
  };
  add("StringEquals", "AWS:SourceAccount", input.SourceAccount);
  add("ArnLike", "AWS:SourceArn", input.SourceArn);
  add("StringEquals", "aws:PrincipalOrgID", input.PrincipalOrgID);
  add("StringEquals", "lambda:EventSourceToken", input.EventSourceToken);
  add("StringEquals", "lambda:FunctionUrlAuthType", input.FunctionUrlAuthType);
  const statement: PolicyStatement = {
    Sid: sid,
    Effect: "Allow",
    Principal: principalOf(String(input.Principal), ctx.accountId),
    Action: action.startsWith("lambda:") || action === "*" ? action : `lambda:${action}`,
    Resource: input.Qualifier ? `${fn.FunctionArn}:${input.Qualifier}` : fn.FunctionArn,
  };
  if (Object.keys(condition).length) statement.Condition = condition;
  fn.policy.push(statement);
  fn.RevisionId = crypto.randomUUID();
  return { Statement: JSON.stringify(statement) };
};

const getPolicy: OperationHandler = (input, ctx) => {
  const fn = resolve(input, ctx);
  if (!fn.policy.length) throw new ServiceError("ResourceNotFoundException", "The resource you requested does not exist.", { fields: { Type: "User", Message: "The resource you requested does not exist." } });
  return { Policy: policyDocument(fn), RevisionId: fn.RevisionId };
};

const removePermission: OperationHandler = (input, ctx) => {
  const fn = resolve(input, ctx);
  checkRevision(fn, input.RevisionId);
  const sid = String(input.StatementId);
  const i = fn.policy.findIndex((s) => s.Sid === sid);
  if (i < 0) throw new ServiceError("ResourceNotFoundException", `Statement ${sid} is not found in resource policy.`, { fields: { Type: "User", Message: `Statement ${sid} is not found in resource policy.` } });
  fn.policy.splice(i, 1);
  fn.RevisionId = crypto.randomUUID();
  return {};
};

export const lambdaOperations = operationsByName({
  createFunction, getFunction, listFunctions, updateFunctionCode, deleteFunction, invoke, addPermission, getPolicy,
  removePermission,
});
