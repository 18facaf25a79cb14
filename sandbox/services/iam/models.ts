// IAM state (moto "models"): roles with their inline and attached policies. IAM is a global service:
// one state per account, whatever region the SigV4 scope names.
import crypto from "node:crypto";
import type { Store } from "../../core/store";
import { SANDBOX_ACCOUNT_ID } from "../../core/constants";
import { iamRoleArn } from "../../../formats/arn";

export const SERVICE_NAME = "iam";
export const QUERY_VERSION = "2010-05-08";
export const IAM_NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

/** IAM quotas the sandbox enforces (the defaults of a fresh AWS account). */
export const LIMITS = {
  /** Managed policies attached to one role (quota PoliciesPerRole). */
  attachedPoliciesPerRole: 10,
  /** Aggregate size of a role's inline policies, whitespace not counted. */
  inlinePolicyBytesPerRole: 10_240,
  /** Size of a managed policy document, whitespace not counted (quota PolicySize). */
  managedPolicyChars: 6_144,
  /** Size of a role trust policy, whitespace not counted (quota ACLSizePerRole). */
  trustPolicyChars: 2_048,
  tagsPerRole: 50,
} as const;

export const DEFAULT_MAX_ITEMS = 100;
export const DEFAULT_MAX_SESSION_DURATION = 3600;

export interface Tag {
  Key: string;
  Value: string;
}

export interface InlinePolicy {
  PolicyName: string;
  /** The document exactly as sent (decoded); encoded for the wire on the way out. */
  PolicyDocument: string;
}

export interface Attachment {
  PolicyName: string;
  PolicyArn: string;
  /** Policy path (from the ARN), for ListAttachedRolePolicies' PathPrefix. */
  path: string;
  /** Attachment order, for listing and markers. */
  seq: number;
}

export interface RoleRecord {
  Path: string;
  RoleName: string;
  RoleId: string;
  Arn: string;
  CreateDate: string;
  /** The trust policy exactly as sent (decoded). */
  AssumeRolePolicyDocument: string;
  Description?: string;
  MaxSessionDuration: number;
  PermissionsBoundary?: { PermissionsBoundaryType: "PermissionsBoundaryPolicy"; PermissionsBoundaryArn: string };
  Tags: Tag[];
  RoleLastUsed: { LastUsedDate?: string; Region?: string };
  /** Lower-cased policy name → policy (IAM names are case-insensitive). */
  inlinePolicies: Record<string, InlinePolicy>;
  attachedPolicies: Attachment[];
  attachSeq: number;
}

/** A customer managed policy made with CreatePolicy (one version, v1: the sandbox has no CreatePolicyVersion). */
export interface ManagedPolicyRecord {
  PolicyName: string;
  PolicyId: string;
  Arn: string;
  Path: string;
  DefaultVersionId: string;
  Description?: string;
  CreateDate: string;
  UpdateDate: string;
  Tags: Tag[];
  /** The document exactly as sent (decoded). */
  document: string;
}

export interface IamState {
  /** Lower-cased role name → role (IAM role names are unique case-insensitively). */
  roles: Record<string, RoleRecord>;
  /** Lower-cased policy name → customer managed policy (names are unique in the account, whatever the path). */
  policies: Record<string, ManagedPolicyRecord>;
}

export const initialState = (): IamState => ({ roles: {}, policies: {} });

export function iamState(store: Store): IamState {
  const s = store.get<IamState>(SERVICE_NAME, initialState);
  s.roles ??= {};
  s.policies ??= {};
  return s;
}

/** The customer managed policy with this ARN, if CreatePolicy made it. */
export function findPolicy(state: IamState, arn: string): ManagedPolicyRecord | undefined {
  const name = arn.slice(arn.lastIndexOf("/") + 1).toLowerCase();
  const p = Object.prototype.hasOwnProperty.call(state.policies, name) ? state.policies[name] : undefined;
  return p && p.Arn === arn ? p : undefined;
}

export const roleKey = (name: string) => name.toLowerCase();

/** Sets an own property even for keys like "__proto__" (valid IAM names), so it persists as data. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

export function findRole(state: IamState, name: string): RoleRecord | undefined {
  return Object.prototype.hasOwnProperty.call(state.roles, roleKey(name)) ? state.roles[roleKey(name)] : undefined;
}

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** A unique id like IAM's: a 4-letter type prefix (AROA for roles, ANPA for policies) and 17 upper-case alphanumerics. */
export function newRoleId(state: IamState, prefix = "AROA"): string {
  const taken = new Set([...Object.values(state.roles).map((r) => r.RoleId), ...Object.values(state.policies ?? {}).map((p) => p.PolicyId)]);
  for (;;) {
    let id = prefix;
    for (let i = 0; i < 17; i++) id += ID_ALPHABET[crypto.randomInt(ID_ALPHABET.length)];
    if (!taken.has(id)) return id;
  }
}

export const roleArn = (path: string, name: string) => iamRoleArn(SANDBOX_ACCOUNT_ID, path, name);
export const policyArn = (path: string, name: string) => `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:policy${path}${name}`;

/** URL-encodes a policy document the way IAM returns it (RFC 3986: only unreserved characters stay). */
export function encodePolicyDocument(doc: string): string {
  return encodeURIComponent(doc).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Size IAM counts for a policy: the document without the whitespace between JSON tokens. */
export function policySize(doc: string): number {
  try {
    return JSON.stringify(JSON.parse(doc)).length;
  } catch {
    return doc.replace(/\s+/g, "").length;
  }
}

export function inlinePolicyBytes(role: RoleRecord, except?: string): number {
  return Object.entries(role.inlinePolicies)
    .filter(([k]) => k !== except)
    .reduce((sum, [, p]) => sum + policySize(p.PolicyDocument), 0);
}

export type RoleView = "create" | "get" | "list";

/**
 * The Role structure as each operation shows it. ListRoles leaves out PermissionsBoundary, RoleLastUsed and
 * Tags (documented IAM behaviour); GetRole always carries RoleLastUsed (empty for a role never used).
 */
export function roleView(r: RoleRecord, view: RoleView): Record<string, unknown> {
  const out: Record<string, unknown> = {
    Path: r.Path,
    RoleName: r.RoleName,
    RoleId: r.RoleId,
    Arn: r.Arn,
    CreateDate: r.CreateDate,
    AssumeRolePolicyDocument: encodePolicyDocument(r.AssumeRolePolicyDocument),
    Description: r.Description,
    MaxSessionDuration: r.MaxSessionDuration,
  };
  if (view !== "list") {
    if (r.PermissionsBoundary) out.PermissionsBoundary = r.PermissionsBoundary;
    if (r.Tags.length) out.Tags = r.Tags;
  }
  if (view === "get") out.RoleLastUsed = r.RoleLastUsed;
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Managed policies. AWS managed policies come from the small catalog below (documents in aws-managed-policies.ts).
// Customer managed policies made with CreatePolicy carry their document; any other well-formed customer managed
// policy ARN of the sandbox account is still taken to exist (it can be attached) but grants nothing.

/** AWS managed policies the sandbox knows, as "path/name" after `arn:aws:iam::aws:policy`. */
export const AWS_MANAGED_POLICIES = [
  "/AdministratorAccess",
  "/PowerUserAccess",
  "/ReadOnlyAccess",
  "/IAMReadOnlyAccess",
  "/BedrockAgentCoreFullAccess",
  "/AmazonBedrockFullAccess",
  "/AmazonBedrockReadOnly",
  "/AWSLambda_FullAccess",
  "/AWSLambda_ReadOnlyAccess",
  "/SecretsManagerReadWrite",
  "/AmazonCognitoPowerUser",
  "/AmazonCognitoReadOnly",
  "/CloudWatchLogsFullAccess",
  "/AWSXrayWriteOnlyAccess",
  "/service-role/AWSLambdaBasicExecutionRole",
  "/service-role/AWSLambdaRole",
  // Service-linked role policies exist but cannot be attached to a customer role (PolicyNotAttachable).
  "/aws-service-role/AWSSupportServiceRolePolicy",
];

export interface ManagedPolicyRef {
  arn: string;
  name: string;
  path: string;
  owner: "aws" | "customer";
  attachable: boolean;
}

export type PolicyLookup = { ok: true; policy: ManagedPolicyRef } | { ok: false; reason: "invalid-arn" | "not-found" };

const POLICY_NAME = /^[\w+=,.@-]{1,128}$/;
const POLICY_PATH = /^(?:\/|\/[\u0021-\u007E]+\/)$/;
const ANY_ARN = /^arn:[^:]+:[^:]*:[^:]*:[^:]*:.+$/;

/** Resolves a managed policy ARN: known AWS managed policy, or customer policy of the sandbox account. */
export function lookupManagedPolicy(arn: string): PolicyLookup {
  if (!ANY_ARN.test(arn)) return { ok: false, reason: "invalid-arn" };
  const m = /^arn:aws:iam::(aws|\d{12}):policy(\/.*)$/.exec(arn);
  if (!m) return { ok: false, reason: "not-found" };
  const [, account, rest] = m;
  const slash = rest.lastIndexOf("/");
  const path = rest.slice(0, slash + 1);
  const name = rest.slice(slash + 1);
  if (!POLICY_NAME.test(name) || !POLICY_PATH.test(path)) return { ok: false, reason: "not-found" };
  if (account === "aws") {
    if (!AWS_MANAGED_POLICIES.includes(rest)) return { ok: false, reason: "not-found" };
    return { ok: true, policy: { arn, name, path, owner: "aws", attachable: !path.startsWith("/aws-service-role/") } };
  }
  if (account !== SANDBOX_ACCOUNT_ID) return { ok: false, reason: "not-found" };
  return { ok: true, policy: { arn, name, path, owner: "customer", attachable: true } };
}

// ---------------------------------------------------------------------------------------------------------------
// Markers: opaque strings naming where the next page starts (the sort key of its first item), so a page
// boundary survives deletions between calls.

export function encodeMarker(kind: string, key: string | number): string {
  return Buffer.from(JSON.stringify({ k: kind, s: key })).toString("base64");
}

export function decodeMarker(kind: string, marker: string): string | number | undefined {
  try {
    const m = JSON.parse(Buffer.from(marker, "base64").toString("utf8")) as { k?: unknown; s?: unknown };
    if (m.k === kind && (typeof m.s === "string" || typeof m.s === "number")) return m.s;
  } catch {
    // reported by the caller
  }
  return undefined;
}

/** Test hook: records that a role was used (RoleLastUsed), as AWS does when the role is assumed. */
export function markRoleUsed(store: Store, roleName: string, region: string, at: Date): RoleRecord | undefined {
  const role = findRole(iamState(store), roleName);
  if (!role) return undefined;
  role.RoleLastUsed = { LastUsedDate: at.toISOString(), Region: region };
  store.save(SERVICE_NAME);
  return role;
}
