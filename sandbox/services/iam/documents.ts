// IAM policy document grammar: what IAM rejects with MalformedPolicyDocument, with IAM's own messages.
// Pure: takes the document text and returns the first problem found (undefined when the document is fine).
import { SANDBOX_ACCOUNT_ID } from "../../core/constants";

/** "trust": a role's AssumeRolePolicyDocument (resource-based). "identity": an inline role policy. */
export type PolicyKind = "trust" | "identity";

export interface CheckOptions {
  /** Whether a role ARN of the sandbox account exists (trust policies naming a missing role are rejected). */
  roleExists?: (arn: string) => boolean;
}

export const MESSAGES = {
  syntax: "Syntax errors in policy.",
  legacy: "The policy failed legacy parsing",
  noActions: "Policy statement must contain actions.",
  noResources: "Policy statement must contain resources.",
  vendor: "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.",
  oneColon: "Actions/Condition can contain only one colon.",
  sidUnique: "Statement IDs (SID) in a single policy must be unique.",
  principalInIdentity: "Policy document should not specify a principal.",
  missingPrincipal: "Missing required field Principal",
  resourceInTrust: "Has prohibited field Resource",
  trustActions: "AssumeRole policy may only specify STS AssumeRole actions.",
} as const;

const VERSIONS = ["2012-10-17", "2008-10-17"];
const TOP_KEYS = new Set(["Version", "Id", "Statement"]);
const STATEMENT_KEYS = new Set(["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"]);
const PRINCIPAL_KEYS = new Set(["AWS", "Service", "Federated", "CanonicalUser"]);
const PARTITIONS = new Set(["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc", "*"]);
const CONDITION_OPERATORS = new Set(
  [
    "StringEquals",
    "StringNotEquals",
    "StringEqualsIgnoreCase",
    "StringNotEqualsIgnoreCase",
    "StringLike",
    "StringNotLike",
    "NumericEquals",
    "NumericNotEquals",
    "NumericLessThan",
    "NumericLessThanEquals",
    "NumericGreaterThan",
    "NumericGreaterThanEquals",
    "DateEquals",
    "DateNotEquals",
    "DateLessThan",
    "DateLessThanEquals",
    "DateGreaterThan",
    "DateGreaterThanEquals",
    "Bool",
    "BinaryEquals",
    "IpAddress",
    "NotIpAddress",
    "ArnEquals",
    "ArnLike",
    "ArnNotEquals",
    "ArnNotLike",
    "Null",
  ].map((o) => o.toLowerCase()),
);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) => typeof v === "string" || typeof v === "number" || typeof v === "boolean";

class Malformed extends Error {}
const fail = (message: string): never => {
  throw new Malformed(message);
};

/** A string or a list of strings (IAM's "string or array" members); anything else is a syntax error. */
function strings(v: Json): string[] {
  if (typeof v === "string") return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v as string[];
  return fail(MESSAGES.syntax);
}

function conditionOperatorKnown(op: string): boolean {
  let o = op.toLowerCase();
  const qualifier = /^(forallvalues|foranyvalue):/.exec(o);
  if (qualifier) o = o.slice(qualifier[0].length);
  if (o.endsWith("ifexists") && o !== "null") o = o.slice(0, -"ifexists".length);
  return CONDITION_OPERATORS.has(o);
}

/** Structure of one statement: known members of the right JSON types. */
function checkStatementSyntax(st: Json): Obj {
  if (!isObj(st)) return fail(MESSAGES.syntax);
  for (const k of Object.keys(st)) if (!STATEMENT_KEYS.has(k)) fail(MESSAGES.syntax);
  if (st.Sid !== undefined && typeof st.Sid !== "string") fail(MESSAGES.syntax);
  if (typeof st.Effect !== "string" || !/^(allow|deny)$/i.test(st.Effect)) fail(MESSAGES.syntax);
  for (const [a, b] of [
    ["Action", "NotAction"],
    ["Resource", "NotResource"],
    ["Principal", "NotPrincipal"],
  ]) {
    if (st[a] !== undefined && st[b] !== undefined) fail(MESSAGES.syntax);
  }
  for (const k of ["Action", "NotAction", "Resource", "NotResource"]) if (st[k] !== undefined) strings(st[k]);
  for (const k of ["Principal", "NotPrincipal"]) {
    const p = st[k];
    if (p === undefined || p === "*") continue;
    if (!isObj(p)) fail(MESSAGES.syntax);
    for (const v of Object.values(p as Obj)) strings(v);
  }
  if (st.Condition !== undefined) {
    if (!isObj(st.Condition)) fail(MESSAGES.syntax);
    for (const [op, block] of Object.entries(st.Condition as Obj)) {
      if (!isObj(block)) fail(MESSAGES.syntax);
      const entries = Object.values(block as Obj);
      if (entries.length && !conditionOperatorKnown(op)) fail(MESSAGES.syntax);
      for (const v of entries) {
        if (!(isScalar(v) || (Array.isArray(v) && v.every(isScalar)))) fail(MESSAGES.syntax);
      }
    }
  }
  return st;
}

function checkAction(action: string): void {
  if (action === "*") return;
  const parts = action.split(":");
  if (parts.length < 2) fail(MESSAGES.vendor);
  if (parts.length > 2) fail(MESSAGES.oneColon);
  if (!/^[a-zA-Z0-9*-]+$/.test(parts[0])) fail(`Vendor ${parts[0]} is not valid`);
}

function checkResource(resource: string): void {
  if (resource === "*") return;
  if (!resource.startsWith("arn:")) fail(`Resource ${resource} must be in ARN format or "*".`);
  const parts = resource.split(":");
  if (parts.length < 3) fail("Resource vendor must be fully qualified and cannot contain regexes.");
  if (!PARTITIONS.has(parts[1])) fail(`Partition "${parts[1]}" is not valid for resource "${resource}".`);
  if (parts.length === 4 || parts.length === 5) fail(MESSAGES.legacy);
  if (parts.length >= 6 && parts[2] === "") fail(MESSAGES.legacy);
}

function checkPrincipal(principal: Json, options: CheckOptions): void {
  if (principal === "*") return;
  const invalid = (key: string, value: string): never => fail(`Invalid principal in policy: "${key.toUpperCase()}":"${value}"`);
  for (const [key, value] of Object.entries(principal as Obj)) {
    if (!PRINCIPAL_KEYS.has(key)) fail(MESSAGES.syntax);
    const values = strings(value);
    if (!values.length) fail(MESSAGES.syntax);
    for (const v of values) {
      if (key === "AWS") {
        if (v === "*" || /^\d{12}$/.test(v)) continue;
        const arn = /^arn:aws[\w-]*:(iam|sts)::(\d{12}|aws):(.+)$/.exec(v);
        if (!arn) invalid(key, v);
        if (arn![2] === SANDBOX_ACCOUNT_ID && arn![3].startsWith("role/") && options.roleExists && !options.roleExists(v)) invalid(key, v);
      } else if (key === "Service") {
        if (!/^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/.test(v)) invalid(key, v);
      } else if (!v) {
        invalid(key, v);
      }
    }
  }
}

/** Returns IAM's MalformedPolicyDocument message for `text`, or undefined when it is a valid policy of `kind`. */
export function policyDocumentProblem(text: string, kind: PolicyKind, options: CheckOptions = {}): string | undefined {
  try {
    check(text, kind, options);
    return undefined;
  } catch (e) {
    if (e instanceof Malformed) return e.message;
    throw e;
  }
}

function check(text: string, kind: PolicyKind, options: CheckOptions): void {
  let doc: Json;
  try {
    doc = JSON.parse(text) as Json;
  } catch {
    return fail(MESSAGES.syntax);
  }
  // 1. Syntax: the JSON shape of the grammar.
  if (!isObj(doc)) return fail(MESSAGES.syntax);
  for (const k of Object.keys(doc)) if (!TOP_KEYS.has(k)) fail(MESSAGES.syntax);
  if (doc.Id !== undefined && typeof doc.Id !== "string") fail(MESSAGES.syntax);
  if (doc.Version !== undefined && (typeof doc.Version !== "string" || !VERSIONS.includes(doc.Version))) fail(MESSAGES.syntax);
  if (doc.Statement === undefined) fail(MESSAGES.syntax);
  const list = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  if (!list.length) fail(MESSAGES.syntax);
  const statements = list.map(checkStatementSyntax);

  // 2. Legacy parser quirks: Effect is case-sensitive.
  for (const st of statements) if (st.Effect !== "Allow" && st.Effect !== "Deny") fail(MESSAGES.legacy);

  // 3. Statement ids.
  const sids = statements.map((st) => st.Sid).filter((s): s is string => typeof s === "string" && s !== "");
  if (new Set(sids).size !== sids.length) fail(MESSAGES.sidUnique);

  // 4. Semantics per statement.
  for (const st of statements) {
    const actions = strings(st.Action ?? st.NotAction ?? []);
    if (!actions.length) fail(MESSAGES.noActions);
    actions.forEach(checkAction);
    if (kind === "trust" && st.Action !== undefined && !actions.every((a) => a === "*" || /^sts:/i.test(a))) fail(MESSAGES.trustActions);

    const resource = st.Resource ?? st.NotResource;
    if (kind === "trust") {
      if (resource !== undefined) fail(MESSAGES.resourceInTrust);
      const principal = st.Principal ?? st.NotPrincipal;
      if (principal === undefined) fail(MESSAGES.missingPrincipal);
      checkPrincipal(principal!, options);
    } else {
      const resources = strings(resource ?? []);
      if (!resources.length) fail(MESSAGES.noResources);
      resources.forEach(checkResource);
      if (st.Principal !== undefined || st.NotPrincipal !== undefined) fail(MESSAGES.principalInIdentity);
    }
  }
}
