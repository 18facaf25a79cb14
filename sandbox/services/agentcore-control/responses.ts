// AgentCore Control wire handlers (moto "responses"): gateway operations on top of the state in models.ts.
import crypto from "node:crypto";
import { operationsByName, ServiceError, type OperationContext, type OperationHandler } from "../../core/types";
import { startTransition } from "../../core/lifecycle";
import { summarize, type FieldError } from "../../core/validate";
import {
  GATEWAY_CONFIG_FIELDS,
  agentCoreState,
  gatewayIdentity,
  gatewayStatus,
  gatewayView,
  liveGateway,
  liveTargets,
  purge,
  regionState,
  type GatewayRecord,
  type RegionState,
} from "./models";

export const DEFAULT_MAX_RESULTS = 50;
export const MAX_GATEWAYS_PER_REGION = 1000;
const AUTHORIZER_CONSTRAINT_FIELDS = ["allowedAudience", "allowedClients", "allowedScopes", "customClaims"];

export function validationException(fields: FieldError[], reason = "FieldValidationFailed"): ServiceError {
  return new ServiceError("ValidationException", summarize(fields), { fields: { reason, fieldList: fields } });
}

export function fieldError(name: string, message: string): ServiceError {
  return validationException([{ name, message }]);
}

const notFound = (id: string) => new ServiceError("ResourceNotFoundException", `Gateway not found: ${id}`);

export function region(ctx: OperationContext): RegionState {
  return regionState(agentCoreState(ctx.store), ctx.region);
}

/** The caller's region rid of the records whose deletion has finished, and the time it was read at. */
export function purgedRegion(ctx: OperationContext): { now: number; r: RegionState } {
  const now = ctx.now();
  const r = region(ctx);
  purge(r, now);
  return { now, r };
}

export function existingRegion(ctx: OperationContext): RegionState | undefined {
  return agentCoreState(ctx.store).regions[ctx.region];
}

/** Service rules beyond the model: the authorizer configuration must match the authorizer type. */
function checkAuthorizer(input: Record<string, unknown>): void {
  const type = input.authorizerType as string;
  const config = input.authorizerConfiguration as { customJWTAuthorizer?: Record<string, unknown> } | undefined;
  if (type === "CUSTOM_JWT") {
    if (!config) {
      throw fieldError("authorizerConfiguration", "Value at 'authorizerConfiguration' failed to satisfy constraint: Member must not be null when authorizerType is CUSTOM_JWT");
    }
    const jwt = config.customJWTAuthorizer;
    if (jwt && !AUTHORIZER_CONSTRAINT_FIELDS.some((f) => jwt[f] !== undefined && jwt[f] !== null)) {
      throw fieldError(
        "authorizerConfiguration.customJWTAuthorizer",
        "Value at 'authorizerConfiguration.customJWTAuthorizer' failed to satisfy constraint: At least one of allowedAudience, allowedClients, allowedScopes or customClaims must be specified",
      );
    }
    checkCustomClaims(jwt?.customClaims);
  } else if (config && (type === "NONE" || type === "AWS_IAM")) {
    throw fieldError("authorizerConfiguration", `Value at 'authorizerConfiguration' failed to satisfy constraint: Member must be null when authorizerType is ${type}`);
  }
}

type ClaimInput = {
  inboundTokenClaimValueType?: string;
  authorizingClaimMatchValue?: { claimMatchOperator?: string; claimMatchValue?: { matchValueString?: string; matchValueStringList?: string[] } };
};

/** The service's claim rules: EQUALS on STRING claims, CONTAINS (one string) and CONTAINS_ANY (a list) on STRING_ARRAY claims. */
function checkCustomClaims(claims: unknown): void {
  if (!Array.isArray(claims)) return;
  (claims as ClaimInput[]).forEach((c, i) => {
    const at = `authorizerConfiguration.customJWTAuthorizer.customClaims[${i}]`;
    const op = c.authorizingClaimMatchValue?.claimMatchOperator;
    const value = c.authorizingClaimMatchValue?.claimMatchValue;
    const type = c.inboundTokenClaimValueType;
    if (op === "EQUALS" && type !== "STRING") {
      throw fieldError(`${at}.authorizingClaimMatchValue.claimMatchOperator`, `Value at '${at}.authorizingClaimMatchValue.claimMatchOperator' failed to satisfy constraint: EQUALS can be used only when inboundTokenClaimValueType is STRING`);
    }
    if ((op === "CONTAINS" || op === "CONTAINS_ANY") && type !== "STRING_ARRAY") {
      throw fieldError(`${at}.authorizingClaimMatchValue.claimMatchOperator`, `Value at '${at}.authorizingClaimMatchValue.claimMatchOperator' failed to satisfy constraint: ${op} can be used only when inboundTokenClaimValueType is STRING_ARRAY`);
    }
    if (op === "CONTAINS_ANY" ? value?.matchValueStringList === undefined : value?.matchValueString === undefined) {
      const member = op === "CONTAINS_ANY" ? "matchValueStringList" : "matchValueString";
      throw fieldError(`${at}.authorizingClaimMatchValue.claimMatchValue`, `Value at '${at}.authorizingClaimMatchValue.claimMatchValue' failed to satisfy constraint: ${member} must be specified when claimMatchOperator is ${op}`);
    }
  });
}

function nameTaken(r: RegionState, name: string, now: number, except?: string): boolean {
  return Object.values(r.gateways).some((g) => g.gatewayId !== except && g.name === name && gatewayStatus(g, now) !== null);
}

/** Canonical JSON (sorted keys) so equal parameters hash equally whatever their order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined && (v as Record<string, unknown>)[k] !== null)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

export function paramsHash(input: Record<string, unknown>): string {
  const rest: Record<string, unknown> = { ...input };
  delete rest.clientToken;
  return crypto.createHash("sha256").update(canonical(rest)).digest("hex");
}

export const createGateway: OperationHandler = (input, ctx) => {
  const { now, r } = purgedRegion(ctx);
  const token = input.clientToken as string | undefined;
  const hash = paramsHash(input);
  if (token) {
    const prior = r.clientTokens[token];
    if (prior) {
      if (prior.operation !== "CreateGateway" || prior.hash !== hash) {
        throw validationException(
          [{ name: "clientToken", message: "Value at 'clientToken' failed to satisfy constraint: The same client token was used with different request parameters" }],
          "IdempotentParameterMismatchException",
        );
      }
      const g = liveGateway(r, prior.resourceId, now);
      return g ? gatewayView(g, now, ctx.baseUrl) : prior.response;
    }
  }
  checkAuthorizer(input);
  const name = input.name as string;
  if (nameTaken(r, name, now)) throw new ServiceError("ConflictException", `A gateway named ${name} already exists in this account and region`);
  if (Object.keys(r.gateways).length >= MAX_GATEWAYS_PER_REGION) {
    throw new ServiceError("ServiceQuotaExceededException", `You have reached the quota of ${MAX_GATEWAYS_PER_REGION} gateways in ${ctx.region}`);
  }
  const at = new Date(now).toISOString();
  const record: GatewayRecord = {
    ...gatewayIdentity(ctx.region, name),
    name,
    protocolType: "MCP",
    authorizerType: input.authorizerType as string,
    createdAt: at,
    updatedAt: at,
    seq: ++r.seq,
    stableStatus: "READY",
    transition: startTransition(now, ctx.settings.lifecycleDelayMs, "CREATING", "READY"),
  };
  while (r.gateways[record.gatewayId]) Object.assign(record, gatewayIdentity(ctx.region, name));
  for (const f of GATEWAY_CONFIG_FIELDS) if (input[f] !== undefined && input[f] !== null) (record as unknown as Record<string, unknown>)[f] = input[f];
  if (input.tags) record.tags = input.tags as Record<string, string>;
  r.gateways[record.gatewayId] = record;
  const view = gatewayView(record, now, ctx.baseUrl);
  // The create response reports CREATING even with a zero delay, as the service does.
  view.status = "CREATING";
  if (token) r.clientTokens[token] = { operation: "CreateGateway", hash, resourceId: record.gatewayId, response: view, at: now };
  return view;
};

export const getGateway: OperationHandler = (input, ctx) => {
  const now = ctx.now();
  const g = liveGateway(existingRegion(ctx), input.gatewayIdentifier as string, now);
  if (!g) throw notFound(input.gatewayIdentifier as string);
  return gatewayView(g, now, ctx.baseUrl);
};

interface PageToken {
  v: 1;
  after: number;
}

export function encodeToken(after: number): string {
  return Buffer.from(JSON.stringify({ v: 1, after } satisfies PageToken)).toString("base64url");
}

export function decodeToken(token: string): number {
  try {
    const t = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as PageToken;
    if (t.v === 1 && Number.isInteger(t.after) && t.after >= 0) return t.after;
  } catch {
    // reported below
  }
  throw fieldError("nextToken", "Value at 'nextToken' failed to satisfy constraint: Invalid pagination token");
}

export const listGateways: OperationHandler = (input, ctx) => {
  const now = ctx.now();
  const max = (input.maxResults as number | undefined) ?? DEFAULT_MAX_RESULTS;
  const after = input.nextToken ? decodeToken(input.nextToken as string) : 0;
  const all = Object.values(existingRegion(ctx)?.gateways ?? {})
    .filter((g) => gatewayStatus(g, now) !== null && g.seq > after)
    .sort((a, b) => a.seq - b.seq);
  const page = all.slice(0, max);
  return {
    items: page.map((g) => gatewayView(g, now, ctx.baseUrl)),
    nextToken: all.length > max ? encodeToken(page[page.length - 1].seq) : undefined,
  };
};

/** Where an update or delete starts: the region rid of expired records, and the live gateway (NotFound when there is none). */
function gatewayToChange(input: Record<string, unknown>, ctx: OperationContext) {
  const { now, r } = purgedRegion(ctx);
  const id = input.gatewayIdentifier as string;
  const g = liveGateway(r, id, now);
  if (!g) throw notFound(id);
  return { now, r, id, g };
}

export const updateGateway: OperationHandler = (input, ctx) => {
  const { now, r, id, g } = gatewayToChange(input, ctx);
  if (gatewayStatus(g, now) === "DELETING") throw new ServiceError("ConflictException", `Gateway ${id} is being deleted`);
  if (input.authorizerType !== g.authorizerType) {
    throw fieldError(
      "authorizerType",
      `Value at 'authorizerType' failed to satisfy constraint: The authorizer type cannot be changed after creation (current: ${g.authorizerType}, requested: ${String(input.authorizerType)})`,
    );
  }
  checkAuthorizer(input);
  const name = input.name as string;
  if (nameTaken(r, name, now, g.gatewayId)) throw new ServiceError("ConflictException", `A gateway named ${name} already exists in this account and region`);
  // Full replace: every configuration member not sent is cleared.
  const rec = g as unknown as Record<string, unknown>;
  for (const f of GATEWAY_CONFIG_FIELDS) {
    if (input[f] === undefined || input[f] === null) delete rec[f];
    else rec[f] = input[f];
  }
  g.protocolType ??= "MCP";
  g.updatedAt = new Date(now).toISOString();
  g.transition = startTransition(now, ctx.settings.lifecycleDelayMs, "UPDATING", "READY");
  const view = gatewayView(g, now, ctx.baseUrl);
  view.status = "UPDATING";
  return view;
};

export const deleteGateway: OperationHandler = (input, ctx) => {
  const { now, r, id, g } = gatewayToChange(input, ctx);
  if (gatewayStatus(g, now) !== "DELETING") {
    const targets = liveTargets(r, id, now);
    if (targets.length) {
      throw new ServiceError("ConflictException", `Gateway ${id} has ${targets.length} target(s); delete them before deleting the gateway`);
    }
    g.transition = startTransition(now, ctx.settings.lifecycleDelayMs, "DELETING", null);
    g.updatedAt = new Date(now).toISOString();
  }
  return { gatewayId: g.gatewayId, status: "DELETING" };
};

export const gatewayOperations = operationsByName({
  createGateway, getGateway, listGateways, updateGateway, deleteGateway,
});
