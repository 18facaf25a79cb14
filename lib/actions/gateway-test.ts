"use server";
// Server actions of the gateway Test tab: connect and list tools, call a tool, search, explain and fix refusals, starter Lambda functions.
import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/audit/log";
import { getTestToken } from "@/lib/aws/cognito/tokens";
import { getBackend, getRegion } from "@/lib/aws/config";
import { callTool, GatewayRefusedError, listAllTools, SEARCH_TOOL, splitToolName, withGateway, type GatewayAuth, type GatewaySession } from "@/lib/aws/gateway-client";
import { getGateway, updateGateway, type Gateway } from "@/lib/aws/gateways";
import { createStarterFunction, listFunctions } from "@/lib/aws/lambda";
import { verifyDiscoveryUrl } from "@/lib/aws/oidc";
import { explainRefusal, explainTargetFailure, gatewayWords, isCognitoDiscoveryUrl } from "@/lib/policies/explain-refusal";
import { clientIdSchema } from "@/lib/schemas/cognito";
import { issuesToFieldErrors } from "@/lib/schemas/form-errors";
import { gatewayToFormValues, toGatewayRequest, withUnmanagedSettings } from "@/lib/schemas/gateway-mapping";
import { gatewaySchema } from "@/lib/schemas/gateway";
import { functionNameSchema, searchQuerySchema, testAuthSchema, toolArgumentsInputSchema, toolNameSchema } from "@/lib/schemas/gateway-test";
import { toolArgumentsSchema } from "@/lib/schemas/json-schema-form";
import type {
  LambdaFunctionSummary,
  SearchOutcome,
  StarterFunction,
  TestAuth,
  TestConnection,
  TestRefused,
  TestTool,
  ToolCallOutcome,
} from "@/lib/models/gateway-test";
import { action, arg, nameTaken } from "./action";
import { gatewayIdSchema } from "./args";
import { fail, type ActionResult } from "./result";

const NOT_A_GATEWAY = "That is not a gateway id.";
const gatewayArg = arg(gatewayIdSchema, NOT_A_GATEWAY);
const authArg = arg(testAuthSchema, "Choose how to authenticate to the gateway.");

type Resolved = { gateway: Gateway; auth: GatewayAuth; token?: string };

/** The gateway and the credentials for it; a Cognito token is fetched here, on the server. */
async function resolve(region: string, gatewayId: string, auth: TestAuth): Promise<Resolved | ActionResult<never>> {
  const gateway = await getGateway(region, gatewayId);
  if (!gateway) return fail("This gateway no longer exists.", {}, "ResourceNotFoundException");
  switch (auth.kind) {
    case "cognito": {
      const t = await getTestToken(region, auth.poolId, auth.clientId, auth.scopes);
      return { gateway, auth: { kind: "bearer", token: t.accessToken }, token: t.accessToken };
    }
    case "bearer":
      return { gateway, auth: { kind: "bearer", token: auth.token }, token: auth.token };
    case "iam":
      return { gateway, auth: { kind: "iam", region } };
    default:
      return { gateway, auth: { kind: "none" } };
  }
}

/** The explanation of a 401/403: the token compared with the authorizer, and the discovery document's issuer. */
async function refused(gateway: Gateway, err: GatewayRefusedError, token: string | undefined): Promise<TestRefused> {
  const jwt = gateway.authorizerConfiguration?.customJWTAuthorizer;
  let discoveryIssuer: string | undefined;
  if (gateway.authorizerType === "CUSTOM_JWT" && jwt?.discoveryUrl && token) {
    const d = await verifyDiscoveryUrl(jwt.discoveryUrl).catch(() => null);
    if (d?.ok) discoveryIssuer = d.issuer;
  }
  const refusal = explainRefusal({
    status: err.status,
    authorizerType: gateway.authorizerType,
    authorizer: jwt,
    token,
    discoveryIssuer,
    now: Date.now(),
    gatewayMessage: gatewayWords(err.body),
    errorType: err.headers["x-amzn-errortype"],
  });
  return { refused: refusal, exchange: err.exchange };
}

/** Runs `work` against the gateway; a refusal becomes the explained TestRefused, anything else the action's error. */
async function onGateway<T>(gatewayId: string, auth: TestAuth, work: (s: GatewaySession, r: Resolved) => Promise<ActionResult<T>>): Promise<ActionResult<T | TestRefused>> {
  const r = await resolve(await getRegion(), gatewayId, auth);
  if ("ok" in r) return r;
  try {
    return await withGateway(r.gateway.gatewayUrl ?? "", r.auth, (s) => work(s, r));
  } catch (err) {
    if (err instanceof GatewayRefusedError) return { ok: true, data: await refused(r.gateway, err, r.token) };
    throw err;
  }
}

const textOf = (content: unknown[]) =>
  content
    .map((c) => (c && typeof c === "object" && (c as { type?: unknown }).type === "text" ? String((c as { text?: unknown }).text ?? "") : ""))
    .filter(Boolean)
    .join("\n");

function outcome(gateway: Gateway, r: Awaited<ReturnType<typeof callTool>>, exchange: TestConnection["exchange"]): ToolCallOutcome {
  const o: ToolCallOutcome = { ...r, exchange };
  if (r.isError) o.targetFailure = explainTargetFailure(textOf(r.content), { gatewayId: gateway.gatewayId, debug: gateway.exceptionLevel === "DEBUG" });
  return o;
}

/** Connects over MCP (initialize), lists every tool grouped by target prefix, and says whether the gateway can search. */
export const connectGatewayAction = action(gatewayArg, authArg).handle<TestConnection | TestRefused>(async ([gatewayId, auth]) =>
  onGateway(gatewayId, auth, async (s, r) => {
    const tools = await listAllTools(s);
    const server = s.client.getServerVersion();
    return {
      ok: true,
      data: {
        serverInfo: { name: server?.name ?? "", version: server?.version ?? "" },
        protocolVersion: s.transport.protocolVersion ?? "",
        instructions: s.client.getInstructions(),
        tools,
        hasSearch: r.gateway.protocolConfiguration?.mcp?.searchType === "SEMANTIC" || tools.some((t) => t.name === SEARCH_TOOL),
        exchange: s.exchange,
      },
    };
  }),
);

/** Calls one tool with arguments checked on the server against the tool's own input schema (the form checks the same). */
export const callGatewayToolAction = action(gatewayArg, authArg, arg(toolNameSchema), arg(toolArgumentsInputSchema)).handle<ToolCallOutcome | TestRefused>(
  async ([gatewayId, auth, toolName, args]) =>
    onGateway(gatewayId, auth, async (s, r) => {
      const tools = await listAllTools(s);
      const tool = tools.find((t) => t.name === toolName);
      if (!tool) return fail(`The gateway has no tool ${toolName} (any more): connect again to see its tools.`, {}, "UnknownTool");
      const checked = toolArgumentsSchema(tool.inputSchema).safeParse(args);
      if (!checked.success) return fail("The arguments do not match the tool's input schema.", issuesToFieldErrors(checked.error.issues));
      return { ok: true, data: outcome(r.gateway, await callTool(s, toolName, checked.data), s.exchange) };
    }),
);

function foundTools(structured: unknown): TestTool[] {
  const list = (structured as { tools?: unknown } | undefined)?.tools;
  if (!Array.isArray(list)) return [];
  return list
    .filter((t): t is { name: string; description?: string; inputSchema?: Record<string, unknown> } => !!t && typeof t === "object" && typeof (t as { name?: unknown }).name === "string")
    .map((t) => ({ name: t.name, ...splitToolName(t.name), description: t.description, inputSchema: t.inputSchema ?? {} }));
}

/** Semantic search (x_amz_bedrock_agentcore_search) on a gateway that has it. */
export const searchGatewayToolsAction = action(gatewayArg, authArg, arg(searchQuerySchema)).handle<SearchOutcome | TestRefused>(async ([gatewayId, auth, query]) =>
  onGateway(gatewayId, auth, async (s, r) => {
    if (r.gateway.protocolConfiguration?.mcp?.searchType !== "SEMANTIC") {
      return fail("This gateway has no semantic search: it is turned on at creation (Edit can turn it on, never off).", {}, "NoSearch");
    }
    const o = outcome(r.gateway, await callTool(s, SEARCH_TOOL, { query }), s.exchange);
    return { ok: true, data: { ...o, found: foundTools(o.structuredContent) } };
  }),
);

/**
 * The one-click fix: the client id joins allowedClients through an UpdateGateway that re-sends every other field. A Cognito
 * gateway that allowed only audiences also drops them, since Cognito access tokens carry no aud and would still be refused.
 */
export const fixAllowedClientsAction = action(gatewayArg, arg(clientIdSchema, "That is not an app client id.")).handle<{ gatewayId: string; allowedClients: string[]; droppedAudiences: string[] }>(
  async ([gatewayId, clientId]) => {
    const region = await getRegion();
    const current = await getGateway(region, gatewayId);
    if (!current) return fail("This gateway no longer exists.", {}, "ResourceNotFoundException");
    if (current.authorizerType !== "CUSTOM_JWT" || !current.authorizerConfiguration?.customJWTAuthorizer) return fail("Only a gateway with a JWT authorizer has allowed clients.");
    if (current.status !== "READY" && current.status !== "UPDATE_UNSUCCESSFUL") return fail(`The gateway is ${current.status}: wait until it is READY, then try again.`, {}, "ConflictException");
    const values = gatewayToFormValues(current);
    const droppedAudiences =
      values.jwt.allowedClients.length === 0 && isCognitoDiscoveryUrl(values.jwt.discoveryUrl) ? values.jwt.allowedAudience : [];
    if (!values.jwt.allowedClients.includes(clientId)) values.jwt.allowedClients.push(clientId);
    if (droppedAudiences.length) values.jwt.allowedAudience = [];
    const parsed = gatewaySchema.safeParse(values);
    if (!parsed.success) return fail(`The gateway's current settings do not pass the console's checks: ${parsed.error.issues[0]?.message ?? "invalid"}. Fix them on the Edit page.`);
    const { tags: _tags, ...fields } = toGatewayRequest(parsed.data);
    void _tags;
    await updateGateway(region, gatewayId, withUnmanagedSettings(current, fields));
    revalidatePath(`/gateways/${gatewayId}`);
    return { ok: true, data: { gatewayId, allowedClients: values.jwt.allowedClients, droppedAudiences } };
  },
);

/** The token the Test tab uses, only on the user's explicit request (Reveal / Copy): a fresh one for a Cognito client. */
export const revealTestTokenAction = action(gatewayArg, authArg).handle<{ token: string; expiresAt?: string }>(async ([gatewayId, auth]) => {
  const region = await getRegion();
  const gateway = await getGateway(region, gatewayId);
  if (!gateway) return fail("This gateway no longer exists.", {}, "ResourceNotFoundException");
  if (auth.kind === "bearer") return { ok: true, data: { token: auth.token } };
  if (auth.kind !== "cognito") return fail("There is no token to show: this kind of authentication sends none.");
  const t = await getTestToken(region, auth.poolId, auth.clientId, auth.scopes);
  // Showing a token is worth an audit entry, as revealing a client secret is (never the token itself).
  await recordAudit({ region, service: "cognito-idp", operation: "RevealTestToken", resources: { gatewayId, UserPoolId: auth.poolId, ClientId: auth.clientId }, outcome: "ok", secretRevealed: true });
  return { ok: true, data: { token: t.accessToken, expiresAt: t.expiresAt } };
});

/** The account's Lambda functions, for the Lambda target form's picker; `sandbox` says whether a starter function can be made. */
export const listFunctionsAction = action().handle<{ functions: LambdaFunctionSummary[]; sandbox: boolean }>(async () => ({
  ok: true,
  data: { functions: await listFunctions(await getRegion()), sandbox: getBackend() === "sandbox" },
}));

const functionTaken = nameTaken({ field: "name", awsName: "ResourceConflictException", message: "A function with this name already exists: pick it from the list, or choose another name." });

/** In the sandbox: a starter Node.js function and the inline tool schema that matches its handler. */
export const createStarterFunctionAction = action(arg(functionNameSchema)).handle<StarterFunction>(async ([name]) => {
  if (getBackend() !== "sandbox") return fail("Starter functions are made in the sandbox only; on AWS, deploy your function and pick it from the list.", {}, "SandboxOnly");
  const f = await createStarterFunction(await getRegion(), name).catch(functionTaken);
  return { ok: true, data: { functionArn: f.functionArn, functionName: name, toolSchema: JSON.stringify(f.tools, null, 2) } };
});

