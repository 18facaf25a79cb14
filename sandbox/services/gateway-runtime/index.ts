// The gateway data plane in the sandbox: each READY gateway's MCP endpoint with its inbound auth, and its OAuth metadata.
import type { Store } from "../../core/store";
import type { SandboxRequest, SandboxResponse } from "../../core/types";
import { REGION_PATTERN } from "../../core/guard";
import { agentCoreState, gatewayStatus, liveGateway, type GatewayRecord } from "../agentcore-control/models";
import { verifyJwt, type CustomJwtConfig } from "./jwt-authorizer";
import { jsonRpcError, serveMcp } from "./mcp-endpoint";
import { fetchText } from "./outbound";
import { verifySigV4 } from "./sigv4";
import { METADATA_PATH, RUNTIME_PATH, protectedResourceMetadataUrl, sandboxGatewayUrl } from "./urls";

export { isGatewayRuntimePath, sandboxGatewayUrl } from "./urls";

export interface RuntimeContext {
  store: Store;
  now: number;
  /** How the caller reached the sandbox, e.g. http://127.0.0.1:4599. */
  baseUrl: string;
  accountId: string;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

function lookup(ctx: RuntimeContext, region: string, gatewayId: string): { gateway?: GatewayRecord; regionState?: ReturnType<typeof agentCoreState>["regions"][string] } {
  if (!REGION_PATTERN.test(region)) return {};
  const regionState = agentCoreState(ctx.store).regions[region];
  const gateway = liveGateway(regionState, gatewayId, ctx.now);
  // Only READY gateways serve; CREATING, DELETING and unknown ones are not found, as their AWS host would be.
  return gateway && gatewayStatus(gateway, ctx.now) === "READY" ? { gateway, regionState } : {};
}

const notFound = () => json(404, { message: "Not Found" }, { "x-amzn-errortype": "ResourceNotFoundException" });

function jwtConfig(g: GatewayRecord): CustomJwtConfig {
  return (g.authorizerConfiguration as { customJWTAuthorizer: CustomJwtConfig }).customJWTAuthorizer;
}

/** RFC 9728 metadata: the gateway as a protected resource and its authorization server (the discovery issuer). */
async function metadata(ctx: RuntimeContext, region: string, g: GatewayRecord): Promise<SandboxResponse> {
  const config = jwtConfig(g);
  let issuer = config.discoveryUrl.replace(/\/\.well-known\/openid-configuration\/?$/, "");
  try {
    const res = await fetchText(config.discoveryUrl, { headers: { accept: "application/json" } }, 1 << 20);
    const doc = JSON.parse(res.text) as { issuer?: unknown };
    if (typeof doc.issuer === "string") issuer = doc.issuer;
  } catch {
    // the issuer derived from the discovery URL stands in
  }
  return json(200, {
    resource: sandboxGatewayUrl(ctx.baseUrl, region, g.gatewayId),
    authorization_servers: [issuer],
    bearer_methods_supported: ["header"],
    ...(config.allowedScopes?.length ? { scopes_supported: config.allowedScopes } : {}),
  });
}

async function inboundAuth(req: SandboxRequest, ctx: RuntimeContext, region: string, g: GatewayRecord): Promise<SandboxResponse | undefined> {
  const debug = g.exceptionLevel === "DEBUG";
  if (g.authorizerType === "CUSTOM_JWT") {
    const challenge = `Bearer resource_metadata="${protectedResourceMetadataUrl(ctx.baseUrl, region, g.gatewayId)}"`;
    const refuse = (reason: string, kind = "invalid_token") =>
      jsonRpcError(401, -32001, debug ? `Unauthorized: ${reason}` : "Unauthorized", { "www-authenticate": kind ? `${challenge}, error="${kind}"` : challenge });
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
    if (!m) {
      const res = refuse("the request has no Bearer token in the Authorization header", "");
      res.headers["www-authenticate"] = challenge;
      return res;
    }
    const outcome = await verifyJwt(m[1], jwtConfig(g), ctx.now);
    return outcome.ok ? undefined : refuse(outcome.reason);
  }
  if (g.authorizerType === "AWS_IAM") {
    const outcome = await verifySigV4(req, ctx.now);
    // Any credentials the sandbox accepts are the account's root credentials, which may bedrock-agentcore:InvokeGateway.
    return outcome.ok ? undefined : json(403, { message: outcome.message }, { "x-amzn-errortype": outcome.code });
  }
  return undefined;
}

/** Answers a request under /gateway-runtime/… or its protected-resource metadata; no SigV4 unless the gateway is AWS_IAM. */
export async function handleGatewayRuntime(req: SandboxRequest, ctx: RuntimeContext): Promise<SandboxResponse> {
  const meta = METADATA_PATH.exec(req.path);
  if (meta) {
    const { region, gatewayId } = meta.groups!;
    const { gateway } = lookup(ctx, region, gatewayId);
    if (!gateway || gateway.authorizerType !== "CUSTOM_JWT") return notFound();
    if (req.method !== "GET" && req.method !== "HEAD") return json(405, { message: "Method not allowed" }, { allow: "GET" });
    return metadata(ctx, region, gateway);
  }
  const m = RUNTIME_PATH.exec(req.path);
  if (!m) return notFound();
  const { region, gatewayId } = m.groups!;
  const { gateway, regionState } = lookup(ctx, region, gatewayId);
  if (!gateway || !regionState) return notFound();
  const refused = await inboundAuth(req, ctx, region, gateway);
  if (refused) return refused;
  return serveMcp(req, {
    store: ctx.store,
    region,
    accountId: ctx.accountId,
    regionState,
    gateway,
    now: ctx.now,
    url: sandboxGatewayUrl(ctx.baseUrl, region, gatewayId),
  });
}
