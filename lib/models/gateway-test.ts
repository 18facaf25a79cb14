// Read models of the gateway Test tab: how the console authenticates to a gateway, what it found there, and why a call was refused.

/** How the console authenticates to the gateway (on the server; a token never reaches the browser unless asked for). */
export type TestAuth =
  | { kind: "cognito"; poolId: string; clientId: string; scopes: string[] }
  | { kind: "bearer"; token: string }
  | { kind: "iam" }
  | { kind: "none" };

export type TestTool = {
  /** The full MCP name, `TARGET___TOOL`. */
  name: string;
  /** The target prefix (`TARGET`), or "" for the gateway's own tools (search). */
  target: string;
  /** The name after the prefix. */
  toolName: string;
  description?: string;
  inputSchema: Record<string, unknown>;
};

/** One JSON-RPC message as the console sent or received it, secrets masked (bearer tokens, Authorization headers). */
export type ExchangeMessage = { direction: "request" | "response"; status?: number; headers: Record<string, string>; body: unknown };

/** Why the gateway refused a request, found by comparing the token with the gateway's authorizer configuration. */
export type RefusalReason = {
  kind:
    | "no-token"
    | "client-not-allowed"
    | "cognito-audience-only"
    | "audience-not-allowed"
    | "missing-scope"
    | "custom-claim"
    | "issuer-mismatch"
    | "expired"
    | "not-yet-valid"
    | "malformed-token"
    | "iam-signature"
    | "unknown";
  message: string;
  /** A one-click fix the console can apply (an Update that keeps every other field). */
  fix?: { kind: "add-allowed-client"; clientId: string; label: string };
};

export type Refusal = {
  status: number;
  /** The gateway's own words (the body under DEBUG, else generic). */
  gatewayMessage: string;
  reasons: RefusalReason[];
  /** The decoded token (header and claims, not verified), when there was one. Never the token itself. */
  token?: { header: Record<string, unknown>; claims: Record<string, unknown> };
};

export type TargetFailure = {
  message: string;
  /** Set when the gateway's exceptionLevel is not DEBUG: turning it on shows details. */
  debugHint?: string;
  /** When the execution role lacks a permission: the action and resource, and the Permissions tab link with that statement highlighted. */
  missingPermission?: { action: string; resource: string; href: string };
};

export type TestConnection = {
  serverInfo: { name: string; version: string };
  protocolVersion: string;
  instructions?: string;
  tools: TestTool[];
  hasSearch: boolean;
  exchange: ExchangeMessage[];
};

export type ToolCallOutcome = {
  content: unknown[];
  isError: boolean;
  structuredContent?: unknown;
  durationMs: number;
  exchange: ExchangeMessage[];
  targetFailure?: TargetFailure;
};

/** What a Test tab action returns when the gateway refused it (401/403): the explanation, not a bare status. */
export type TestRefused = { refused: Refusal; exchange: ExchangeMessage[] };

/** What a search returned: the call itself, and the tools it found (from `structuredContent.tools`). */
export type SearchOutcome = ToolCallOutcome & { found: TestTool[] };

/** A Lambda function the target form can pick. */
export type LambdaFunctionSummary = { name: string; arn: string; runtime?: string; description?: string; lastModified?: string };

/** A starter function made in the sandbox: its ARN and the inline tool schema that matches its handler (JSON text for the form). */
export type StarterFunction = { functionArn: string; functionName: string; toolSchema: string };
