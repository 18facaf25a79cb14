// Wire codecs per AWS protocol: decode a request into (operation, input), encode outputs and errors.
import type { ServiceModel } from "./model";
import { ServiceError, type Protocol, type SandboxRequest, type SandboxResponse, type ServiceDefinition } from "./types";
import { escapeXml, fromBindingString, fromQueryParams, toJsonWire, toXml } from "./serde";
import { summarize, type FieldError } from "./validate";
import type { FaultType } from "./faults";
import { dict, parseJsonDict } from "./dict";
import { MAX_NESTING_DEPTH, tooDeep } from "./limits";

export interface Decoded {
  operation: string;
  input: Record<string, unknown>;
  /** Success status (restJson1: from the http trait). */
  code: number;
}

const JSON_CT: Record<Protocol, string> = {
  restJson1: "application/json",
  awsJson1_0: "application/x-amz-json-1.0",
  awsJson1_1: "application/x-amz-json-1.1",
  awsQuery: "text/xml",
};

export function defaultValidationError(protocol: Protocol, fields: FieldError[]): ServiceError {
  const message = summarize(fields);
  if (protocol === "awsQuery") return new ServiceError("ValidationError", message, { status: 400 });
  if (protocol === "restJson1") return new ServiceError("ValidationException", message, { status: 400, fields: { reason: "FieldValidationFailed", fieldList: fields } });
  return new ServiceError("InvalidParameterException", message, { status: 400 });
}

export function defaultParseError(protocol: Protocol, message: string): ServiceError {
  return protocol === "awsQuery" ? new ServiceError("MalformedInput", message, { status: 400 }) : new ServiceError("SerializationException", message, { status: 400 });
}

export function defaultFaultError(protocol: Protocol, type: FaultType): ServiceError {
  if (type === "internal") {
    if (protocol === "awsQuery") return new ServiceError("ServiceFailure", "We encountered an internal error. Please try again.", { status: 500, type: "Receiver" });
    if (protocol === "restJson1") return new ServiceError("InternalServerException", "Internal server error (injected by the sandbox)", { status: 500 });
    return new ServiceError("InternalErrorException", "Internal error (injected by the sandbox)", { status: 500 });
  }
  if (protocol === "awsQuery") return new ServiceError("Throttling", "Rate exceeded", { status: 400 });
  if (protocol === "restJson1") return new ServiceError("ThrottlingException", "Rate exceeded", { status: 429 });
  return new ServiceError("TooManyRequestsException", "Too many requests", { status: 400 });
}

export function unknownOperation(protocol: Protocol, what: string): ServiceError {
  if (protocol === "awsQuery") return new ServiceError("InvalidAction", `Could not find operation ${what}`, { status: 400 });
  if (protocol === "restJson1") return new ServiceError("UnknownOperationException", `No operation matches ${what}`, { status: 404 });
  return new ServiceError("UnknownOperationException", `Unknown operation ${what}`, { status: 400 });
}

/** restJson1: the route comes from the model's http traits; input from labels, query, headers and body. */
function decodeRestJson(service: ServiceDefinition, model: ServiceModel, req: SandboxRequest): Decoded | undefined {
  const toggled = req.path.length > 1 && req.path.endsWith("/") ? req.path.slice(0, -1) : `${req.path}/`;
  const match = model.matchRoute(req.method, req.path, req.query) ?? (service.trailingSlashOptional ? model.matchRoute(req.method, toggled, req.query) : undefined);
  if (!match) return undefined;
  const inputId = model.inputShapeId(match.operation);
  const input: Record<string, unknown> = dict();
  if (!inputId) return { operation: match.operation, input, code: match.code };
  const shape = model.shape(inputId);
  const members = Object.entries(shape.members ?? {});
  const payloadMember = members.find(([, m]) => m.traits && "smithy.api#httpPayload" in m.traits);
  const text = req.body.toString("utf8");
  if (payloadMember) {
    const target = model.shape(payloadMember[1].target);
    if (target.type === "structure" || target.type === "union" || target.type === "document") {
      if (text.trim()) input[payloadMember[0]] = parseJsonBody(service, text);
    } else if (req.body.length) {
      input[payloadMember[0]] = target.type === "blob" ? req.body : text;
    }
  } else if (text.trim()) {
    Object.assign(input, parseJsonBody(service, text));
  }
  for (const [name, ref] of members) {
    const t = ref.traits ?? {};
    if ("smithy.api#httpLabel" in t) {
      const raw = match.labels[name];
      if (raw !== undefined) input[name] = fromBindingString(model, ref.target, raw);
    } else if ("smithy.api#httpQuery" in t) {
      const all = req.query.getAll(t["smithy.api#httpQuery"] as string);
      if (all.length) input[name] = fromBindingString(model, ref.target, all.length > 1 ? all : all[0]);
      else delete input[name];
    } else if ("smithy.api#httpHeader" in t) {
      const raw = req.headers[(t["smithy.api#httpHeader"] as string).toLowerCase()];
      if (raw !== undefined) input[name] = fromBindingString(model, ref.target, raw);
      else delete input[name];
    }
  }
  return { operation: match.operation, input, code: match.code };
}

function parseJsonBody(service: ServiceDefinition, text: string): Record<string, unknown> {
  // Checked before parsing: deep documents overflow the stack of every recursive walker after the parser.
  if (tooDeep(text)) {
    const message = `The request body is nested too deeply: documents may nest at most ${MAX_NESTING_DEPTH} levels`;
    throw service.validationError?.([{ name: "body", message }], "") ?? defaultValidationError(service.protocol, [{ name: "body", message }]);
  }
  let parsed: unknown;
  try {
    // Prototype-free objects: a member or map key named __proto__ or constructor is an ordinary key.
    parsed = parseJsonDict(text);
  } catch (e) {
    throw service.parseError?.(`Could not parse request body into json: ${(e as Error).message}`) ?? defaultParseError(service.protocol, "Could not parse request body into json");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw service.parseError?.("Request body must be a JSON object") ?? defaultParseError(service.protocol, "Request body must be a JSON object");
  }
  return parsed as Record<string, unknown>;
}

function decodeAwsJson(service: ServiceDefinition, req: SandboxRequest): Decoded | undefined {
  const target = req.headers["x-amz-target"];
  if (!target) return undefined;
  const dot = target.lastIndexOf(".");
  const operation = target.slice(dot + 1);
  if (service.targetPrefix && target.slice(0, dot) !== service.targetPrefix) return undefined;
  const text = req.body.toString("utf8");
  const input = text.trim() ? parseJsonBody(service, text) : dict();
  return { operation, input, code: 200 };
}

function decodeQuery(service: ServiceDefinition, req: SandboxRequest): Decoded | undefined {
  const params = new URLSearchParams(req.body.toString("utf8"));
  for (const [k, v] of req.query) if (!params.has(k)) params.set(k, v);
  const operation = params.get("Action");
  if (!operation) return undefined;
  let input: Record<string, unknown> = dict();
  if (service.model?.hasShape(operation) && service.model.operation(operation).input) {
    input = fromQueryParams(service.model, service.model.inputShapeId(operation)!, params);
  } else {
    for (const [k, v] of params) if (k !== "Action" && k !== "Version") input[k] = v;
  }
  return { operation, input, code: 200 };
}

export function decode(service: ServiceDefinition, req: SandboxRequest): Decoded | undefined {
  switch (service.protocol) {
    case "restJson1":
      return service.model ? decodeRestJson(service, service.model, req) : undefined;
    case "awsJson1_0":
    case "awsJson1_1":
      return decodeAwsJson(service, req);
    case "awsQuery":
      return decodeQuery(service, req);
  }
}

export function encodeOutput(service: ServiceDefinition, operation: string, code: number, output: unknown, requestId: string): SandboxResponse {
  const model = service.model;
  const headers: Record<string, string> = { "content-type": JSON_CT[service.protocol], "x-amzn-requestid": requestId };
  const outputId = model?.hasShape(operation) ? model.outputShapeId(operation) : undefined;
  if (service.protocol === "awsQuery") {
    const ns = service.xmlNamespace ?? "";
    const result = model && outputId && outputId !== "smithy.api#Unit" ? `<${operation}Result>${toXml(model, outputId, output)}</${operation}Result>` : "";
    const body = `<${operation}Response xmlns="${ns}">${result}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
    return { status: 200, headers, body };
  }
  let status = code;
  let body: unknown = output ?? {};
  if (model && outputId) {
    const shape = model.shape(outputId);
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      const v = (output as Record<string, unknown> | undefined)?.[name];
      if (v === undefined || v === null) continue;
      if (ref.traits && "smithy.api#httpHeader" in ref.traits) headers[(ref.traits["smithy.api#httpHeader"] as string).toLowerCase()] = String(v);
      if (ref.traits && "smithy.api#httpResponseCode" in ref.traits) status = Number(v);
    }
    const payload = Object.entries(shape.members ?? {}).find(([, m]) => m.traits && "smithy.api#httpPayload" in m.traits);
    body = payload
      ? toJsonWire(model, payload[1].target, (output as Record<string, unknown>)?.[payload[0]], "epoch-seconds")
      : toJsonWire(model, outputId, output ?? {}, "epoch-seconds");
  }
  return { status, headers, body: JSON.stringify(body ?? {}) };
}

/** Finds how the model spells an error for the wire: status and (awsQuery) code. */
function errorWire(model: ServiceModel | undefined, code: string): { status?: number; code: string } {
  if (!model) return { code };
  if (model.hasShape(code)) {
    const shape = model.shape(code);
    const q = shape.traits?.["aws.protocols#awsQueryError"] as { code: string; httpResponseCode: number } | undefined;
    if (q) return { code: q.code, status: q.httpResponseCode };
    return { code, status: model.errorStatus(code) };
  }
  for (const [id, shape] of Object.entries(model.model.shapes)) {
    const q = shape.traits?.["aws.protocols#awsQueryError"] as { code: string; httpResponseCode: number } | undefined;
    if (q?.code === code) return { code, status: q.httpResponseCode ?? model.errorStatus(id) };
  }
  return { code };
}

export function encodeError(service: ServiceDefinition | undefined, err: ServiceError, requestId: string): SandboxResponse {
  const protocol = service?.protocol ?? "restJson1";
  const wire = errorWire(service?.model, err.code);
  const status = err.options.status ?? wire.status ?? 400;
  const headers: Record<string, string> = { "x-amzn-requestid": requestId, "x-amzn-errortype": wire.code };
  if (protocol === "awsQuery") {
    const type = err.options.type ?? (status >= 500 ? "Receiver" : "Sender");
    headers["content-type"] = "text/xml";
    const body = `<ErrorResponse xmlns="${service?.xmlNamespace ?? ""}"><Error><Type>${type}</Type><Code>${escapeXml(wire.code)}</Code><Message>${escapeXml(err.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
    return { status, headers, body };
  }
  headers["content-type"] = JSON_CT[protocol];
  // The type travels in the x-amzn-errortype header and in the body (__type), as AWS sends it.
  const body = { __type: wire.code, message: err.message, ...err.options.fields };
  return { status, headers, body: JSON.stringify(body) };
}
