// Whether a role's trust policy lets AgentCore assume it for one gateway, known by name before it exists (or by ARN after).

import { assertAccountId, assertRegion, partitionForRegion } from "./arn";
import { actionMatches, resourceMatches } from "./iam-match";
import { parsePolicyDocument } from "./parse-policy";
import { toArray } from "./policy-document";
import { AGENTCORE_SERVICE_PRINCIPAL, GATEWAY_ID_SUFFIX_LENGTH, assertGatewayName } from "./trust-policy";

export type GatewayTrustTarget = {
  accountId: string;
  region: string;
  /** The gateway's name (before it exists: its ID is unknown, only its shape). */
  gatewayName: string;
  /** Once the gateway exists, its ID: then the exact ARN is checked. */
  gatewayId?: string;
};

export type TrustVerdict =
  | { trusts: true; message: string }
  | {
      trusts: false;
      /** One sentence naming the role: what it trusts, and that it would not trust this gateway. */
      message: string;
      /** The aws:SourceArn patterns AgentCore statements allow (resource part when the ARN is well formed). */
      allowed: string[];
    };

// A token of the ARN the gateway will have: a known character, or one of its ID suffix (any of [0-9a-z]).
type Token = string | typeof ANY;
const ANY = Symbol("any id character");

/**
 * True when the glob `pattern` (`*` any run, `?` one character) matches every string the tokens stand for. A suffix
 * character can only be matched by `?` or `*`: a literal would match one of the 36 characters and miss the others.
 */
function globCovers(pattern: string, tokens: readonly Token[], ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const t = ignoreCase ? tokens.map((x) => (typeof x === "string" ? x.toLowerCase() : x)) : tokens;
  // reach[j]: the first i pattern characters can consume the first j tokens.
  let reach = new Array<boolean>(t.length + 1).fill(false);
  reach[0] = true;
  for (const c of p) {
    const next = new Array<boolean>(t.length + 1).fill(false);
    for (let j = 0; j <= t.length; j++) {
      if (c === "*") next[j] = reach[j] || (j > 0 && next[j - 1]);
      else if (j > 0 && reach[j - 1]) next[j] = c === "?" || t[j - 1] === c;
    }
    reach = next;
  }
  return reach[t.length];
}

const chars = (s: string): Token[] => [...s];

function targetArn(target: GatewayTrustTarget): { prefix: string; resource: Token[]; label: string } {
  const prefix = `arn:${partitionForRegion(target.region)}:bedrock-agentcore:${target.region}:${target.accountId}`;
  const name = target.gatewayName.toLowerCase();
  const resource = target.gatewayId
    ? chars(`gateway/${target.gatewayId}`)
    : [...chars(`gateway/${name}-`), ...new Array<Token>(GATEWAY_ID_SUFFIX_LENGTH).fill(ANY)];
  return { prefix, resource, label: target.gatewayId ?? target.gatewayName };
}

/** Does this aws:SourceArn value (under this operator) hold for every ARN the gateway may get? */
function sourceArnCovers(operator: string, value: string, target: GatewayTrustTarget): boolean {
  const { prefix, resource } = targetArn(target);
  const whole = [...chars(`${prefix}:`), ...resource];
  if (operator === "StringEquals") return !resource.includes(ANY) && value === whole.join("");
  if (operator === "StringLike") return globCovers(value, whole);
  // ArnLike / ArnEquals: segment by segment, so a wildcard never crosses the colons before the resource.
  const parts = value.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return value === "*";
  const fixed = prefix.split(":");
  return fixed.every((seg, i) => resourceMatches(parts[i], seg)) && globCovers(parts.slice(5).join(":"), resource);
}

/** Does this value (under a negated operator) exclude some ARN the gateway may get? Checked on one sample ID. */
function sourceArnExcludes(operator: string, value: string, target: GatewayTrustTarget): boolean {
  const sample = target.gatewayId ?? `${target.gatewayName.toLowerCase()}-abcdefghij`;
  const arn = `arn:${partitionForRegion(target.region)}:bedrock-agentcore:${target.region}:${target.accountId}:gateway/${sample}`;
  return operator === "StringNotEquals" ? value === arn : resourceMatches(value, arn);
}

const ARN_POSITIVE = new Set(["ArnLike", "ArnEquals", "StringLike", "StringEquals"]);
const ARN_NEGATIVE = new Set(["ArnNotLike", "ArnNotEquals", "StringNotLike", "StringNotEquals"]);

type StatementCheck = { holds: boolean; arnValues: string[]; accountValues: string[] };

function checkStatement(raw: Record<string, unknown>, target: GatewayTrustTarget): StatementCheck | null {
  if (raw.Effect !== "Allow") return null;
  const principal = raw.Principal;
  const services = principal && typeof principal === "object" ? toArray((principal as Record<string, unknown>).Service as string | string[]) : [];
  if (principal !== "*" && !services.includes(AGENTCORE_SERVICE_PRINCIPAL)) return null;
  const actions = toArray(raw.Action as string | string[] | undefined).filter((a) => typeof a === "string");
  if (!actions.some((a) => actionMatches(a, "sts:AssumeRole"))) return null;

  const out: StatementCheck = { holds: true, arnValues: [], accountValues: [] };
  const condition = raw.Condition && typeof raw.Condition === "object" ? (raw.Condition as Record<string, unknown>) : {};
  for (const [operatorRaw, block] of Object.entries(condition)) {
    if (!block || typeof block !== "object") continue;
    const operator = operatorRaw.replace(/^For(AnyValue|AllValues):/, "").replace(/IfExists$/, "");
    for (const [keyRaw, v] of Object.entries(block as Record<string, unknown>)) {
      const key = keyRaw.toLowerCase();
      const values = toArray(v as string | string[]).map(String);
      if (key === "aws:sourcearn") {
        if (ARN_POSITIVE.has(operator)) {
          out.arnValues.push(...values);
          if (!values.some((x) => sourceArnCovers(operator, x, target))) out.holds = false;
        } else if (ARN_NEGATIVE.has(operator) && values.some((x) => sourceArnExcludes(operator, x, target))) out.holds = false;
      } else if (key === "aws:sourceaccount") {
        out.accountValues.push(...values);
        const ignoreCase = operator === "StringEqualsIgnoreCase";
        const match = (x: string) => (operator === "StringLike" ? globCovers(x, chars(target.accountId)) : ignoreCase ? x.toLowerCase() === target.accountId : x === target.accountId);
        if (["StringEquals", "StringLike", "StringEqualsIgnoreCase"].includes(operator) && !values.some(match)) out.holds = false;
        if (["StringNotEquals", "StringNotLike"].includes(operator) && values.some((x) => resourceMatches(x, target.accountId))) out.holds = false;
      }
    }
  }
  return out;
}

const resourcePart = (v: string) => (v.split(":").length >= 6 && v.startsWith("arn:") ? v.split(":").slice(5).join(":") : v);

/**
 * The verdict the role picker shows: whether AgentCore could assume `roleName` for this gateway (its name, account
 * and region), with the sentence to show. Only aws:SourceArn and aws:SourceAccount are evaluated; Deny statements
 * and other condition keys are left to the linter.
 */
export function gatewayTrustVerdict(roleName: string, trustPolicy: unknown, target: GatewayTrustTarget): TrustVerdict {
  assertAccountId(target.accountId);
  assertRegion(target.region);
  assertGatewayName(target.gatewayName);
  const { label } = targetArn(target);
  const parsed = typeof trustPolicy === "string" ? parsePolicyDocument(trustPolicy) : { ok: true as const, policy: { document: trustPolicy } };
  const document = parsed.ok ? (parsed.policy.document as Record<string, unknown> | null) : null;
  if (!document || typeof document !== "object") {
    return { trusts: false, allowed: [], message: `The trust policy of ${roleName} cannot be read: it would not trust ${label}.` };
  }
  const checks = toArray(document.Statement as Record<string, unknown> | Record<string, unknown>[] | undefined)
    .filter((s): s is Record<string, unknown> => !!s && typeof s === "object")
    .map((s) => checkStatement(s, target))
    .filter((c): c is StatementCheck => c !== null);
  if (checks.some((c) => c.holds)) return { trusts: true, message: `${roleName} trusts ${label}.` };
  if (checks.length === 0) {
    return { trusts: false, allowed: [], message: `${roleName} does not let ${AGENTCORE_SERVICE_PRINCIPAL} assume it: it would not trust ${label}.` };
  }
  const allowed = [...new Set(checks.flatMap((c) => c.arnValues.map(resourcePart)))];
  const accounts = [...new Set(checks.flatMap((c) => c.accountValues))];
  const only = allowed.length ? allowed.join(", ") : `account ${accounts.join(", ")}`;
  return { trusts: false, allowed, message: `${roleName} trusts only ${only}: it would not trust ${label}.` };
}
