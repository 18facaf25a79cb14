// Lints a trust or permission policy (pasted text or an object) for the gateway's execution role.

import { assertAccountId, assertRegion, partitionForRegion } from "./arn";
import { actionMatches, hasWildcard, resourceMatches, unescapeIamResource } from "./iam-match";
import { parsePolicyDocument, readPolicyValue, type ParsedPolicy, type ParsePolicyResult } from "./parse-policy";
import { toArray, type PolicyDocument, type PolicyStatement } from "./policy-document";
import { AGENTCORE_SERVICE_PRINCIPAL, buildGatewayTrustPolicy } from "./trust-policy";

export { parsePolicyDocument } from "./parse-policy";
export type { ParsePolicyResult, PolicyParseError, ParsedPolicy } from "./parse-policy";

export type LintSeverity = "error" | "warning" | "info";

export type LintCode =
  // any policy
  | "invalid-json"
  | "not-a-policy"
  | "duplicate-key"
  | "version-missing"
  | "version-outdated"
  | "version-invalid"
  | "invalid-sid"
  | "duplicate-sid"
  | "invalid-effect"
  | "missing-action"
  | "action-and-not-action"
  | "invalid-action"
  | "invalid-resource"
  | "wildcard-action"
  | "partial-wildcard-action"
  | "not-action"
  | "not-resource"
  | "policy-too-large"
  // trust policy
  | "resource-in-trust-policy"
  | "missing-principal"
  | "not-principal"
  | "wildcard-principal"
  | "additional-principal"
  | "no-agentcore-trust"
  | "confused-deputy"
  | "missing-source-account"
  | "missing-source-arn"
  | "source-account-mismatch"
  | "source-arn-mismatch"
  | "source-arn-too-broad"
  | "wildcard-with-string-equals"
  | "condition-if-exists"
  // permission policy
  | "principal-in-identity-policy"
  | "missing-resource"
  | "resource-and-not-resource"
  | "wildcard-resource"
  | "missing-permission"
  | "covered-by-wildcard"
  | "denied-by-statement";

export interface LintFinding {
  severity: LintSeverity;
  code: LintCode;
  message: string;
  /** The statement concerned; for missing-permission, the Sid of the generated statement. */
  statementSid?: string;
  /** 0-based position of the statement in the linted policy, when it has one. */
  statementIndex?: number;
  /** What to change, in words or as JSON to paste. */
  fix?: string;
}

export interface TrustLintOptions {
  accountId: string;
  /** Enables the partition/region checks on aws:SourceArn and a ready-to-paste fix. */
  region?: string;
}

export interface PermissionLintOptions {
  /** The generated least-privilege policy (buildExecutionRolePolicy().policy) to check coverage against. */
  requiredPolicy?: PolicyDocument | null;
}

// Quotas: trust policy 2,048 characters by default; managed policy 6,144; all inline policies of a
// role together 10,240. IAM does not count whitespace.
const TRUST_POLICY_LIMIT = 2048;
const MANAGED_POLICY_LIMIT = 6144;
const INLINE_POLICY_LIMIT = 10240;

const SEVERITY_RANK: Record<LintSeverity, number> = { error: 0, warning: 1, info: 2 };
const ACTION_PATTERN = /^[a-zA-Z0-9-]+:[a-zA-Z0-9*?]+$/;

interface ConditionEntry {
  operator: string;
  base: string;
  weak: boolean; // ...IfExists or ForAllValues: passes when the key is absent
  key: string; // lowercased
  values: string[];
}

interface Statement {
  index: number;
  sid?: string;
  label: string;
  effect?: "Allow" | "Deny";
  action?: string[];
  notAction?: string[];
  resource?: string[];
  notResource?: string[];
  raw: Record<string, unknown>;
  conditions: ConditionEntry[];
}

type Emit = (finding: LintFinding) => void;

function stringList(value: unknown): string[] | null {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value as string[];
  return null;
}

function readConditions(value: unknown): ConditionEntry[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  const entries: ConditionEntry[] = [];
  for (const [operator, block] of Object.entries(value)) {
    if (typeof block !== "object" || block === null || Array.isArray(block)) continue;
    const unqualified = operator.replace(/^For(AnyValue|AllValues):/, "");
    const base = unqualified.replace(/IfExists$/, "");
    const weak = operator.startsWith("ForAllValues:") || unqualified.endsWith("IfExists");
    for (const [key, raw] of Object.entries(block as Record<string, unknown>)) {
      const values = toArray(raw as string | string[]).map(String);
      entries.push({ operator, base, weak, key: key.toLowerCase(), values });
    }
  }
  return entries;
}

function where(s: Statement): Pick<LintFinding, "statementSid" | "statementIndex"> {
  return s.sid === undefined ? { statementIndex: s.index } : { statementSid: s.sid, statementIndex: s.index };
}

function minifiedLength(value: unknown): number {
  return JSON.stringify(value).length;
}

function load(doc: unknown, emit: Emit): ParsedPolicy | null {
  const result: ParsePolicyResult = typeof doc === "string" ? parsePolicyDocument(doc) : readPolicyValue(doc);
  if (result.ok) return result.policy;
  const { error } = result;
  emit({
    severity: "error",
    code: error.kind === "json" ? "invalid-json" : "not-a-policy",
    message: error.message,
  });
  return null;
}

/** Checks every policy shares; returns the statements in a form the specific checks can use. */
function lintCommon(policy: ParsedPolicy, emit: Emit): Statement[] {
  for (const dup of policy.duplicateKeys) {
    emit({
      severity: "warning",
      code: "duplicate-key",
      message: `Key "${dup.key}" appears more than once${dup.path ? ` in ${dup.path}` : ""} (line ${dup.line}, column ${dup.column}); only one of them takes effect.`,
      fix: `Merge the duplicate "${dup.key}" entries into one.`,
    });
  }

  const version = policy.document.Version;
  if (version === undefined) {
    emit({
      severity: "warning",
      code: "version-missing",
      message: "Version is missing, so IAM reads the policy as version 2008-10-17, where policy variables and ${*} escapes are plain text.",
      fix: 'Add "Version": "2012-10-17".',
    });
  } else if (version === "2008-10-17") {
    emit({
      severity: "warning",
      code: "version-outdated",
      message: "Version 2008-10-17 does not support policy variables and ${*} escapes.",
      fix: 'Use "Version": "2012-10-17".',
    });
  } else if (version !== "2012-10-17") {
    emit({
      severity: "error",
      code: "version-invalid",
      message: `Version ${JSON.stringify(version)} is not a policy language version; IAM accepts only "2012-10-17" and "2008-10-17".`,
      fix: 'Use "Version": "2012-10-17".',
    });
  }

  const seenSids = new Map<string, number>();
  return policy.statements.map((raw, index) => {
    const sid = typeof raw.Sid === "string" ? raw.Sid : undefined;
    const s: Statement = {
      index,
      sid,
      label: sid === undefined ? `Statement #${index + 1}` : `Statement "${sid}"`,
      raw,
      conditions: readConditions(raw.Condition),
    };
    if ("Sid" in raw && (sid === undefined || !/^[a-zA-Z0-9]*$/.test(sid))) {
      emit({ severity: "error", code: "invalid-sid", message: `${s.label}: Sid ${JSON.stringify(raw.Sid)} may contain only letters and digits.`, ...where(s) });
    }
    if (sid !== undefined && sid !== "") {
      if (seenSids.has(sid)) {
        emit({ severity: "error", code: "duplicate-sid", message: `${s.label}: Sid is also used by statement #${seenSids.get(sid)! + 1}; Sids must be unique.`, ...where(s) });
      } else {
        seenSids.set(sid, index);
      }
    }

    if (raw.Effect === "Allow" || raw.Effect === "Deny") {
      s.effect = raw.Effect;
    } else {
      emit({
        severity: "error",
        code: "invalid-effect",
        message: `${s.label}: Effect must be "Allow" or "Deny" (case-sensitive), got ${raw.Effect === undefined ? "nothing" : JSON.stringify(raw.Effect)}.`,
        ...where(s),
      });
    }

    const hasAction = "Action" in raw;
    const hasNotAction = "NotAction" in raw;
    if (hasAction && hasNotAction) {
      emit({ severity: "error", code: "action-and-not-action", message: `${s.label} has both Action and NotAction; use one.`, ...where(s) });
    } else if (!hasAction && !hasNotAction) {
      emit({ severity: "error", code: "missing-action", message: `${s.label} has neither Action nor NotAction.`, ...where(s) });
    }
    for (const element of ["Action", "NotAction"] as const) {
      if (!(element in raw)) continue;
      const list = stringList(raw[element]);
      if (list === null || list.length === 0) {
        emit({ severity: "error", code: "invalid-action", message: `${s.label}: ${element} must be a string or a non-empty array of strings.`, ...where(s) });
        continue;
      }
      for (const action of list) {
        if (action !== "*" && !ACTION_PATTERN.test(action)) {
          emit({ severity: "error", code: "invalid-action", message: `${s.label}: "${action}" is not an action; actions look like service:Operation.`, ...where(s) });
        }
      }
      if (element === "Action") s.action = list;
      else s.notAction = list;
    }
    for (const element of ["Resource", "NotResource"] as const) {
      if (!(element in raw)) continue;
      const list = stringList(raw[element]);
      if (list === null || list.length === 0) {
        emit({ severity: "error", code: "invalid-resource", message: `${s.label}: ${element} must be a string or a non-empty array of strings.`, ...where(s) });
        continue;
      }
      if (element === "Resource") s.resource = list;
      else s.notResource = list;
    }

    if (s.effect === "Allow") {
      for (const action of s.action ?? []) {
        if (action === "*") {
          emit({ severity: "error", code: "wildcard-action", message: `${s.label} allows every action of every service ("*").`, ...where(s), fix: "List the exact actions the role needs." });
        } else if (/^[^:]+:\*$/.test(action)) {
          emit({ severity: "warning", code: "wildcard-action", message: `${s.label} allows every ${action.split(":")[0]} action ("${action}"), including ones added later.`, ...where(s), fix: "List the exact actions the role needs." });
        } else if (/[*?]/.test(action)) {
          emit({ severity: "info", code: "partial-wildcard-action", message: `${s.label}: "${action}" also matches actions the service adds later.`, ...where(s) });
        }
      }
      if (s.notAction) {
        emit({ severity: "warning", code: "not-action", message: `${s.label} allows every action except ${s.notAction.join(", ")}: NotAction with Allow grants far more than it seems.`, ...where(s), fix: "Replace NotAction with the Action list the role needs." });
      }
      if (s.notResource) {
        emit({ severity: "warning", code: "not-resource", message: `${s.label} applies to every resource except ${s.notResource.join(", ")}: NotResource with Allow grants far more than it seems.`, ...where(s), fix: "Replace NotResource with the exact resources." });
      }
    }
    return s;
  });
}

function finish(findings: LintFinding[]): LintFinding[] {
  return findings
    .map((f, order) => ({ f, order }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.order - b.order)
    .map(({ f }) => f);
}

function principalValues(principal: unknown): { wildcard: boolean; entries: Array<[string, string]> } {
  if (principal === "*") return { wildcard: true, entries: [] };
  if (typeof principal !== "object" || principal === null || Array.isArray(principal)) return { wildcard: false, entries: [] };
  const entries: Array<[string, string]> = [];
  let wildcard = false;
  for (const [type, value] of Object.entries(principal)) {
    for (const v of toArray(value as string | string[])) {
      if (v === "*") wildcard = true;
      else entries.push([type, String(v)]);
    }
  }
  return { wildcard, entries };
}

const ACCOUNT_OPERATORS = new Set(["StringEquals", "StringLike", "StringEqualsIgnoreCase"]);
const ARN_OPERATORS = new Set(["ArnLike", "ArnEquals", "StringLike", "StringEquals"]);

function checkTrustConditions(s: Statement, options: TrustLintOptions, emit: Emit) {
  const account = s.conditions.filter((c) => c.key === "aws:sourceaccount" && ACCOUNT_OPERATORS.has(c.base));
  const arn = s.conditions.filter((c) => c.key === "aws:sourcearn" && ARN_OPERATORS.has(c.base));
  const partition = options.region ? partitionForRegion(options.region) : undefined;
  const sourceArnHint = `arn:${partition ?? "aws"}:bedrock-agentcore:${options.region ?? "REGION"}:${options.accountId}:gateway/*`;
  const accountFix = `"StringEquals": { "aws:SourceAccount": "${options.accountId}" }`;
  const arnFix = `"ArnLike": { "aws:SourceArn": "${sourceArnHint}" }`;

  if (account.length === 0 && arn.length === 0) {
    emit({
      severity: "error",
      code: "confused-deputy",
      message: `${s.label} lets ${AGENTCORE_SERVICE_PRINCIPAL} assume the role for any AgentCore resource in any account (confused deputy): it has no aws:SourceAccount or aws:SourceArn condition.`,
      ...where(s),
      fix: `Add "Condition": { ${accountFix}, ${arnFix} }`,
    });
  } else if (account.length === 0) {
    emit({ severity: "warning", code: "missing-source-account", message: `${s.label} has no aws:SourceAccount condition.`, ...where(s), fix: `Add to Condition: ${accountFix}` });
  } else if (arn.length === 0) {
    emit({ severity: "warning", code: "missing-source-arn", message: `${s.label} has no aws:SourceArn condition, so any AgentCore resource of the account (not only gateways) can use the role.`, ...where(s), fix: `Add to Condition: ${arnFix}` });
  }

  for (const c of [...account, ...arn]) {
    if (c.weak) {
      emit({ severity: "warning", code: "condition-if-exists", message: `${s.label}: ${c.operator} on ${c.key} also passes when the key is missing, which weakens the confused-deputy protection.`, ...where(s), fix: `Use ${c.base} without IfExists / ForAllValues.` });
    }
  }
  for (const c of account) {
    const others = c.values.filter((v) => v !== options.accountId);
    if (others.length > 0) {
      emit({ severity: "error", code: "source-account-mismatch", message: `${s.label}: aws:SourceAccount allows ${others.join(", ")}, not only this account ${options.accountId}.`, ...where(s), fix: `Set "aws:SourceAccount" to "${options.accountId}".` });
    }
  }
  for (const c of arn) {
    for (const value of c.values) {
      if ((c.base === "StringEquals") && hasWildcard(value)) {
        emit({ severity: "error", code: "wildcard-with-string-equals", message: `${s.label}: StringEquals compares "${value}" literally, so the wildcard never matches and AgentCore cannot assume the role.`, ...where(s), fix: `Use ArnLike for aws:SourceArn: ${arnFix}` });
      }
      const parts = value.split(":");
      if (value === "*" || parts.length < 6 || parts[0] !== "arn") {
        emit({ severity: "warning", code: "source-arn-too-broad", message: `${s.label}: aws:SourceArn "${value}" matches any resource.`, ...where(s), fix: `Use ${arnFix}` });
        continue;
      }
      const [, arnPartition, service, region, accountId] = parts;
      const resource = parts.slice(5).join(":");
      const problems: string[] = [];
      if (partition && !resourceMatches(arnPartition, partition)) problems.push(`partition ${arnPartition} is not ${partition}`);
      if (!resourceMatches(service, "bedrock-agentcore")) problems.push(`service ${service} is not bedrock-agentcore`);
      if (options.region && !resourceMatches(region, options.region)) problems.push(`region ${region} is not ${options.region}`);
      if (!resourceMatches(accountId, options.accountId)) problems.push(`account ${accountId} is not ${options.accountId}`);
      if (problems.length > 0) {
        emit({ severity: "error", code: "source-arn-mismatch", message: `${s.label}: aws:SourceArn "${value}" never matches this account's gateways: ${problems.join("; ")}.`, ...where(s), fix: `Use ${arnFix}` });
      } else if (!resource.startsWith("gateway/")) {
        emit({ severity: "warning", code: "source-arn-too-broad", message: `${s.label}: aws:SourceArn "${value}" is not limited to gateways, so other AgentCore resources (such as agent runtimes) can use the role too.`, ...where(s), fix: `Use ${arnFix}` });
      }
    }
  }
}

export function lintTrustPolicy(doc: unknown, options: TrustLintOptions): LintFinding[] {
  assertAccountId(options?.accountId, "options.accountId");
  if (options.region !== undefined) assertRegion(options.region, "options.region");
  const findings: LintFinding[] = [];
  const emit: Emit = (f) => findings.push(f);
  const policy = load(doc, emit);
  if (!policy) return findings;
  const statements = lintCommon(policy, emit);

  const agentCoreStatements: Statement[] = [];
  for (const s of statements) {
    if ("Resource" in s.raw || "NotResource" in s.raw) {
      emit({ severity: "error", code: "resource-in-trust-policy", message: `${s.label}: a trust policy cannot have Resource or NotResource; IAM rejects it.`, ...where(s), fix: "Remove Resource / NotResource." });
    }
    if (!("Principal" in s.raw) && !("NotPrincipal" in s.raw)) {
      emit({ severity: "error", code: "missing-principal", message: `${s.label} has no Principal; a trust policy must say who may assume the role.`, ...where(s), fix: `Add "Principal": { "Service": "${AGENTCORE_SERVICE_PRINCIPAL}" }` });
    }
    if (s.effect !== "Allow") continue;
    if ("NotPrincipal" in s.raw) {
      emit({ severity: "error", code: "not-principal", message: `${s.label}: NotPrincipal with Allow trusts everyone except the listed principals.`, ...where(s), fix: `Use "Principal": { "Service": "${AGENTCORE_SERVICE_PRINCIPAL}" }` });
    }
    const principals = principalValues(s.raw.Principal);
    if (principals.wildcard) {
      emit({ severity: "error", code: "wildcard-principal", message: `${s.label} trusts any principal ("*"), so anyone can assume the role.`, ...where(s), fix: `Use "Principal": { "Service": "${AGENTCORE_SERVICE_PRINCIPAL}" }` });
    }
    const assumes = (s.action ?? []).some((a) => actionMatches(a, "sts:AssumeRole"));
    let trustsAgentCore = false;
    for (const [type, value] of principals.entries) {
      if (type === "Service" && value === AGENTCORE_SERVICE_PRINCIPAL) {
        trustsAgentCore = true;
      } else {
        emit({ severity: "info", code: "additional-principal", message: `${s.label} also trusts ${type} ${value}; the gateway's execution role needs only ${AGENTCORE_SERVICE_PRINCIPAL}.`, ...where(s) });
      }
    }
    if (trustsAgentCore && assumes) agentCoreStatements.push(s);
  }

  if (agentCoreStatements.length === 0) {
    const fix = options.region
      ? JSON.stringify(buildGatewayTrustPolicy({ accountId: options.accountId, region: options.region }).Statement[0], null, 2)
      : `Add a statement allowing "Principal": { "Service": "${AGENTCORE_SERVICE_PRINCIPAL}" } to call sts:AssumeRole, with aws:SourceAccount and aws:SourceArn conditions.`;
    emit({ severity: "error", code: "no-agentcore-trust", message: `No statement allows ${AGENTCORE_SERVICE_PRINCIPAL} to call sts:AssumeRole, so the gateway cannot use this role.`, fix });
  }
  for (const s of agentCoreStatements) checkTrustConditions(s, options, emit);

  const size = minifiedLength(policy.document);
  if (size > TRUST_POLICY_LIMIT) {
    emit({ severity: "warning", code: "policy-too-large", message: `The trust policy is ${size} characters without whitespace; IAM's default quota is ${TRUST_POLICY_LIMIT}.` });
  }
  return finish(findings);
}

function statementMatches(s: Statement, action: string, resource: string): boolean {
  const actionOk = s.action
    ? s.action.some((p) => actionMatches(p, action))
    : s.notAction !== undefined && !s.notAction.some((p) => actionMatches(p, action));
  if (!actionOk) return false;
  return s.resource
    ? s.resource.some((p) => resourceMatches(p, resource))
    : s.notResource !== undefined && !s.notResource.some((p) => resourceMatches(p, resource));
}

function grantsExactly(s: Statement, action: string, resource: string): boolean {
  const literal = unescapeIamResource(resource);
  return (
    (s.action ?? []).some((p) => !hasWildcard(p) && p.toLowerCase() === action.toLowerCase()) &&
    (s.resource ?? []).some((p) => p === resource || (!hasWildcard(p) && unescapeIamResource(p) === literal))
  );
}

function requiredStatementJson(required: PolicyStatement, action: string, resources: string[]): string {
  const s: PolicyStatement = { Sid: required.Sid, Effect: "Allow", Action: action, Resource: resources.length === 1 ? resources[0] : resources };
  if (required.Condition) s.Condition = required.Condition;
  return JSON.stringify(s, null, 2);
}

function checkCoverage(statements: Statement[], required: PolicyDocument, emit: Emit) {
  const allows = statements.filter((s) => s.effect === "Allow");
  // A Deny with a Condition may or may not apply; only unconditional denies are certain.
  const denies = statements.filter((s) => s.effect === "Deny" && !("Condition" in s.raw));

  for (const req of required.Statement) {
    if (req.Effect !== "Allow") continue;
    const sid = req.Sid;
    for (const action of toArray(req.Action)) {
      const missing: string[] = [];
      const denied = new Map<Statement, string[]>();
      const wildcarded = new Map<Statement, string[]>();
      for (const resource of toArray(req.Resource)) {
        const deny = denies.find((s) => statementMatches(s, action, resource));
        if (deny) {
          denied.set(deny, [...(denied.get(deny) ?? []), resource]);
          continue;
        }
        const matching = allows.filter((s) => statementMatches(s, action, resource));
        if (matching.length === 0) missing.push(resource);
        else if (!matching.some((s) => grantsExactly(s, action, resource))) {
          wildcarded.set(matching[0], [...(wildcarded.get(matching[0]) ?? []), resource]);
        }
      }
      if (missing.length > 0) {
        emit({
          severity: "error",
          code: "missing-permission",
          message: `Missing ${action} on ${missing.join(", ")}${sid ? ` (generated statement "${sid}")` : ""}: the gateway's targets need it.`,
          ...(sid ? { statementSid: sid } : {}),
          fix: requiredStatementJson(req, action, missing),
        });
      }
      for (const [deny, resources] of denied) {
        emit({
          severity: "error",
          code: "denied-by-statement",
          message: `${deny.label} denies ${action} on ${resources.join(", ")}, which the gateway's targets need; an explicit Deny wins over any Allow.`,
          ...where(deny),
          fix: "Narrow or remove the Deny statement.",
        });
      }
      for (const [allow, resources] of wildcarded) {
        emit({
          severity: "warning",
          code: "covered-by-wildcard",
          message: `${action} on ${resources.join(", ")} is allowed only through wildcards in ${allow.label}; it also grants what the targets do not need.`,
          ...where(allow),
          fix: requiredStatementJson(req, action, resources),
        });
      }
    }
  }
}

export function lintPermissionPolicy(doc: unknown, options: PermissionLintOptions = {}): LintFinding[] {
  const findings: LintFinding[] = [];
  const emit: Emit = (f) => findings.push(f);
  const policy = load(doc, emit);
  if (!policy) return findings;
  const statements = lintCommon(policy, emit);

  for (const s of statements) {
    if ("Principal" in s.raw || "NotPrincipal" in s.raw) {
      emit({ severity: "error", code: "principal-in-identity-policy", message: `${s.label}: a role's permission policy cannot name a Principal; IAM rejects it.`, ...where(s), fix: "Remove Principal / NotPrincipal." });
    }
    const hasResource = "Resource" in s.raw;
    const hasNotResource = "NotResource" in s.raw;
    if (hasResource && hasNotResource) {
      emit({ severity: "error", code: "resource-and-not-resource", message: `${s.label} has both Resource and NotResource; use one.`, ...where(s) });
    } else if (!hasResource && !hasNotResource) {
      emit({ severity: "error", code: "missing-resource", message: `${s.label} has neither Resource nor NotResource.`, ...where(s) });
    }
    if (s.effect === "Allow" && (s.resource ?? []).includes("*")) {
      emit({ severity: "warning", code: "wildcard-resource", message: `${s.label} applies to every resource ("*").`, ...where(s), fix: "List the exact ARNs the role needs." });
    }
  }

  if (options.requiredPolicy) checkCoverage(statements, options.requiredPolicy, emit);

  const size = minifiedLength(policy.document);
  if (size > INLINE_POLICY_LIMIT) {
    emit({ severity: "error", code: "policy-too-large", message: `The policy is ${size} characters without whitespace; a role's inline policies may total at most ${INLINE_POLICY_LIMIT}.`, fix: "Split it into managed policies or remove targets' duplicates." });
  } else if (size > MANAGED_POLICY_LIMIT) {
    emit({ severity: "warning", code: "policy-too-large", message: `The policy is ${size} characters without whitespace: too large for a managed policy (${MANAGED_POLICY_LIMIT}); attach it as an inline policy or split it.` });
  }
  return finish(findings);
}
