// AgentCore Control state (moto "models"): gateways and their targets per region, with lazy lifecycles.
import crypto from "node:crypto";
import type { Store } from "../../core/store";
import { statusAt, type Transition } from "../../core/lifecycle";
import { SANDBOX_ACCOUNT_ID } from "../../core/constants";
import { dict } from "../../core/dict";
import { sandboxGatewayUrl } from "../gateway-runtime/urls";
import { gatewayArn, workloadIdentityArn } from "../../../formats/arn";

export const SERVICE_NAME = "agentcore-control";

/** The configuration members UpdateGateway replaces wholesale. */
export const GATEWAY_CONFIG_FIELDS = [
  "name",
  "description",
  "roleArn",
  "protocolType",
  "protocolConfiguration",
  "authorizerType",
  "authorizerConfiguration",
  "kmsKeyArn",
  "customTransformConfiguration",
  "interceptorConfigurations",
  "policyEngineConfiguration",
  "exceptionLevel",
  "wafConfiguration",
] as const;

export interface GatewayRecord {
  gatewayId: string;
  gatewayArn: string;
  gatewayUrl: string;
  name: string;
  description?: string;
  roleArn?: string;
  protocolType: string;
  protocolConfiguration?: unknown;
  authorizerType: string;
  authorizerConfiguration?: unknown;
  kmsKeyArn?: string;
  customTransformConfiguration?: unknown;
  interceptorConfigurations?: unknown[];
  policyEngineConfiguration?: unknown;
  exceptionLevel?: string;
  wafConfiguration?: unknown;
  workloadIdentityDetails: { workloadIdentityArn: string };
  tags?: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  /** Insertion order, for stable listing and page tokens. */
  seq: number;
  stableStatus: string;
  transition?: Transition;
}

/** A gateway target as stored; the target operations fill in the rest of GatewayTarget. */
export interface TargetRecord {
  targetId: string;
  gatewayArn: string;
  name: string;
  description?: string;
  targetConfiguration?: unknown;
  credentialProviderConfigurations?: unknown[];
  createdAt: string;
  updatedAt: string;
  seq: number;
  stableStatus: string;
  transition?: Transition;
  metadataConfiguration?: unknown;
  privateEndpoint?: unknown;
  /** Why the target is FAILED / UPDATE_UNSUCCESSFUL (shown as statusReasons once that status is reached). */
  failureReasons?: string[];
  /** Completed synchronizations (ISO) and the end of the one under way (epoch ms). */
  lastSynchronizedAt?: string;
  pendingSyncAt?: number;
  [extra: string]: unknown;
}

/** An API key credential provider; `apiKey` is write-only and never leaves the sandbox. */
export interface ApiKeyProviderRecord {
  name: string;
  credentialProviderArn: string;
  apiKeySecretSource: string;
  apiKeySecretArn: { secretArn: string };
  apiKeySecretJsonKey?: string;
  apiKey?: string;
  tags?: Record<string, string>;
  createdTime: string;
  lastUpdatedTime: string;
  seq: number;
}

/** An OAuth2 credential provider; `clientSecret` is write-only and never leaves the sandbox. */
export interface Oauth2ProviderRecord {
  name: string;
  credentialProviderArn: string;
  credentialProviderVendor: string;
  /** The union member name of oauth2ProviderConfigInput, e.g. customOauth2ProviderConfig. */
  configMember: string;
  config: Record<string, unknown>;
  clientSecretSource: string;
  clientSecretArn: { secretArn: string };
  clientSecretJsonKey?: string;
  clientSecret?: string;
  callbackUrl: string;
  tags?: Record<string, string>;
  createdTime: string;
  lastUpdatedTime: string;
  seq: number;
}

export interface IdempotencyRecord {
  operation: string;
  hash: string;
  resourceId: string;
  response: Record<string, unknown>;
  at: number;
}

export interface RegionState {
  seq: number;
  gateways: Record<string, GatewayRecord>;
  /** gatewayId → targetId → target. */
  targets: Record<string, Record<string, TargetRecord>>;
  clientTokens: Record<string, IdempotencyRecord>;
  /** Token vault: credential providers by name, per kind. */
  apiKeyProviders: Record<string, ApiKeyProviderRecord>;
  oauth2Providers: Record<string, Oauth2ProviderRecord>;
  [extra: string]: unknown;
}

export interface AgentCoreState {
  regions: Record<string, RegionState>;
}

// Every map keyed by a region, id, name or client token is prototype-free (see core/dict.ts).
export const initialState = (): AgentCoreState => ({ regions: dict() });

export function agentCoreState(store: Store): AgentCoreState {
  return store.get<AgentCoreState>(SERVICE_NAME, initialState);
}

export function regionState(state: AgentCoreState, region: string): RegionState {
  state.regions[region] ??= { seq: 0, gateways: dict(), targets: dict(), clientTokens: dict(), apiKeyProviders: dict(), oauth2Providers: dict() };
  const r = state.regions[region];
  r.targets ??= dict();
  r.clientTokens ??= dict();
  r.apiKeyProviders ??= dict();
  r.oauth2Providers ??= dict();
  return r;
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
export function randomSuffix(n = 10): string {
  let s = "";
  for (let i = 0; i < n; i++) s += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return s;
}

export function gatewayIdentity(region: string, name: string, suffix = randomSuffix()) {
  const gatewayId = `${name.toLowerCase()}-${suffix}`;
  return {
    gatewayId,
    gatewayArn: gatewayArn(region, SANDBOX_ACCOUNT_ID, gatewayId),
    gatewayUrl: `https://${gatewayId}.gateway.bedrock-agentcore.${region}.amazonaws.com/mcp`,
    workloadIdentityDetails: {
      workloadIdentityArn: workloadIdentityArn(region, SANDBOX_ACCOUNT_ID, gatewayId),
    },
  };
}

export function gatewayStatus(g: GatewayRecord, now: number): string | null {
  return statusAt(g.transition, g.stableStatus, now);
}

export function targetStatus(t: TargetRecord, now: number): string | null {
  return statusAt(t.transition, t.stableStatus, now);
}

/** Gateways and targets whose deletion finished are dropped (on writes; reads just skip them). */
export function purge(region: RegionState, now: number): void {
  for (const [id, g] of Object.entries(region.gateways)) {
    if (gatewayStatus(g, now) === null) {
      delete region.gateways[id];
      delete region.targets[id];
    }
  }
  for (const targets of Object.values(region.targets)) {
    for (const [id, t] of Object.entries(targets)) if (targetStatus(t, now) === null) delete targets[id];
  }
}

export function liveGateway(region: RegionState | undefined, gatewayId: string, now: number): GatewayRecord | undefined {
  const g = region?.gateways[gatewayId];
  return g && gatewayStatus(g, now) !== null ? g : undefined;
}

export function liveTargets(region: RegionState | undefined, gatewayId: string, now: number): TargetRecord[] {
  return Object.values(region?.targets[gatewayId] ?? {})
    .filter((t) => targetStatus(t, now) !== null)
    .sort((a, b) => a.seq - b.seq);
}

function withoutInternals(record: object): Record<string, unknown> {
  const view: Record<string, unknown> = { ...record };
  delete view.transition;
  delete view.stableStatus;
  delete view.seq;
  return view;
}

/**
 * The gateway as the API shows it (status computed now; the serializer keeps only modelled members). With the
 * caller's base URL, gatewayUrl is the sandbox's own working MCP endpoint (computed per response, so it follows the port).
 */
export function gatewayView(g: GatewayRecord, now: number, baseUrl?: string): Record<string, unknown> {
  const view: Record<string, unknown> = { ...withoutInternals(g), status: gatewayStatus(g, now) };
  if (baseUrl) view.gatewayUrl = sandboxGatewayUrl(baseUrl, g.gatewayArn.split(":")[3], g.gatewayId);
  return view;
}

const FAILURE_STATUSES = new Set(["FAILED", "UPDATE_UNSUCCESSFUL", "SYNCHRONIZE_UNSUCCESSFUL"]);

const TARGET_TYPES: Record<string, string> = {
  lambda: "LAMBDA",
  openApiSchema: "OPEN_API_SCHEMA",
  smithyModel: "SMITHY_MODEL",
  mcpServer: "MCP_SERVER",
  apiGateway: "API_GATEWAY",
  connector: "CONNECTOR",
  agentcoreRuntime: "AGENTCORE_RUNTIME",
  passthrough: "PASSTHROUGH",
  provider: "PROVIDER",
};

/** The synchronization time the API shows now: the one under way counts once it has finished. */
export function lastSynchronizedAt(t: TargetRecord, now: number): string | undefined {
  if (t.pendingSyncAt !== undefined && now >= t.pendingSyncAt) return new Date(t.pendingSyncAt).toISOString();
  return t.lastSynchronizedAt;
}

/**
 * The target as the API shows it: GatewayTarget members plus the TargetSummary extras (targetType,
 * listingMode, resourcePriority); the serializer keeps whichever the operation's output models.
 */
export function targetView(t: TargetRecord, now: number): Record<string, unknown> {
  const status = targetStatus(t, now);
  const view = withoutInternals(t);
  delete view.failureReasons;
  delete view.pendingSyncAt;
  delete view.syncedTools;
  view.status = status;
  if (status && FAILURE_STATUSES.has(status) && t.failureReasons?.length) view.statusReasons = t.failureReasons;
  view.lastSynchronizedAt = lastSynchronizedAt(t, now);
  const config = t.targetConfiguration as Record<string, Record<string, unknown> | undefined> | undefined;
  const family = config ? Object.keys(config).find((k) => config[k] !== undefined && config[k] !== null) : undefined;
  if (family) {
    view.protocolType ??= family === "mcp" ? "MCP" : family === "http" ? "HTTP" : undefined;
    const inner = config![family]!;
    const member = Object.keys(inner).find((k) => inner[k] !== undefined && inner[k] !== null);
    if (member) {
      view.targetType = TARGET_TYPES[member];
      if (member === "mcpServer") {
        const server = inner[member] as { listingMode?: string; resourcePriority?: number };
        view.listingMode = server.listingMode;
        view.resourcePriority = server.resourcePriority;
      }
    }
  }
  return view;
}

/**
 * Test hook: puts a target under a gateway directly in the state (the target operations come later).
 * Returns the stored record. Works on a running sandbox's store; persists immediately.
 */
export function seedGatewayTarget(
  store: Store,
  region: string,
  gatewayId: string,
  target: Partial<TargetRecord> = {},
  now = Date.now(),
): TargetRecord {
  const state = agentCoreState(store);
  const r = regionState(state, region);
  const g = liveGateway(r, gatewayId, now);
  if (!g) throw new Error(`seedGatewayTarget: no gateway ${gatewayId} in ${region}`);
  const at = new Date(now).toISOString();
  const record: TargetRecord = {
    targetId: randomSuffix(10).toUpperCase(),
    gatewayArn: g.gatewayArn,
    name: `seeded-target-${r.seq + 1}`,
    createdAt: at,
    updatedAt: at,
    stableStatus: "READY",
    ...target,
    seq: ++r.seq,
  };
  r.targets[gatewayId] ??= dict();
  r.targets[gatewayId][record.targetId] = record;
  store.save(SERVICE_NAME);
  return record;
}

/** Test hook: the live targets of a gateway (empty when the gateway or region is unknown). */
export function gatewayTargets(store: Store, region: string, gatewayId: string, now = Date.now()): TargetRecord[] {
  return liveTargets(agentCoreState(store).regions[region], gatewayId, now);
}

/** Test hook: removes a seeded target. */
export function removeGatewayTarget(store: Store, region: string, gatewayId: string, targetId: string): boolean {
  const r = agentCoreState(store).regions[region];
  const existed = !!r?.targets[gatewayId]?.[targetId];
  if (existed) {
    delete r.targets[gatewayId][targetId];
    store.save(SERVICE_NAME);
  }
  return existed;
}
