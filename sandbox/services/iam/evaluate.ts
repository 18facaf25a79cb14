// IAM policy evaluation for the sandbox: identity policies (explicit Deny > Allow > implicit deny) and role trust.
//
// Pure. Documents are taken as already parsed JSON of any shape: a malformed statement never allows and never denies
// (IAM refuses such documents at write time, so the sandbox only sees them if its state file was edited by hand).
// Not modelled: policy variables (`${aws:username}` is compared literally), permissions boundaries, SCPs, session
// policies, IpAddress/Binary operators (they never match), and resource-based policies other than the trust policy.

export type PolicyValue = string | number | boolean;
export type ConditionBlock = Record<string, Record<string, PolicyValue | PolicyValue[]>>;

export interface PolicyStatement {
  Sid?: string;
  Effect?: string;
  Principal?: "*" | Record<string, string | string[]>;
  NotPrincipal?: "*" | Record<string, string | string[]>;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: ConditionBlock;
}

export interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement?: PolicyStatement | PolicyStatement[];
}

/** A document with the name reasons use: an inline policy's name, or a managed policy's ARN. */
export interface NamedPolicy {
  name: string;
  document: PolicyDocument;
}

export type RequestContext = Record<string, string | string[] | undefined>;

export interface EvaluationRequest {
  action: string;
  resource: string;
  /** Condition keys (case-insensitive), e.g. `aws:SourceAccount`; an array is a multi-valued key. */
  context: RequestContext;
}

export interface StatementRef {
  policy: string;
  sid?: string;
  /** 1-based position in the policy, for statements without a Sid. */
  index: number;
}

export interface Evaluation {
  decision: "allow" | "explicit-deny" | "implicit-deny";
  /** The deciding statement: the first explicit Deny, else the first Allow. */
  statement?: StatementRef;
  /** A sentence for a person: what was asked and why it was (not) allowed. */
  reason: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** IAM's "string or array of strings"; any other shape gives undefined (the statement is malformed). */
function stringList(v: unknown): string[] | undefined {
  if (typeof v === "string") return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v as string[];
  return undefined;
}

function statementsOf(doc: unknown): PolicyStatement[] {
  if (!isObj(doc)) return [];
  const s = doc.Statement;
  if (Array.isArray(s)) return s.filter(isObj) as PolicyStatement[];
  return isObj(s) ? [s as PolicyStatement] : [];
}

// Wildcard patterns are matched by simulating their automaton (positions reachable after each character), never
// with a backtracking regex: a stored pattern like `*a*a*a*a*b` costs O(pattern × text), not exponential time.
const STAR = -1; // any run of characters
const SEGMENT_STAR = -2; // any run without a colon
const ONE = -3; // one character
const SEGMENT_ONE = -4; // one character that is not a colon

type Pattern = number[];

const patternCache = new Map<string, Pattern>();

function compile(kind: "glob" | "arn", pattern: string): Pattern {
  const key = `${kind}|${pattern}`;
  let tokens = patternCache.get(key);
  if (!tokens) {
    tokens = [];
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === "*") {
        // In an ARN a `*` stays within its segment unless it ends the segment.
        tokens.push(kind === "glob" || i === pattern.length - 1 || pattern[i + 1] === ":" ? STAR : SEGMENT_STAR);
      } else if (c === "?") tokens.push(kind === "glob" ? ONE : SEGMENT_ONE);
      else tokens.push(pattern.charCodeAt(i));
    }
    if (patternCache.size > 10_000) patternCache.clear();
    patternCache.set(key, tokens);
  }
  return tokens;
}

const COLON = ":".charCodeAt(0);

function run(tokens: Pattern, text: string): boolean {
  const m = tokens.length;
  let states = new Uint8Array(m + 1);
  const close = (set: Uint8Array) => {
    for (let p = 0; p < m; p++) if (set[p] && (tokens[p] === STAR || tokens[p] === SEGMENT_STAR)) set[p + 1] = 1;
  };
  states[0] = 1;
  close(states);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const next = new Uint8Array(m + 1);
    let any = false;
    for (let p = 0; p < m; p++) {
      if (!states[p]) continue;
      const t = tokens[p];
      if (t === STAR || (t === SEGMENT_STAR && c !== COLON)) next[p] = 1;
      else if (t === ONE || (t === SEGMENT_ONE && c !== COLON) || t === c) next[p + 1] = 1;
      else continue;
      any = true;
    }
    if (!any) return false;
    close(next);
    states = next;
  }
  return states[m] === 1;
}

/** `*` = any run of characters, `?` = one character, the rest literal; whole-string match. */
function globMatches(pattern: string, text: string, ignoreCase = false): boolean {
  return ignoreCase ? run(compile("glob", pattern.toLowerCase()), text.toLowerCase()) : run(compile("glob", pattern), text);
}

/** Actions match case-insensitively; `*` and `?` span anything, the colon included (`*` alone is every action). */
export function actionMatches(pattern: string, action: string): boolean {
  return globMatches(pattern, action, true);
}

/**
 * IAM's ARN matching (Resource, ArnLike/ArnEquals): case-sensitive; `?` is one character and `*` any run within a
 * colon-delimited segment, except that a `*` ending a segment may run past colons (so `function:*` also matches
 * `function:name:alias`, as IAM documents). The pattern `*` alone matches every resource.
 */
export function arnMatches(pattern: string, arn: string): boolean {
  return pattern === "*" || run(compile("arn", pattern), arn);
}

// ---------------------------------------------------------------------------------------------------------------
// Conditions

type Compare = (contextValue: string, policyValue: string) => boolean;

const num = (s: string) => (s.trim() === "" ? NaN : Number(s));
const date = (s: string) => (/^\d+$/.test(s) ? Number(s) * 1000 : Date.parse(s));

function numeric(op: (a: number, b: number) => boolean, parse = num): Compare {
  return (c, p) => {
    const a = parse(c);
    const b = parse(p);
    return !Number.isNaN(a) && !Number.isNaN(b) && op(a, b);
  };
}

/** Positive operators; each `…Not…` operator is the complement of its positive one. */
const POSITIVE: Record<string, Compare> = {
  stringequals: (c, p) => c === p,
  stringequalsignorecase: (c, p) => c.toLowerCase() === p.toLowerCase(),
  stringlike: (c, p) => globMatches(p, c),
  arnequals: (c, p) => arnMatches(p, c),
  arnlike: (c, p) => arnMatches(p, c),
  bool: (c, p) => c.toLowerCase() === p.toLowerCase(),
  numericequals: numeric((a, b) => a === b),
  numericlessthan: numeric((a, b) => a < b),
  numericlessthanequals: numeric((a, b) => a <= b),
  numericgreaterthan: numeric((a, b) => a > b),
  numericgreaterthanequals: numeric((a, b) => a >= b),
  dateequals: numeric((a, b) => a === b, date),
  datelessthan: numeric((a, b) => a < b, date),
  datelessthanequals: numeric((a, b) => a <= b, date),
  dategreaterthan: numeric((a, b) => a > b, date),
  dategreaterthanequals: numeric((a, b) => a >= b, date),
};

const NEGATED: Record<string, string> = {
  stringnotequals: "stringequals",
  stringnotequalsignorecase: "stringequalsignorecase",
  stringnotlike: "stringlike",
  arnnotequals: "arnequals",
  arnnotlike: "arnlike",
  numericnotequals: "numericequals",
  datenotequals: "dateequals",
};

function contextValues(context: RequestContext, key: string): string[] | undefined {
  const k = key.toLowerCase();
  for (const [name, value] of Object.entries(context)) {
    if (name.toLowerCase() !== k || value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    return values.length ? values : undefined;
  }
  return undefined;
}

/** Whether one `Operator: { key: values }` entry holds; the operator name is matched case-insensitively. */
function conditionHolds(operator: string, key: string, raw: unknown, context: RequestContext): boolean {
  const policyValues = (Array.isArray(raw) ? raw : [raw]).filter((v) => ["string", "number", "boolean"].includes(typeof v)).map(String);
  if (!policyValues.length) return false;
  let op = operator.toLowerCase();
  const set = /^(forallvalues|foranyvalue):/.exec(op)?.[1];
  if (set) op = op.slice(set.length + 1);
  const present = contextValues(context, key);

  if (op === "null") {
    // "true": the key must be absent; "false": it must be present.
    return policyValues.some((v) => (v.toLowerCase() === "true" ? !present : v.toLowerCase() === "false" ? !!present : false));
  }
  let ifExists = false;
  if (op.endsWith("ifexists")) {
    ifExists = true;
    op = op.slice(0, -"ifexists".length);
  }
  const negated = op in NEGATED;
  const compare = POSITIVE[negated ? NEGATED[op] : op];
  if (!compare) return false; // an operator IAM would have refused (IpAddress, Binary…): never holds

  if (!present) {
    if (ifExists) return true;
    if (set === "forallvalues") return true; // vacuously: every one of no values matches
    if (set === "foranyvalue") return false;
    return negated; // a missing key is "not equal" to anything, and never "equal"
  }
  const matchesOne = (c: string) => policyValues.some((p) => compare(c, p));
  // Positive: a context value matches one of the policy values. Negated: it matches none of them.
  const holdsFor = (c: string) => (negated ? !matchesOne(c) : matchesOne(c));
  if (set === "forallvalues") return present.every(holdsFor);
  if (set === "foranyvalue") return present.some(holdsFor);
  // A plain operator on a multi-valued key: positive if any value matches, negated if none does.
  return negated ? !present.some(matchesOne) : present.some(matchesOne);
}

/** The first condition entry that does not hold ("ArnLike aws:SourceArn"), or undefined when all hold (AND). */
export function failingCondition(condition: unknown, context: RequestContext): string | undefined {
  if (condition === undefined) return undefined;
  if (!isObj(condition)) return "a malformed Condition";
  for (const [operator, block] of Object.entries(condition)) {
    if (!isObj(block)) return `${operator} (malformed)`;
    for (const [key, values] of Object.entries(block)) {
      if (!conditionHolds(operator, key, values, context)) return `${operator} ${key}`;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Statements

function listMatches(values: unknown, negated: unknown, test: (p: string) => boolean): boolean | undefined {
  if (values !== undefined && negated !== undefined) return undefined;
  if (values !== undefined) {
    const list = stringList(values);
    return list ? list.some(test) : undefined;
  }
  if (negated !== undefined) {
    const list = stringList(negated);
    return list ? !list.some(test) : undefined;
  }
  return undefined;
}

type Effect = "Allow" | "Deny";

function effectOf(st: PolicyStatement): Effect | undefined {
  return st.Effect === "Allow" || st.Effect === "Deny" ? st.Effect : undefined;
}

/** Whether the statement's Action/NotAction and Resource/NotResource cover the request (conditions aside). */
function statementCovers(st: PolicyStatement, action: string, resource: string | undefined): boolean {
  if (listMatches(st.Action, st.NotAction, (p) => actionMatches(p, action)) !== true) return false;
  if (resource === undefined) return true;
  return listMatches(st.Resource, st.NotResource, (p) => arnMatches(p, resource)) === true;
}

const ref = (policy: string, st: PolicyStatement, index: number): StatementRef => ({
  policy,
  ...(typeof st.Sid === "string" && st.Sid ? { sid: st.Sid } : {}),
  index,
});

export function describeStatement(s: StatementRef): string {
  return s.sid ? `statement "${s.sid}" of policy ${s.policy}` : `statement ${s.index} of policy ${s.policy}`;
}

/** IAM's decision for an identity-based request: an explicit Deny wins, else any Allow, else implicit deny. */
export function evaluatePolicies(policies: NamedPolicy[], request: EvaluationRequest): Evaluation {
  const asked = `${request.action} on ${request.resource}`;
  let allow: StatementRef | undefined;
  for (const { name, document } of policies) {
    const statements = statementsOf(document);
    for (let i = 0; i < statements.length; i++) {
      const st = statements[i];
      const effect = effectOf(st);
      if (!effect || !statementCovers(st, request.action, request.resource)) continue;
      if (failingCondition(st.Condition, request.context) !== undefined) continue;
      if (effect === "Deny") {
        const deny = ref(name, st, i + 1);
        return { decision: "explicit-deny", statement: deny, reason: `${asked} is explicitly denied by ${describeStatement(deny)}` };
      }
      allow ??= ref(name, st, i + 1);
    }
  }
  return allow
    ? { decision: "allow", statement: allow, reason: `${asked} is allowed by ${describeStatement(allow)}` }
    : { decision: "implicit-deny", reason: `no statement allows ${asked}` };
}

// ---------------------------------------------------------------------------------------------------------------
// Trust

export interface AssumeRequest {
  servicePrincipal: string;
  sourceAccount: string;
  sourceArn: string;
  action?: "sts:AssumeRole";
}

function principalMatches(principal: unknown, service: string): boolean {
  if (principal === "*") return true;
  if (!isObj(principal)) return false;
  for (const [key, value] of Object.entries(principal)) {
    const list = stringList(value);
    if (!list) continue;
    if (key === "AWS" && list.includes("*")) return true;
    if (key === "Service" && list.some((v) => v === service)) return true;
  }
  return false;
}

/** Whether the statement names the principal (Principal, or NotPrincipal that leaves it out). */
function statementNames(st: PolicyStatement, service: string): boolean {
  if (st.Principal !== undefined && st.NotPrincipal !== undefined) return false;
  if (st.Principal !== undefined) return principalMatches(st.Principal, service);
  if (st.NotPrincipal !== undefined) return !principalMatches(st.NotPrincipal, service);
  return false;
}

/**
 * Whether a role's trust policy lets `servicePrincipal` assume it on behalf of `sourceArn` in `sourceAccount`
 * (the confused-deputy keys `aws:SourceAccount` and `aws:SourceArn` are in the request context).
 */
export function canAssume(trustPolicy: PolicyDocument, request: AssumeRequest): { allowed: boolean; reason: string } {
  const action = request.action ?? "sts:AssumeRole";
  const context: RequestContext = {
    "aws:SourceAccount": request.sourceAccount,
    "aws:SourceArn": request.sourceArn,
    "aws:PrincipalServiceName": request.servicePrincipal,
  };
  const statements = statementsOf(trustPolicy).map((st, i) => ({ st, ref: ref("trust policy", st, i + 1) }));
  const which = (r: StatementRef) => (r.sid ? `statement "${r.sid}"` : `statement ${r.index}`);
  const source = `${/:gateway\//.test(request.sourceArn) ? "gateway" : "source"} ${request.sourceArn}`;
  const relevant = statements.filter(({ st }) => effectOf(st) && statementNames(st, request.servicePrincipal) && statementCovers(st, action, undefined));
  for (const { st, ref: r } of relevant) {
    if (effectOf(st) === "Deny" && failingCondition(st.Condition, context) === undefined) {
      return { allowed: false, reason: `the trust policy explicitly denies ${request.servicePrincipal} ${action} (${which(r)})` };
    }
  }
  const allows = relevant.filter(({ st }) => effectOf(st) === "Allow");
  if (!allows.length) {
    return { allowed: false, reason: `the trust policy does not allow ${request.servicePrincipal} to ${action}` };
  }
  const failures: string[] = [];
  for (const { st, ref: r } of allows) {
    const failing = failingCondition(st.Condition, context);
    if (failing === undefined) {
      return { allowed: true, reason: `${request.servicePrincipal} may ${action} by ${which(r)} of the trust policy` };
    }
    failures.push(`${failing} does not match`);
  }
  return {
    allowed: false,
    reason: `the trust policy does not allow ${request.servicePrincipal} for ${source} in account ${request.sourceAccount} (${[...new Set(failures)].join("; ")})`,
  };
}
