// What "Apply to role" does to a role other gateways may share: the per-gateway inline policy name and the statement diff.

import { actionMatches, resourceMatches } from "./iam-match";
import { toArray, type PolicyDocument, type PolicyStatement } from "./policy-document";

/** The one shared name older versions of the console wrote for every gateway on a role (each Apply overwrote the others). */
export const LEGACY_TARGET_ACCESS_POLICY_NAME = "AgentCoreGatewayTargetAccess";

export const GATEWAY_POLICY_PREFIX = "AgentCoreGateway-";
// IAM inline policy names: 1–128 characters of [\w+=,.@-].
const POLICY_NAME_MAX = 128;

function shortHash(text: string): string {
  // FNV-1a, 32 bits: enough to tell apart two names that share a 100-character prefix, or two snapshots of a role.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

/** The inline policy that holds one gateway's target permissions, e.g. AgentCoreGateway-orders-abcde12345. */
export function gatewayPolicyName(gatewayId: string): string {
  const safe = gatewayId.replace(/[^\w+=,.@-]/g, "-");
  const name = GATEWAY_POLICY_PREFIX + safe;
  if (name.length <= POLICY_NAME_MAX) return name;
  const hash = shortHash(gatewayId);
  return `${name.slice(0, POLICY_NAME_MAX - hash.length - 1)}-${hash}`;
}

export type InlinePolicyInput = { policyName: string; document: unknown };

export type StatementChange = {
  sid?: string;
  /** The statement as pretty JSON. */
  text: string;
  /** For an added statement: other inline policies of the role that already grant all of it (so it is not missing now). */
  alreadyGrantedBy?: string[];
  /** The policy the statement is removed from. */
  from?: string;
};

export type RolePolicyApplyPlan = {
  policyName: string;
  added: StatementChange[];
  removed: StatementChange[];
  unchanged: number;
  /** The old shared policy is deleted by this Apply (the role has no other gateway that could rely on it). */
  deletesLegacy: boolean;
  /** What happens to the old shared policy, in a sentence; undefined when the role has none. */
  legacyNote?: string;
  /** Whether applying changes anything at all. */
  upToDate: boolean;
  /** Identifies the role's policies and the generated policy this plan was made from; the action refuses a stale one. */
  fingerprint: string;
};

function statementsOf(document: unknown): Record<string, unknown>[] {
  if (typeof document !== "object" || document === null) return [];
  const s = (document as { Statement?: unknown }).Statement;
  return toArray(s as unknown[] | undefined).filter((x): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x));
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

// A string and a one-element array mean the same in IAM: compare the normalized forms.
function normalized(s: Record<string, unknown>): unknown {
  const out: Record<string, unknown> = { ...s };
  for (const k of ["Action", "NotAction", "Resource", "NotResource"]) {
    if (k in out) out[k] = [...toArray(out[k] as string | string[])].map(String).sort();
  }
  return out;
}

const key = (s: Record<string, unknown>) => canonical(normalized(s));

/** True when some Allow statement grants the action on the resource (conditions are not evaluated, as in the linter). */
function grants(statements: Record<string, unknown>[], action: string, resource: string): boolean {
  return statements.some((s) => {
    if (s.Effect !== "Allow") return false;
    const actions = toArray(s.Action as string | string[] | undefined);
    const resources = toArray(s.Resource as string | string[] | undefined);
    return actions.some((p) => actionMatches(String(p), action)) && resources.some((p) => resourceMatches(String(p), resource));
  });
}

function grantedBy(statement: PolicyStatement, others: InlinePolicyInput[]): string[] | undefined {
  const pairs = toArray(statement.Action).flatMap((a) => toArray(statement.Resource).map((r) => [a, r] as const));
  if (pairs.length === 0) return undefined;
  const names = new Set<string>();
  for (const [a, r] of pairs) {
    const by = others.find((p) => grants(statementsOf(p.document), a, r));
    if (!by) return undefined;
    names.add(by.policyName);
  }
  return [...names].sort();
}

const pretty = (s: unknown) => JSON.stringify(s, null, 2);

/**
 * Plans writing `generated` as this gateway's own inline policy. Other policies of the role (another gateway's, the
 * user's own) are never changed; what they already grant is marked, not removed. The old shared policy is deleted
 * only when no other gateway uses the role, since it may hold another gateway's statements.
 */
export function planRolePolicyApply(input: {
  gatewayId: string;
  generated: PolicyDocument;
  inlinePolicies: InlinePolicyInput[];
  otherGatewaysOnRole: number;
}): RolePolicyApplyPlan {
  const policyName = gatewayPolicyName(input.gatewayId);
  const own = input.inlinePolicies.find((p) => p.policyName === policyName);
  const legacy = input.inlinePolicies.find((p) => p.policyName === LEGACY_TARGET_ACCESS_POLICY_NAME);
  const deletesLegacy = legacy !== undefined && input.otherGatewaysOnRole === 0;
  const others = input.inlinePolicies.filter((p) => p !== own && !(deletesLegacy && p === legacy));

  const current = own ? statementsOf(own.document) : [];
  const currentKeys = new Set(current.map(key));
  const wanted = input.generated.Statement;
  const wantedKeys = new Set(wanted.map((s) => key(s as unknown as Record<string, unknown>)));

  const added: StatementChange[] = [];
  let unchanged = 0;
  for (const s of wanted) {
    if (currentKeys.has(key(s as unknown as Record<string, unknown>))) {
      unchanged++;
      continue;
    }
    const by = grantedBy(s, others);
    added.push({ sid: s.Sid, text: pretty(s), ...(by ? { alreadyGrantedBy: by } : {}) });
  }
  const removed: StatementChange[] = current
    .filter((s) => !wantedKeys.has(key(s)))
    .map((s) => ({ sid: typeof s.Sid === "string" ? s.Sid : undefined, text: pretty(s), from: policyName }));
  if (deletesLegacy) {
    for (const s of statementsOf(legacy!.document)) {
      if (!wantedKeys.has(key(s))) removed.push({ sid: typeof s.Sid === "string" ? s.Sid : undefined, text: pretty(s), from: LEGACY_TARGET_ACCESS_POLICY_NAME });
    }
  }

  let legacyNote: string | undefined;
  if (legacy && deletesLegacy) {
    legacyNote = `Applying deletes the old shared policy ${LEGACY_TARGET_ACCESS_POLICY_NAME}: no other gateway uses this role, and ${policyName} replaces it.`;
  } else if (legacy) {
    const n = input.otherGatewaysOnRole;
    legacyNote = `The old shared policy ${LEGACY_TARGET_ACCESS_POLICY_NAME} is left as it is: ${n} other gateway${n === 1 ? "" : "s"} use${n === 1 ? "s" : ""} this role and may rely on it. Delete it once each of them has applied its own policy.`;
  }

  const snapshot = canonical({
    own: own?.document ?? null,
    legacy: deletesLegacy ? (legacy?.document ?? null) : null,
    generated: input.generated,
  });
  return {
    policyName,
    added,
    removed,
    unchanged,
    deletesLegacy,
    legacyNote,
    upToDate: added.length === 0 && removed.length === 0 && !deletesLegacy && own !== undefined,
    fingerprint: shortHash(snapshot) + shortHash(snapshot.split("").reverse().join("")),
  };
}
