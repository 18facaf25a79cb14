// AgentCore Control gateway targets (moto "responses"): CRUD, synchronization and the service's rules per target type.
import { dict } from "../../core/dict";
import { MAX_NESTING_DEPTH, tooDeep } from "../../core/limits";
import { operationsByName, ServiceError, type OperationContext, type OperationHandler } from "../../core/types";
import { startTransition } from "../../core/lifecycle";
import {
  gatewayStatus,
  lastSynchronizedAt,
  liveGateway,
  liveTargets,
  randomSuffix,
  targetStatus,
  targetView,
  type GatewayRecord,
  type RegionState,
  type TargetRecord,
} from "./models";
import { decodeToken, encodeToken, existingRegion, fieldError, paramsHash, purgedRegion, validationException } from "./responses";
import { mcpToolSchemaProblems, openApiProblems, smithyProblems } from "./schemas";
import { fetchMcpServerTools } from "../gateway-runtime/targets/mcp-server";
import type { SyncedTool } from "../gateway-runtime/tools";

export const DEFAULT_MAX_TARGET_RESULTS = 50;

export type TargetKind = "lambda" | "openApiSchema" | "smithyModel" | "mcpServer" | "apiGateway";
const KINDS: TargetKind[] = ["lambda", "openApiSchema", "smithyModel", "mcpServer", "apiGateway"];

export interface OutboundAuthRules {
  /** Whether a target may carry no credential provider configuration at all ("No authorization"). */
  none: boolean;
  /** GATEWAY_IAM_ROLE: "implicit" = bare type (the service knows the signing name), "signing" = iamCredentialProvider.service required. */
  gatewayIamRole: "implicit" | "signing";
  /** OAuth grant types accepted (empty: no OAuth). */
  oauthGrants: string[];
  apiKey: boolean;
}

const ALL_GRANTS = ["CLIENT_CREDENTIALS", "AUTHORIZATION_CODE", "TOKEN_EXCHANGE"];

/**
 * Outbound authorization per target type, from the AgentCore developer guide ("Set up outbound authorization
 * for your gateway", the table for the credential provider types of this model). CALLER_IAM_CREDENTIALS and
 * JWT_PASSTHROUGH are for AgentCore Runtime (HTTP) targets only.
 */
export const OUTBOUND_AUTH: Record<TargetKind, OutboundAuthRules> = {
  lambda: { none: false, gatewayIamRole: "implicit", oauthGrants: [], apiKey: false },
  smithyModel: { none: false, gatewayIamRole: "implicit", oauthGrants: ["CLIENT_CREDENTIALS"], apiKey: false },
  apiGateway: { none: true, gatewayIamRole: "implicit", oauthGrants: [], apiKey: true },
  openApiSchema: { none: true, gatewayIamRole: "signing", oauthGrants: ALL_GRANTS, apiKey: true },
  mcpServer: { none: true, gatewayIamRole: "signing", oauthGrants: ALL_GRANTS, apiKey: true },
};

const TRANSITIONAL = new Set(["CREATING", "UPDATING", "DELETING", "SYNCHRONIZING"]);
const CONFIG_FIELDS = ["description", "targetConfiguration", "credentialProviderConfigurations", "metadataConfiguration", "privateEndpoint"] as const;

type Obj = Record<string, unknown>;
const isSet = (v: unknown) => v !== undefined && v !== null;
const setKeys = (o: Obj | undefined) => Object.keys(o ?? {}).filter((k) => isSet(o![k]));

const gatewayNotFound = (id: string) => new ServiceError("ResourceNotFoundException", `Gateway not found: ${id}`);
const targetNotFound = (id: string) => new ServiceError("ResourceNotFoundException", `Target not found: ${id}`);

/** Which target type a (model-valid) targetConfiguration is; the sandbox serves the five MCP types the console uses. */
export function targetKind(config: Obj | undefined): { kind: TargetKind; member: Obj } {
  const family = setKeys(config)[0];
  const inner = config?.[family] as Obj | undefined;
  const name = setKeys(inner)[0];
  if (family === "mcp" && KINDS.includes(name as TargetKind)) return { kind: name as TargetKind, member: inner![name] as Obj };
  const what = family === "mcp" ? `mcp.${name}` : family;
  throw new ServiceError("NotImplemented", `The sandbox does not implement ${what} targets yet (supported: mcp.${KINDS.join(", mcp.")})`, { status: 501 });
}

const S3_URI = /^s3:\/\/([^/]+)\/(.+)$/;
const BUCKET = /^(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function checkS3(s3: Obj | undefined, path: string): void {
  if (!s3) return;
  const uri = s3.uri as string | undefined;
  if (uri === undefined) throw fieldError(`${path}.uri`, `Value at '${path}.uri' failed to satisfy constraint: Member must not be null`);
  const m = S3_URI.exec(uri);
  if (!m || !BUCKET.test(m[1]) || m[1].includes("..")) {
    throw fieldError(`${path}.uri`, `Value at '${path}.uri' failed to satisfy constraint: Member must be an S3 object URI of the form s3://bucket-name/object-key`);
  }
}

/** Service rules on the target configuration beyond the model (the generic validator already ran). */
export function checkTargetConfiguration(kind: TargetKind, member: Obj): void {
  const base = `targetConfiguration.mcp.${kind}`;
  switch (kind) {
    case "lambda": {
      const schema = member.toolSchema as Obj;
      checkS3(schema.s3 as Obj | undefined, `${base}.toolSchema.s3`);
      const tools = schema.inlinePayload as { name: string }[] | undefined;
      if (tools) {
        if (!tools.length) throw fieldError(`${base}.toolSchema.inlinePayload`, `Value at '${base}.toolSchema.inlinePayload' failed to satisfy constraint: Member must contain at least one tool definition`);
        const seen = new Set<string>();
        tools.forEach((t, i) => {
          if (seen.has(t.name)) {
            throw fieldError(`${base}.toolSchema.inlinePayload[${i}].name`, `Value at '${base}.toolSchema.inlinePayload[${i}].name' failed to satisfy constraint: Tool names must be unique within a target (duplicate: ${t.name})`);
          }
          seen.add(t.name);
        });
      }
      break;
    }
    case "openApiSchema":
    case "smithyModel":
      checkS3(member.s3 as Obj | undefined, `${base}.s3`);
      break;
    case "mcpServer":
      checkS3((member.mcpToolSchema as Obj | undefined)?.s3 as Obj | undefined, `${base}.mcpToolSchema.s3`);
      break;
    case "apiGateway": {
      const filters = (member.apiGatewayToolConfiguration as { toolFilters: { filterPath: string; methods: string[] }[] }).toolFilters;
      const path = `${base}.apiGatewayToolConfiguration.toolFilters`;
      if (!filters.length) throw fieldError(path, `Value at '${path}' failed to satisfy constraint: Member must contain at least one tool filter`);
      filters.forEach((f, i) => {
        if (!f.filterPath.startsWith("/")) throw fieldError(`${path}[${i}].filterPath`, `Value at '${path}[${i}].filterPath' failed to satisfy constraint: Member must be a resource path starting with '/'`);
        if (!f.methods.length) throw fieldError(`${path}[${i}].methods`, `Value at '${path}[${i}].methods' failed to satisfy constraint: Member must contain at least one method`);
      });
      break;
    }
  }
}

const TOKEN_VAULT_ARN = /^arn:aws[a-z-]*:bedrock-agentcore:[a-z0-9-]+:\d{12}:token-vault\/[^/]+\/(apikeycredentialprovider|oauth2credentialprovider)\/[^/]+$/;

function checkProviderArn(arn: string, expected: "apikeycredentialprovider" | "oauth2credentialprovider", path: string): void {
  const m = TOKEN_VAULT_ARN.exec(arn);
  if (m && m[1] !== expected) {
    const want = expected === "apikeycredentialprovider" ? "an API key" : "an OAuth2";
    throw fieldError(path, `Value at '${path}' failed to satisfy constraint: Member must be the ARN of ${want} credential provider`);
  }
}

/**
 * Checks the outbound authorization against what the target type supports and returns the configurations to
 * store: omitted means GATEWAY_IAM_ROLE for Lambda and Smithy targets, and no authorization for the others.
 */
export function checkCredentials(kind: TargetKind, configs: Obj[] | undefined, member: Obj): Obj[] {
  const rules = OUTBOUND_AUTH[kind];
  const mcpToolSchema = kind === "mcpServer" && isSet(member.mcpToolSchema);
  if (!configs) {
    if (mcpToolSchema) throw staticSchemaNeeds3LO(kind);
    return rules.none ? [] : [{ credentialProviderType: "GATEWAY_IAM_ROLE" }];
  }
  const path = "credentialProviderConfigurations[0]";
  const c = configs[0];
  const type = c.credentialProviderType as string;
  const provider = c.credentialProvider as Obj | undefined;
  const given = setKeys(provider)[0];
  const unsupported = () =>
    fieldError(
      `${path}.credentialProviderType`,
      `Value at '${path}.credentialProviderType' failed to satisfy constraint: ${type} outbound authorization is not supported for ${kind} targets (supported: ${supported(kind).join(", ")})`,
    );
  const wrongProvider = (want: string) =>
    fieldError(`${path}.credentialProvider`, `Value at '${path}.credentialProvider' failed to satisfy constraint: credentialProviderType ${type} requires ${want}`);
  switch (type) {
    case "GATEWAY_IAM_ROLE": {
      if (given && given !== "iamCredentialProvider") throw wrongProvider("iamCredentialProvider or no credentialProvider");
      if (rules.gatewayIamRole === "signing" && given !== "iamCredentialProvider") {
        throw fieldError(`${path}.credentialProvider`, `IamCredentialProvider is required for ${kind} targets using IAM authentication`);
      }
      if (rules.gatewayIamRole === "implicit" && given) {
        throw fieldError(
          `${path}.credentialProvider.iamCredentialProvider`,
          `Value at '${path}.credentialProvider.iamCredentialProvider' failed to satisfy constraint: ${kind} targets use GATEWAY_IAM_ROLE without an iamCredentialProvider (the gateway knows the signing service)`,
        );
      }
      if (mcpToolSchema) throw staticSchemaNeeds3LO(kind);
      return [c];
    }
    case "OAUTH": {
      if (!rules.oauthGrants.length) throw unsupported();
      if (given !== "oauthCredentialProvider") throw wrongProvider("oauthCredentialProvider");
      const oauth = { ...(provider!.oauthCredentialProvider as Obj) };
      oauth.grantType ??= "CLIENT_CREDENTIALS";
      if (!rules.oauthGrants.includes(oauth.grantType as string)) {
        throw fieldError(
          `${path}.credentialProvider.oauthCredentialProvider.grantType`,
          `Value at '${path}.credentialProvider.oauthCredentialProvider.grantType' failed to satisfy constraint: grant type ${String(oauth.grantType)} is not supported for ${kind} targets (supported: ${rules.oauthGrants.join(", ")})`,
        );
      }
      checkProviderArn(oauth.providerArn as string, "oauth2credentialprovider", `${path}.credentialProvider.oauthCredentialProvider.providerArn`);
      if (mcpToolSchema && oauth.grantType !== "AUTHORIZATION_CODE") throw staticSchemaNeeds3LO(kind);
      return [{ ...c, credentialProvider: { oauthCredentialProvider: oauth } }];
    }
    case "API_KEY": {
      if (!rules.apiKey) throw unsupported();
      if (given !== "apiKeyCredentialProvider") throw wrongProvider("apiKeyCredentialProvider");
      const apiKey = provider!.apiKeyCredentialProvider as Obj;
      checkProviderArn(apiKey.providerArn as string, "apikeycredentialprovider", `${path}.credentialProvider.apiKeyCredentialProvider.providerArn`);
      if (mcpToolSchema) throw staticSchemaNeeds3LO(kind);
      return [c];
    }
    default:
      throw unsupported();
  }
}

function staticSchemaNeeds3LO(kind: TargetKind): ServiceError {
  const path = `targetConfiguration.mcp.${kind}.mcpToolSchema`;
  return fieldError(path, `Value at '${path}' failed to satisfy constraint: mcpToolSchema is supported only with an OAUTH credential provider using the AUTHORIZATION_CODE grant type`);
}

/** The outbound authorization types a target type accepts, for messages. */
export function supported(kind: TargetKind): string[] {
  const r = OUTBOUND_AUTH[kind];
  return [...(r.none ? ["none"] : []), "GATEWAY_IAM_ROLE", ...(r.oauthGrants.length ? ["OAUTH"] : []), ...(r.apiKey ? ["API_KEY"] : [])];
}

/** Why the target's inline payload cannot be used (the target then ends FAILED / UPDATE_UNSUCCESSFUL). */
export function inlineProblems(kind: TargetKind, member: Obj): string[] {
  switch (kind) {
    case "openApiSchema":
      return typeof member.inlinePayload === "string" ? openApiProblems(member.inlinePayload) : [];
    case "smithyModel":
      return typeof member.inlinePayload === "string" ? smithyProblems(member.inlinePayload) : [];
    case "mcpServer": {
      const payload = (member.mcpToolSchema as Obj | undefined)?.inlinePayload;
      return typeof payload === "string" ? mcpToolSchemaProblems(payload) : [];
    }
    default:
      return [];
  }
}

/** An inline document nested past the limit is refused outright (the parsers that judge it recurse per level). */
function checkInlineDepth(kind: TargetKind, member: Obj): void {
  const mcp = (member.mcpToolSchema as Obj | undefined)?.inlinePayload;
  const [payload, path] =
    kind === "mcpServer" ? [mcp, `targetConfiguration.mcp.${kind}.mcpToolSchema.inlinePayload`] : [member.inlinePayload, `targetConfiguration.mcp.${kind}.inlinePayload`];
  if (typeof payload === "string" && tooDeep(payload)) {
    throw fieldError(path, `Value at '${path}' failed to satisfy constraint: the document is nested too deeply (at most ${MAX_NESTING_DEPTH} levels)`);
  }
}

/** MCP server targets fetch their tools on create and update (implicit synchronization) unless listed dynamically or statically. */
function syncsImplicitly(kind: TargetKind, member: Obj): boolean {
  return kind === "mcpServer" && !isSet(member.mcpToolSchema) && member.listingMode !== "DYNAMIC";
}

/** RFC 2606 example domains, used as placeholders in fixtures: not fetched, they synchronize to no tools. */
const PLACEHOLDER_HOST = /(^|\.)example\.(com|net|org)$/i;

/** Lists the MCP server's tools with the SDK client, as the service does on create, update and synchronize. */
async function syncTools(member: Obj, credentials: Obj[], r: RegionState, now: number): Promise<{ tools: SyncedTool[] } | { reason: string }> {
  const endpoint = String(member.endpoint ?? "");
  try {
    if (PLACEHOLDER_HOST.test(new URL(endpoint).hostname)) return { tools: [] };
    return { tools: await fetchMcpServerTools(endpoint, credentials[0], r, now) };
  } catch (e) {
    return { reason: (e as Error).message };
  }
}

function gatewayFor(r: RegionState | undefined, id: string, now: number): GatewayRecord {
  const g = liveGateway(r, id, now);
  if (!g) throw gatewayNotFound(id);
  return g;
}

function liveTarget(r: RegionState | undefined, gatewayId: string, targetId: string, now: number): TargetRecord {
  const t = r?.targets[gatewayId]?.[targetId];
  if (!t || targetStatus(t, now) === null) throw targetNotFound(targetId);
  return t;
}

function checkName(r: RegionState, gatewayId: string, name: string, now: number, except?: string): void {
  if (liveTargets(r, gatewayId, now).some((t) => t.targetId !== except && t.name === name)) {
    throw new ServiceError("ConflictException", `A target named ${name} already exists in gateway ${gatewayId}`);
  }
}

export const createGatewayTarget: OperationHandler = async (input, ctx) => {
  const { now, r } = purgedRegion(ctx);
  const gatewayId = input.gatewayIdentifier as string;
  const token = input.clientToken as string | undefined;
  const hash = paramsHash(input);
  if (token && r.clientTokens[token]) {
    const prior = r.clientTokens[token];
    if (prior.operation !== "CreateGatewayTarget" || prior.hash !== hash) {
      throw validationException(
        [{ name: "clientToken", message: "Value at 'clientToken' failed to satisfy constraint: The same client token was used with different request parameters" }],
        "IdempotentParameterMismatchException",
      );
    }
    const [gid, tid] = prior.resourceId.split("/");
    const t = r.targets[gid]?.[tid];
    return t && targetStatus(t, now) !== null ? targetView(t, now) : prior.response;
  }
  const g = gatewayFor(r, gatewayId, now);
  if (gatewayStatus(g, now) === "DELETING") throw new ServiceError("ConflictException", `Gateway ${gatewayId} is being deleted`);
  const { kind, member } = targetKind(input.targetConfiguration as Obj);
  checkTargetConfiguration(kind, member);
  checkInlineDepth(kind, member);
  const credentials = checkCredentials(kind, input.credentialProviderConfigurations as Obj[] | undefined, member);
  let targetId = randomSuffix(10).toUpperCase();
  while (r.targets[gatewayId]?.[targetId]) targetId = randomSuffix(10).toUpperCase();
  const name = (input.name as string | undefined) ?? `target-${targetId.toLowerCase()}`;
  checkName(r, gatewayId, name, now);

  const reasons = inlineProblems(kind, member);
  const synced = !reasons.length && syncsImplicitly(kind, member) ? await syncTools(member, credentials, r, now) : undefined;
  if (synced && "reason" in synced) reasons.push(synced.reason);
  const at = new Date(now).toISOString();
  const transition = startTransition(now, ctx.settings.lifecycleDelayMs, "CREATING", reasons.length ? "FAILED" : "READY");
  const record: TargetRecord = {
    targetId,
    gatewayArn: g.gatewayArn,
    name,
    createdAt: at,
    updatedAt: at,
    seq: ++r.seq,
    stableStatus: transition.then!,
    transition,
  };
  for (const f of CONFIG_FIELDS) if (isSet(input[f])) (record as Obj)[f] = input[f];
  record.credentialProviderConfigurations = credentials;
  if (synced && "tools" in synced) record.syncedTools = synced.tools;
  if (reasons.length) record.failureReasons = reasons;
  else if (syncsImplicitly(kind, member)) record.pendingSyncAt = transition.until;
  r.targets[gatewayId] ??= dict();
  r.targets[gatewayId][targetId] = record;
  const view = targetView(record, now);
  // The create response reports CREATING even with a zero delay, as the service does.
  view.status = "CREATING";
  delete view.statusReasons;
  delete view.lastSynchronizedAt;
  if (token) r.clientTokens[token] = { operation: "CreateGatewayTarget", hash, resourceId: `${gatewayId}/${targetId}`, response: view, at: now };
  return view;
};

export const getGatewayTarget: OperationHandler = (input, ctx) => {
  const now = ctx.now();
  const r = existingRegion(ctx);
  const gatewayId = input.gatewayIdentifier as string;
  gatewayFor(r, gatewayId, now);
  return targetView(liveTarget(r, gatewayId, input.targetId as string, now), now);
};

export const listGatewayTargets: OperationHandler = (input, ctx) => {
  const now = ctx.now();
  const r = existingRegion(ctx);
  const gatewayId = input.gatewayIdentifier as string;
  gatewayFor(r, gatewayId, now);
  const max = (input.maxResults as number | undefined) ?? DEFAULT_MAX_TARGET_RESULTS;
  const after = input.nextToken ? decodeToken(input.nextToken as string) : 0;
  const all = liveTargets(r, gatewayId, now).filter((t) => t.seq > after);
  const page = all.slice(0, max);
  return {
    items: page.map((t) => targetView(t, now)),
    nextToken: all.length > max ? encodeToken(page[page.length - 1].seq) : undefined,
  };
};

/** Where an update or delete starts: the region rid of expired records, the gateway, and the live target (NotFound otherwise). */
function targetToChange(input: Record<string, unknown>, ctx: OperationContext) {
  const { now, r } = purgedRegion(ctx);
  const gatewayId = input.gatewayIdentifier as string;
  gatewayFor(r, gatewayId, now);
  const t = liveTarget(r, gatewayId, input.targetId as string, now);
  return { now, r, gatewayId, t };
}

export const updateGatewayTarget: OperationHandler = async (input, ctx) => {
  const { now, r, gatewayId, t } = targetToChange(input, ctx);
  const status = targetStatus(t, now)!;
  if (TRANSITIONAL.has(status)) throw new ServiceError("ConflictException", `Target ${t.targetId} is ${status}; wait until it is no longer ${status.toLowerCase()}`);
  const { kind, member } = targetKind(input.targetConfiguration as Obj);
  checkTargetConfiguration(kind, member);
  checkInlineDepth(kind, member);
  const credentials = checkCredentials(kind, input.credentialProviderConfigurations as Obj[] | undefined, member);
  const name = (input.name as string | undefined) ?? t.name;
  checkName(r, gatewayId, name, now, t.targetId);

  const reasons = inlineProblems(kind, member);
  const synced = !reasons.length && syncsImplicitly(kind, member) ? await syncTools(member, credentials, r, now) : undefined;
  if (synced && "reason" in synced) reasons.push(synced.reason);
  // Full replace: every configuration member not sent is cleared (the name is kept when omitted).
  for (const f of CONFIG_FIELDS) {
    if (isSet(input[f])) (t as Obj)[f] = input[f];
    else delete (t as Obj)[f];
  }
  t.name = name;
  t.credentialProviderConfigurations = credentials;
  t.lastSynchronizedAt = kind === "mcpServer" ? lastSynchronizedAt(t, now) : undefined;
  delete t.pendingSyncAt;
  delete t.failureReasons;
  if (synced && "tools" in synced) t.syncedTools = synced.tools;
  else if (kind !== "mcpServer") delete t.syncedTools;
  t.updatedAt = new Date(now).toISOString();
  t.transition = startTransition(now, ctx.settings.lifecycleDelayMs, "UPDATING", reasons.length ? "UPDATE_UNSUCCESSFUL" : "READY");
  t.stableStatus = t.transition.then!;
  if (reasons.length) t.failureReasons = reasons;
  else if (syncsImplicitly(kind, member)) t.pendingSyncAt = t.transition.until;
  const view = targetView(t, now);
  view.status = "UPDATING";
  delete view.statusReasons;
  return view;
};

export const deleteGatewayTarget: OperationHandler = (input, ctx) => {
  const { now, t } = targetToChange(input, ctx);
  if (targetStatus(t, now) !== "DELETING") {
    t.transition = startTransition(now, ctx.settings.lifecycleDelayMs, "DELETING", null);
    t.updatedAt = new Date(now).toISOString();
  }
  return { gatewayArn: t.gatewayArn, targetId: t.targetId, status: "DELETING" };
};

export const synchronizeGatewayTargets: OperationHandler = async (input, ctx) => {
  const { now, r } = purgedRegion(ctx);
  const gatewayId = input.gatewayIdentifier as string;
  const g = gatewayFor(r, gatewayId, now);
  if (gatewayStatus(g, now) === "DELETING") throw new ServiceError("ConflictException", `Gateway ${gatewayId} is being deleted`);
  const ids = input.targetIdList as string[];
  const targets = ids.map((id, i) => {
    const t = liveTarget(r, gatewayId, id, now);
    const config = t.targetConfiguration as { mcp?: Obj } | undefined;
    const server = config?.mcp?.mcpServer as Obj | undefined;
    if (!server) {
      throw fieldError(`targetIdList[${i}]`, `Value at 'targetIdList[${i}]' failed to satisfy constraint: Only MCP server targets can be synchronized (target ${id} is not an MCP server target)`);
    }
    if (isSet(server.mcpToolSchema)) {
      throw fieldError(
        `targetIdList[${i}]`,
        `Value at 'targetIdList[${i}]' failed to satisfy constraint: Target ${id} has a static tool schema (mcpToolSchema); remove it with UpdateGatewayTarget to enable synchronization`,
      );
    }
    const status = targetStatus(t, now)!;
    if (TRANSITIONAL.has(status)) throw new ServiceError("ConflictException", `Target ${id} is ${status} and cannot be synchronized now`);
    return t;
  });
  const results = await Promise.all(
    targets.map((t) => syncTools((t.targetConfiguration as { mcp: { mcpServer: Obj } }).mcp.mcpServer, (t.credentialProviderConfigurations ?? []) as Obj[], r, now)),
  );
  return {
    targets: targets.map((t, i) => {
      const synced = results[i];
      t.lastSynchronizedAt = lastSynchronizedAt(t, now);
      // A server that cannot be listed fails the synchronization (the tools of the last good one stay listed).
      const ok = "tools" in synced;
      t.transition = startTransition(now, ctx.settings.lifecycleDelayMs, "SYNCHRONIZING", ok ? "READY" : "SYNCHRONIZE_UNSUCCESSFUL");
      t.stableStatus = t.transition.then!;
      delete t.pendingSyncAt;
      delete t.failureReasons;
      if (ok) {
        t.syncedTools = synced.tools;
        t.pendingSyncAt = t.transition.until;
      } else t.failureReasons = [synced.reason];
      const view = targetView(t, now);
      view.status = "SYNCHRONIZING";
      view.lastSynchronizedAt = t.lastSynchronizedAt;
      return view;
    }),
  };
};

export const targetOperations = operationsByName({
  createGatewayTarget, getGatewayTarget, listGatewayTargets, updateGatewayTarget, deleteGatewayTarget, synchronizeGatewayTargets,
});
