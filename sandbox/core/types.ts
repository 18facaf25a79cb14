// Shared types of the sandbox core: requests, responses, errors and the service registry contract.
import type { ServiceModel } from "./model";
import type { Store } from "./store";
import type { FieldError } from "./validate";
import type { FaultType } from "./faults";

export interface SandboxRequest {
  method: string;
  /** Raw (still percent-encoded) path, without the query string. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** An error a handler throws; the protocol turns it into the wire error. */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly options: {
      /** Overrides the status otherwise taken from the model's httpError trait. */
      status?: number;
      /** Extra members of the error body (e.g. reason, fieldList). */
      fields?: Record<string, unknown>;
      /** awsQuery: Sender (client) or Receiver (server). */
      type?: "Sender" | "Receiver";
    } = {},
  ) {
    super(message);
    this.name = code;
  }
}

export type Protocol = "restJson1" | "awsJson1_0" | "awsJson1_1" | "awsQuery";

export interface SandboxSettings {
  lifecycleDelayMs: number;
  /** Accept http:// loopback MCP server endpoints (the model demands https), for local test servers. */
  allowHttpMcpEndpoints?: boolean;
}

export interface OperationContext {
  service: ServiceDefinition;
  operation: string;
  region: string;
  accountId: string;
  requestId: string;
  /** Current time in epoch milliseconds (injectable clock). */
  now(): number;
  settings: SandboxSettings;
  store: Store;
  /** This service's state (created with initialState on first use). */
  state<T extends object>(): T;
  /** Persists this service's state now (done automatically after non-readonly operations). */
  save(): void;
  /** Base URL the client used to reach the sandbox, e.g. http://127.0.0.1:4599. */
  baseUrl: string;
  request: SandboxRequest;
}

/** Returns the output structure (serialized from the model), or a RawResult to answer verbatim. */
export type OperationHandler = (input: Record<string, unknown>, ctx: OperationContext) => unknown | Promise<unknown>;

/** Names each handler by its operation: `{ createGateway }` serves `CreateGateway` (the AWS name is the handler's, capitalised). */
export const operationsByName = (handlers: Record<string, OperationHandler>): Record<string, OperationHandler> =>
  Object.fromEntries(Object.entries(handlers).map(([name, handler]) => [name[0].toUpperCase() + name.slice(1), handler]));

export class RawResult {
  constructor(readonly response: SandboxResponse) {}
}

export interface HttpRouteContext {
  params: Record<string, string>;
  store: Store;
  settings: SandboxSettings;
  now(): number;
  baseUrl: string;
  accountId: string;
  /** State of the service that mounted the route. */
  state<T extends object>(): T;
  save(): void;
}

/** A plain (non-AWS-protocol) HTTP route, e.g. an OIDC discovery document or a token endpoint. */
export interface HttpRoute {
  method: string;
  /** "/oauth2/token", "/:poolId/.well-known/jwks.json" (":name" captures one segment), or a RegExp with named groups. */
  path: string | RegExp;
  handler(req: SandboxRequest, ctx: HttpRouteContext): SandboxResponse | Promise<SandboxResponse>;
}

export interface ServiceDefinition {
  /** Registry and store name, e.g. "agentcore-control". */
  name: string;
  /** SigV4 signing name in the credential scope, e.g. "bedrock-agentcore". */
  signingName: string;
  protocol: Protocol;
  model?: ServiceModel;
  /** awsJson: the x-amz-target prefix, e.g. "AWSCognitoIdentityProviderService". */
  targetPrefix?: string;
  /** awsQuery: the Version parameter and XML namespace. */
  queryVersion?: string;
  xmlNamespace?: string;
  operations: Record<string, OperationHandler>;
  httpRoutes?: HttpRoute[];
  initialState?: () => object;
  /** Error for failed model validation; default per protocol. */
  validationError?: (fields: FieldError[], operation: string) => ServiceError;
  /** Error for a body that cannot be parsed; default per protocol. */
  parseError?: (message: string) => ServiceError;
  /** Error for injected faults; default per protocol. */
  faultError?: (type: FaultType) => ServiceError;
  /** A model-validation error the sandbox lets through by setting (e.g. an http:// loopback MCP endpoint). */
  tolerateFieldError?: (error: FieldError, input: Record<string, unknown>, settings: SandboxSettings) => boolean;
  /** Skip the generic model validation for these operations (they validate themselves). */
  skipValidation?: string[];
  /** restJson1: also match a path with / without its trailing slash (Lambda: botocore and the SDK disagree). */
  trailingSlashOptional?: boolean;
  /** Called once per sandbox core: a service that runs things beyond its state (Lambda's processes) sets up here. */
  attach?(store: Store, env: ServiceEnv): void;
  /** Called when the sandbox closes: end child processes, remove temp files. */
  close?(store: Store): Promise<void> | void;
  /** Called after POST /_sandbox/reset wiped every service's state. */
  reset?(store: Store): Promise<void> | void;
}

export interface ServiceEnv {
  /** Writes a line to the sandbox log (stderr with --log / SANDBOX_LOG=1, else dropped). */
  log(line: string): void;
}
