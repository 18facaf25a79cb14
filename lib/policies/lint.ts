// Lints a trust or permission policy (pasted text or an object) for the gateway's execution role.

import { assertAccountId, assertRegion, partitionForRegion } from "./arn";
import { actionMatches, hasWildcard, resourceMatches, unescapeIamResource } from "./iam-match";
import { parsePolicyDocument, readPolicyValue, type ParsedPolicy } from "./parse-policy";
import { oneOrMany, toArray, type PolicyDocument, type PolicyStatement } from "./policy-document";
import { gatewayTrustVerdict } from "./trust-match";
import { AGENTCORE_SERVICE_PRINCIPAL, assertGatewayName, buildGatewayTrustPolicy, gatewaySourceArnPattern } from "./trust-policy";

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
  | "gateway-not-trusted"
  // permission policy
  | "principal-in-identity-policy"
  | "missing-resource"
  | "resource-and-not-resource"
  | "wildcard-resource"
  | "action-resource-mismatch"
  | "missing-permission"
  | "covered-by-wildcard"
  | "denied-by-statement";

export interface LintFinding {
  severity: LintSeverity;
  code: LintCode;
  message: string;
  /** The statement concerned; for missing-permission, the Sid of the generated statement. */
  statementSid?: string;
  /** 0-based position of the statement in the linted policy, when it is one of its statements. */
  statementIndex?: number;
  /** What to change, in words or as JSON to paste. */
  fix?: string;
}

export interface TrustLintOptions {
  accountId: string;
  /** Enables the partition/region checks on aws:SourceArn and a ready-to-paste fix. */
  region?: string;
  /** With region: the gateway the role is for, so a trust that would not let this gateway assume the role is an error. */
  gatewayName?: string;
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
const ACCOUNT_OPERATORS = new Set(["StringEquals", "StringLike", "StringEqualsIgnoreCase"]);
const ARN_OPERATORS = new Set(["ArnLike", "ArnEquals", "StringLike", "StringEquals"]);
const AGENTCORE_PRINCIPAL_JSON = `"Principal": { "Service": "${AGENTCORE_SERVICE_PRINCIPAL}" }`;

interface ConditionEntry {
  operator: string;
  /** The operator without ForAllValues:/ForAnyValue: and IfExists. */
  base: string;
  /** ...IfExists and ForAllValues: pass when the key is absent. */
  weak: boolean;
  /** Condition keys are case-insensitive: lowercased. */
  key: string;
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

type Location = Statement | { sid: string };
type Report = (severity: LintSeverity, code: LintCode, message: string, at?: Location, fix?: string) => void;

function collector() {
  const findings: LintFinding[] = [];
  const report: Report = (severity, code, message, at, fix) => {
    const finding: LintFinding = { severity, code, message };
    if (at?.sid !== undefined) finding.statementSid = at.sid;
    if (at && "index" in at) finding.statementIndex = at.index;
    if (fix !== undefined) finding.fix = fix;
    findings.push(finding);
  };
  const sorted = () =>
    findings
      .map((f, order) => ({ f, order }))
      .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.order - b.order)
      .map(({ f }) => f);
  return { report, sorted };
}

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

function isGatewayName(name: string): boolean {
  try {
    assertGatewayName(name);
    return true;
  } catch {
    return false;
  }
}

function minifiedLength(value: unknown): number {
  return JSON.stringify(value).length;
}

function load(doc: unknown, report: Report): ParsedPolicy | null {
  const result = typeof doc === "string" ? parsePolicyDocument(doc) : readPolicyValue(doc);
  if (result.ok) return result.policy;
  report("error", result.error.kind === "json" ? "invalid-json" : "not-a-policy", result.error.message);
  return null;
}

function lintVersion(version: unknown, report: Report) {
  const use = 'Use "Version": "2012-10-17".';
  if (version === undefined) {
    report(
      "warning",
      "version-missing",
      "Version is missing, so IAM reads the policy as version 2008-10-17, where policy variables and ${*} escapes are plain text.",
      undefined,
      'Add "Version": "2012-10-17".',
    );
  } else if (version === "2008-10-17") {
    report("warning", "version-outdated", "Version 2008-10-17 does not support policy variables and ${*} escapes.", undefined, use);
  } else if (version !== "2012-10-17") {
    const message = `Version ${JSON.stringify(version)} is not a policy language version; IAM accepts only "2012-10-17" and "2008-10-17".`;
    report("error", "version-invalid", message, undefined, use);
  }
}

function readStatement(raw: Record<string, unknown>, index: number, report: Report): Statement {
  const sid = typeof raw.Sid === "string" ? raw.Sid : undefined;
  const s: Statement = {
    index,
    sid,
    label: sid === undefined ? `Statement #${index + 1}` : `Statement "${sid}"`,
    raw,
    conditions: readConditions(raw.Condition),
  };

  if ("Sid" in raw && (sid === undefined || !/^[a-zA-Z0-9]*$/.test(sid))) {
    report("error", "invalid-sid", `${s.label}: Sid ${JSON.stringify(raw.Sid)} may contain only letters and digits.`, s);
  }
  if (raw.Effect === "Allow" || raw.Effect === "Deny") {
    s.effect = raw.Effect;
  } else {
    const got = raw.Effect === undefined ? "nothing" : JSON.stringify(raw.Effect);
    report("error", "invalid-effect", `${s.label}: Effect must be "Allow" or "Deny" (case-sensitive), got ${got}.`, s);
  }

  if ("Action" in raw && "NotAction" in raw) {
    report("error", "action-and-not-action", `${s.label} has both Action and NotAction; use one.`, s);
  } else if (!("Action" in raw) && !("NotAction" in raw)) {
    report("error", "missing-action", `${s.label} has neither Action nor NotAction.`, s);
  }
  for (const element of ["Action", "NotAction", "Resource", "NotResource"] as const) {
    if (!(element in raw)) continue;
    const isAction = element.endsWith("Action");
    const list = stringList(raw[element]);
    if (list === null || list.length === 0) {
      const code = isAction ? "invalid-action" : "invalid-resource";
      report("error", code, `${s.label}: ${element} must be a string or a non-empty array of strings.`, s);
      continue;
    }
    if (isAction) {
      for (const action of list.filter((a) => a !== "*" && !ACTION_PATTERN.test(a))) {
        report("error", "invalid-action", `${s.label}: "${action}" is not an action; actions look like service:Operation.`, s);
      }
    }
    s[element === "Action" ? "action" : element === "NotAction" ? "notAction" : element === "Resource" ? "resource" : "notResource"] = list;
  }

  if (s.effect === "Allow") {
    const exact = "List the exact actions the role needs.";
    for (const action of s.action ?? []) {
      if (action === "*") {
        report("error", "wildcard-action", `${s.label} allows every action of every service ("*").`, s, exact);
      } else if (/^[^:]+:\*$/.test(action)) {
        const service = action.split(":")[0];
        report("warning", "wildcard-action", `${s.label} allows every ${service} action ("${action}"), including ones added later.`, s, exact);
      } else if (/[*?]/.test(action)) {
        report("info", "partial-wildcard-action", `${s.label}: "${action}" also matches actions the service adds later.`, s);
      }
    }
    if (s.notAction) {
      const message = `${s.label} allows every action except ${s.notAction.join(", ")}: NotAction with Allow grants far more than it seems.`;
      report("warning", "not-action", message, s, "Replace NotAction with the Action list the role needs.");
    }
    if (s.notResource) {
      const message = `${s.label} applies to every resource except ${s.notResource.join(", ")}: NotResource with Allow grants far more than it seems.`;
      report("warning", "not-resource", message, s, "Replace NotResource with the exact resources.");
    }
  }
  return s;
}

/** Checks every policy shares; returns the statements in a form the specific checks can use. */
function lintCommon(policy: ParsedPolicy, report: Report): Statement[] {
  for (const dup of policy.duplicateKeys) {
    const where = `${dup.path ? ` in ${dup.path}` : ""} (line ${dup.line}, column ${dup.column})`;
    const message = `Key "${dup.key}" appears more than once${where}; only one of them takes effect.`;
    report("warning", "duplicate-key", message, undefined, `Merge the duplicate "${dup.key}" entries into one.`);
  }
  lintVersion(policy.document.Version, report);

  const firstIndexOfSid = new Map<string, number>();
  return policy.statements.map((raw, index) => {
    const s = readStatement(raw, index, report);
    if (s.sid !== undefined && s.sid !== "") {
      const first = firstIndexOfSid.get(s.sid);
      if (first === undefined) firstIndexOfSid.set(s.sid, index);
      else report("error", "duplicate-sid", `${s.label}: Sid is also used by statement #${first + 1}; Sids must be unique.`, s);
    }
    return s;
  });
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

function checkSourceArn(s: Statement, value: string, options: TrustLintOptions, arnFix: string, report: Report) {
  const fix = `Use ${arnFix}`;
  const parts = value.split(":");
  if (value === "*" || parts.length < 6 || parts[0] !== "arn") {
    report("warning", "source-arn-too-broad", `${s.label}: aws:SourceArn "${value}" matches any resource.`, s, fix);
    return;
  }
  const [, partition, service, region, accountId] = parts;
  const problems: string[] = [];
  const expectedPartition = options.region ? partitionForRegion(options.region) : undefined;
  if (expectedPartition && !resourceMatches(partition, expectedPartition)) problems.push(`partition ${partition} is not ${expectedPartition}`);
  if (!resourceMatches(service, "bedrock-agentcore")) problems.push(`service ${service} is not bedrock-agentcore`);
  if (options.region && !resourceMatches(region, options.region)) problems.push(`region ${region} is not ${options.region}`);
  if (!resourceMatches(accountId, options.accountId)) problems.push(`account ${accountId} is not ${options.accountId}`);
  if (problems.length > 0) {
    const message = `${s.label}: aws:SourceArn "${value}" never matches this account's gateways: ${problems.join("; ")}.`;
    report("error", "source-arn-mismatch", message, s, fix);
  } else if (!parts.slice(5).join(":").startsWith("gateway/")) {
    const message = `${s.label}: aws:SourceArn "${value}" is not limited to gateways, so other AgentCore resources (such as agent runtimes) can use the role too.`;
    report("warning", "source-arn-too-broad", message, s, fix);
  }
}

function checkTrustConditions(s: Statement, options: TrustLintOptions, report: Report) {
  const account = s.conditions.filter((c) => c.key === "aws:sourceaccount" && ACCOUNT_OPERATORS.has(c.base));
  const arn = s.conditions.filter((c) => c.key === "aws:sourcearn" && ARN_OPERATORS.has(c.base));
  const partition = options.region ? partitionForRegion(options.region) : "aws";
  const sourceArn = options.region
    ? gatewaySourceArnPattern({ accountId: options.accountId, region: options.region, gatewayName: options.gatewayName })
    : `arn:${partition}:bedrock-agentcore:REGION:${options.accountId}:gateway/*`;
  const accountFix = `"StringEquals": { "aws:SourceAccount": "${options.accountId}" }`;
  const arnFix = `"ArnLike": { "aws:SourceArn": "${sourceArn}" }`;

  if (account.length === 0 && arn.length === 0) {
    const message = `${s.label} lets ${AGENTCORE_SERVICE_PRINCIPAL} assume the role for any AgentCore resource in any account (confused deputy): it has no aws:SourceAccount or aws:SourceArn condition.`;
    report("error", "confused-deputy", message, s, `Add "Condition": { ${accountFix}, ${arnFix} }`);
  } else if (account.length === 0) {
    report("warning", "missing-source-account", `${s.label} has no aws:SourceAccount condition.`, s, `Add to Condition: ${accountFix}`);
  } else if (arn.length === 0) {
    const message = `${s.label} has no aws:SourceArn condition, so any AgentCore resource of the account (not only gateways) can use the role.`;
    report("warning", "missing-source-arn", message, s, `Add to Condition: ${arnFix}`);
  }

  for (const c of [...account, ...arn].filter((entry) => entry.weak)) {
    const message = `${s.label}: ${c.operator} on ${c.key} also passes when the key is missing, which weakens the confused-deputy protection.`;
    report("warning", "condition-if-exists", message, s, `Use ${c.base} without IfExists / ForAllValues.`);
  }
  for (const c of account) {
    const others = c.values.filter((v) => v !== options.accountId);
    if (others.length > 0) {
      const message = `${s.label}: aws:SourceAccount allows ${others.join(", ")}, not only this account ${options.accountId}.`;
      report("error", "source-account-mismatch", message, s, `Set "aws:SourceAccount" to "${options.accountId}".`);
    }
  }
  for (const c of arn) {
    for (const value of c.values) {
      if (c.base === "StringEquals" && hasWildcard(value)) {
        const message = `${s.label}: StringEquals compares "${value}" literally, so the wildcard never matches and AgentCore cannot assume the role.`;
        report("error", "wildcard-with-string-equals", message, s, `Use ArnLike for aws:SourceArn: ${arnFix}`);
      }
      checkSourceArn(s, value, options, arnFix, report);
    }
  }
}

export function lintTrustPolicy(doc: unknown, given: TrustLintOptions): LintFinding[] {
  assertAccountId(given?.accountId, "options.accountId");
  if (given.region !== undefined) assertRegion(given.region, "options.region");
  // A name still being typed (empty, or not yet valid) is checked as no name.
  const options = { ...given, gatewayName: given.gatewayName && isGatewayName(given.gatewayName) ? given.gatewayName : undefined };
  const { report, sorted } = collector();
  const policy = load(doc, report);
  if (!policy) return sorted();
  const statements = lintCommon(policy, report);

  const agentCoreStatements: Statement[] = [];
  for (const s of statements) {
    if ("Resource" in s.raw || "NotResource" in s.raw) {
      const message = `${s.label}: a trust policy cannot have Resource or NotResource; IAM rejects it.`;
      report("error", "resource-in-trust-policy", message, s, "Remove Resource / NotResource.");
    }
    if (!("Principal" in s.raw) && !("NotPrincipal" in s.raw)) {
      const message = `${s.label} has no Principal; a trust policy must say who may assume the role.`;
      report("error", "missing-principal", message, s, `Add ${AGENTCORE_PRINCIPAL_JSON}`);
    }
    if (s.effect !== "Allow") continue;
    if ("NotPrincipal" in s.raw) {
      const message = `${s.label}: NotPrincipal with Allow trusts everyone except the listed principals.`;
      report("error", "not-principal", message, s, `Use ${AGENTCORE_PRINCIPAL_JSON}`);
    }
    const principals = principalValues(s.raw.Principal);
    if (principals.wildcard) {
      const message = `${s.label} trusts any principal ("*"), so anyone can assume the role.`;
      report("error", "wildcard-principal", message, s, `Use ${AGENTCORE_PRINCIPAL_JSON}`);
    }
    let trustsAgentCore = false;
    for (const [type, value] of principals.entries) {
      if (type === "Service" && value === AGENTCORE_SERVICE_PRINCIPAL) {
        trustsAgentCore = true;
      } else {
        const message = `${s.label} also trusts ${type} ${value}; the gateway's execution role needs only ${AGENTCORE_SERVICE_PRINCIPAL}.`;
        report("info", "additional-principal", message, s);
      }
    }
    if (trustsAgentCore && (s.action ?? []).some((a) => actionMatches(a, "sts:AssumeRole"))) agentCoreStatements.push(s);
  }

  if (agentCoreStatements.length === 0) {
    const fix = options.region
      ? JSON.stringify(buildGatewayTrustPolicy({ accountId: options.accountId, region: options.region }).Statement[0], null, 2)
      : `Add a statement allowing ${AGENTCORE_PRINCIPAL_JSON} to call sts:AssumeRole, with aws:SourceAccount and aws:SourceArn conditions.`;
    const message = `No statement allows ${AGENTCORE_SERVICE_PRINCIPAL} to call sts:AssumeRole, so the gateway cannot use this role.`;
    report("error", "no-agentcore-trust", message, undefined, fix);
  }
  for (const s of agentCoreStatements) checkTrustConditions(s, options, report);
  if (agentCoreStatements.length > 0 && options.region && options.gatewayName) {
    const verdict = gatewayTrustVerdict("The role", policy.document, { accountId: options.accountId, region: options.region, gatewayName: options.gatewayName });
    const fix = `"ArnLike": { "aws:SourceArn": "${gatewaySourceArnPattern({ accountId: options.accountId, region: options.region, gatewayName: options.gatewayName })}" }`;
    if (!verdict.trusts) report("error", "gateway-not-trusted", verdict.message, undefined, `Add to the trust policy's condition: ${fix}`);
  }

  const size = minifiedLength(policy.document);
  if (size > TRUST_POLICY_LIMIT) {
    const message = `The trust policy is ${size} characters without whitespace; IAM's default quota is ${TRUST_POLICY_LIMIT}.`;
    report("warning", "policy-too-large", message);
  }
  return sorted();
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
  const s: PolicyStatement = { Sid: required.Sid, Effect: "Allow", Action: action, Resource: oneOrMany(resources) };
  if (required.Condition) s.Condition = required.Condition;
  return JSON.stringify(s, null, 2);
}

function append<K>(map: Map<K, string[]>, key: K, value: string) {
  map.set(key, [...(map.get(key) ?? []), value]);
}

// Conditions on the user's Allow statements are not evaluated: a matching Allow counts as covering.
function checkCoverage(statements: Statement[], required: PolicyDocument, report: Report) {
  const allows = statements.filter((s) => s.effect === "Allow");
  // A Deny with a Condition may or may not apply; only unconditional denies are certain.
  const denies = statements.filter((s) => s.effect === "Deny" && !("Condition" in s.raw));

  for (const req of required.Statement.filter((s) => s.Effect === "Allow")) {
    for (const action of toArray(req.Action)) {
      const missing: string[] = [];
      const denied = new Map<Statement, string[]>();
      const wildcarded = new Map<Statement, string[]>();
      for (const resource of toArray(req.Resource)) {
        const deny = denies.find((s) => statementMatches(s, action, resource));
        const matching = allows.filter((s) => statementMatches(s, action, resource));
        if (deny) append(denied, deny, resource);
        else if (matching.length === 0) missing.push(resource);
        else if (!matching.some((s) => grantsExactly(s, action, resource))) append(wildcarded, matching[0], resource);
      }
      if (missing.length > 0) {
        const generated = req.Sid ? ` (generated statement "${req.Sid}")` : "";
        const message = `Missing ${action} on ${missing.join(", ")}${generated}: the gateway's targets need it.`;
        report("error", "missing-permission", message, req.Sid ? { sid: req.Sid } : undefined, requiredStatementJson(req, action, missing));
      }
      for (const [deny, resources] of denied) {
        const message = `${deny.label} denies ${action} on ${resources.join(", ")}, which the gateway's targets need; an explicit Deny wins over any Allow.`;
        report("error", "denied-by-statement", message, deny, "Narrow or remove the Deny statement.");
      }
      for (const [allow, resources] of wildcarded) {
        const message = `${action} on ${resources.join(", ")} is allowed only through wildcards in ${allow.label}; it also grants what the targets do not need.`;
        report("warning", "covered-by-wildcard", message, allow, requiredStatementJson(req, action, resources));
      }
    }
  }
}

// Actions whose authorization has no resource type: IAM accepts only "*" for them, so "scope it" is no advice.
const UNSCOPABLE_ACTIONS = new Set(
  [
    "lambda:ListFunctions",
    "lambda:ListLayers",
    "lambda:ListEventSourceMappings",
    "lambda:GetAccountSettings",
    "s3:ListAllMyBuckets",
    "s3:ListAccessPoints",
    "s3:GetAccountPublicAccessBlock",
    "secretsmanager:ListSecrets",
    "secretsmanager:GetRandomPassword",
    "kms:ListKeys",
    "kms:ListAliases",
    "kms:CreateKey",
    "sts:GetCallerIdentity",
    "iam:ListRoles",
    "iam:ListPolicies",
  ].map((a) => a.toLowerCase()),
);

type ResourceKind = { service: string; what: string; matches: (resource: string) => boolean; example: string };

const arnPart = (resource: string) => {
  const parts = resource.split(":");
  return parts.length >= 6 && parts[0] === "arn" ? { service: parts[2], rest: parts.slice(5).join(":") } : null;
};
const LAMBDA_FUNCTION: ResourceKind = {
  service: "lambda",
  what: "a Lambda function",
  matches: (r) => arnPart(r)?.service === "lambda" && /^function[:*]/.test(arnPart(r)!.rest),
  example: "arn:aws:lambda:REGION:ACCOUNT:function:NAME",
};
const S3_OBJECT: ResourceKind = { service: "s3", what: "an S3 object", matches: (r) => arnPart(r)?.service === "s3" && arnPart(r)!.rest.includes("/"), example: "arn:aws:s3:::BUCKET/KEY" };
const S3_BUCKET: ResourceKind = {
  service: "s3",
  what: "an S3 bucket",
  matches: (r) => arnPart(r)?.service === "s3" && !arnPart(r)!.rest.includes("/") && arnPart(r)!.rest !== "",
  example: "arn:aws:s3:::BUCKET",
};
const byService = (service: string, what: string, example: string): ResourceKind => ({ service, what, matches: (r) => arnPart(r)?.service === service, example });

// The resource type each action of the execution role's world is authorized on.
const ACTION_RESOURCE: Record<string, ResourceKind> = {
  "lambda:invokefunction": LAMBDA_FUNCTION,
  "lambda:getfunction": LAMBDA_FUNCTION,
  "s3:getobject": S3_OBJECT,
  "s3:getobjectversion": S3_OBJECT,
  "s3:putobject": S3_OBJECT,
  "s3:deleteobject": S3_OBJECT,
  "s3:listbucket": S3_BUCKET,
  "s3:getbucketlocation": S3_BUCKET,
  "execute-api:invoke": byService("execute-api", "an API Gateway stage or route", "arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/PATH"),
  "secretsmanager:getsecretvalue": byService("secretsmanager", "a Secrets Manager secret", "arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME"),
  "kms:decrypt": byService("kms", "a KMS key", "arn:aws:kms:REGION:ACCOUNT:key/KEY_ID"),
};

/** A Lambda function or S3 resource written with wildcards where the names are known: says what it reaches. */
function broadServiceResource(resource: string): string | null {
  const arn = arnPart(resource);
  if (!arn) return null;
  if (arn.service === "lambda" && /^function[:*]/.test(arn.rest) && /[*?]/.test(arn.rest.replace(/^function:/, "").split(":")[0] || "*")) {
    return `"${resource}" reaches every Lambda function it matches, not only the targets' functions`;
  }
  if (arn.service === "lambda" && /[*?]/.test(resource.split(":").slice(3, 5).join(":"))) return `"${resource}" matches functions in other regions or accounts`;
  if (arn.service === "s3") {
    const [bucket, ...key] = arn.rest.split("/");
    if (/[*?]/.test(bucket)) return `"${resource}" reaches objects in every bucket it matches`;
    if (key.length && key.join("/") === "*") return `"${resource}" reaches every object of the bucket ${bucket}, not only the tool schemas`;
  }
  return null;
}

function checkPermissionResources(s: Statement, report: Report) {
  const resources = s.resource ?? [];
  const actions = s.action ?? [];
  if (resources.includes("*")) {
    const scopable = actions.filter((a) => !UNSCOPABLE_ACTIONS.has(a.toLowerCase()));
    if (s.notAction || scopable.length === actions.length) {
      report("warning", "wildcard-resource", `${s.label} applies to every resource ("*").`, s, "List the exact ARNs the role needs.");
    } else if (scopable.length > 0) {
      const unscopable = actions.filter((a) => UNSCOPABLE_ACTIONS.has(a.toLowerCase()));
      report(
        "warning",
        "wildcard-resource",
        `${s.label} applies ${scopable.join(", ")} to every resource ("*"). ${unscopable.join(", ")} cannot be limited to resources, but the others can.`,
        s,
        `Keep ${unscopable.join(", ")} in a statement of its own on "*", and list the exact ARNs for ${scopable.join(", ")}.`,
      );
    }
  }
  const relevant = actions.some((a) => /^(lambda|s3):/i.test(a) || a === "*");
  if (relevant) {
    for (const r of resources) {
      const why = broadServiceResource(r);
      if (why) report("warning", "wildcard-resource", `${s.label}: ${why}.`, s, "List the exact function ARNs and S3 object ARNs the targets use.");
    }
  }
  const concrete = resources.filter((r) => r !== "*" && !/^arn:[^:]*:\*/.test(r) && arnPart(r) !== null && !/[*?]/.test(arnPart(r)!.service));
  if (resources.length === 0 || concrete.length !== resources.length) return;
  for (const action of actions) {
    const kind = ACTION_RESOURCE[action.toLowerCase()];
    if (!kind || concrete.some((r) => kind.matches(r))) continue;
    report(
      "error",
      "action-resource-mismatch",
      `${s.label}: ${action} is authorized on ${kind.what}, and none of ${concrete.join(", ")} is one, so it grants nothing.`,
      s,
      `Put ${action} in a statement whose Resource is ${kind.what} ARN such as ${kind.example}.`,
    );
  }
}

export function lintPermissionPolicy(doc: unknown, options: PermissionLintOptions = {}): LintFinding[] {
  const { report, sorted } = collector();
  const policy = load(doc, report);
  if (!policy) return sorted();
  const statements = lintCommon(policy, report);

  for (const s of statements) {
    if ("Principal" in s.raw || "NotPrincipal" in s.raw) {
      const message = `${s.label}: a role's permission policy cannot name a Principal; IAM rejects it.`;
      report("error", "principal-in-identity-policy", message, s, "Remove Principal / NotPrincipal.");
    }
    const hasResource = "Resource" in s.raw;
    const hasNotResource = "NotResource" in s.raw;
    if (hasResource && hasNotResource) {
      report("error", "resource-and-not-resource", `${s.label} has both Resource and NotResource; use one.`, s);
    } else if (!hasResource && !hasNotResource) {
      report("error", "missing-resource", `${s.label} has neither Resource nor NotResource.`, s);
    }
    if (s.effect === "Allow") checkPermissionResources(s, report);
  }

  if (options.requiredPolicy) checkCoverage(statements, options.requiredPolicy, report);

  const size = minifiedLength(policy.document);
  if (size > INLINE_POLICY_LIMIT) {
    const message = `The policy is ${size} characters without whitespace; a role's inline policies may total at most ${INLINE_POLICY_LIMIT}.`;
    report("error", "policy-too-large", message, undefined, "Split it into several managed policies.");
  } else if (size > MANAGED_POLICY_LIMIT) {
    const message = `The policy is ${size} characters without whitespace: too large for a managed policy (${MANAGED_POLICY_LIMIT}); attach it as an inline policy or split it.`;
    report("warning", "policy-too-large", message);
  }
  return sorted();
}
