// Whether a gateway may use its execution role for one call: the role exists, trusts the gateway, and allows the call.
//
//   authorizeGatewayRole(store, { accountId, region, roleArn, gatewayArn }, { action, resource, context? })
//     → { allowed: true; statement } | { allowed: false; code: "AccessDeniedException"; reason }
//
// `store` is the sandbox Store (ctx.store in an operation or HTTP route); the IAM state is read from it, never
// written (RoleLastUsed is left alone so that calls cost no disk write). Documents are stored as the text IAM was
// sent; they are parsed here with a depth limit, and one that does not parse grants nothing. Permissions
// boundaries are applied when the sandbox knows the boundary's document (AWS managed catalog or CreatePolicy).
import { tooDeep } from "../../core/limits";
import { parseJsonDict } from "../../core/dict";
import type { Store } from "../../core/store";
import { AWS_MANAGED_POLICY_DOCUMENTS } from "./aws-managed-policies";
import { canAssume, describeStatement, evaluatePolicies, type NamedPolicy, type PolicyDocument, type RequestContext } from "./evaluate";
import { findPolicy, findRole, iamState, type IamState, type RoleRecord } from "./models";

export const GATEWAY_SERVICE_PRINCIPAL = "bedrock-agentcore.amazonaws.com";

export interface GatewayRoleRequest {
  accountId: string;
  region: string;
  roleArn: string;
  gatewayArn: string;
}

export interface RoleCall {
  /** e.g. `lambda:InvokeFunction`. */
  action: string;
  /** e.g. the function ARN. */
  resource: string;
  /** Extra condition keys for the call (service-specific ones); the global keys are filled in here. */
  context?: RequestContext;
}

export type RoleAuthorization =
  | { allowed: true; statement: { policy: string; sid?: string } }
  | { allowed: false; code: "AccessDeniedException"; reason: string };

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role(\/|\/[\u0021-\u007E]*\/)([\w+=,.@-]{1,64})$/;

/** Parses a stored policy document; undefined for text that is not a JSON object or nests too deeply. */
export function parsePolicyText(text: unknown): PolicyDocument | undefined {
  if (typeof text !== "string" || tooDeep(text)) return undefined;
  try {
    const doc = parseJsonDict(text);
    return doc && typeof doc === "object" && !Array.isArray(doc) ? (doc as PolicyDocument) : undefined;
  } catch {
    return undefined;
  }
}

/** The document of a managed policy ARN, when the sandbox has one (AWS catalog or CreatePolicy). */
function managedDocument(state: IamState, arn: string): PolicyDocument | undefined {
  const aws = /^arn:aws:iam::aws:policy(\/.*)$/.exec(arn)?.[1];
  if (aws !== undefined) return Object.prototype.hasOwnProperty.call(AWS_MANAGED_POLICY_DOCUMENTS, aws) ? AWS_MANAGED_POLICY_DOCUMENTS[aws] : undefined;
  const p = findPolicy(state, arn);
  return p ? parsePolicyText(p.document) : undefined;
}

/** The role's identity policies: inline ones by name, attached managed ones by ARN. */
export function rolePolicies(state: IamState, role: RoleRecord): NamedPolicy[] {
  const out: NamedPolicy[] = [];
  for (const p of Object.values(role.inlinePolicies)) {
    const document = parsePolicyText(p.PolicyDocument);
    if (document) out.push({ name: p.PolicyName, document });
  }
  for (const a of [...role.attachedPolicies].sort((x, y) => x.seq - y.seq)) {
    const document = managedDocument(state, a.PolicyArn);
    if (document) out.push({ name: a.PolicyArn, document });
  }
  return out;
}

/** Global condition keys of a request made with the role's session (what IAM puts in the request context). */
function requestContext(role: RoleRecord, request: GatewayRoleRequest, call: RoleCall, now: number): RequestContext {
  const resourceAccount = /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(call.resource)?.[1];
  const context: RequestContext = {
    "aws:PrincipalArn": role.Arn,
    "aws:PrincipalAccount": request.accountId,
    "aws:PrincipalType": "AssumedRole",
    "aws:userid": `${role.RoleId}:gateway`,
    "aws:RequestedRegion": request.region,
    "aws:SecureTransport": "true",
    "aws:ViaAWSService": "true",
    "aws:CalledViaLast": GATEWAY_SERVICE_PRINCIPAL,
    "aws:CurrentTime": new Date(now).toISOString(),
    "aws:EpochTime": String(Math.floor(now / 1000)),
    ...(resourceAccount ? { "aws:ResourceAccount": resourceAccount } : {}),
  };
  for (const t of role.Tags) context[`aws:PrincipalTag/${t.Key}`] = t.Value;
  return { ...context, ...call.context };
}

const denied = (reason: string): RoleAuthorization => ({ allowed: false, code: "AccessDeniedException", reason });

/** Decides one call the gateway is about to make with its execution role, as AWS would. */
export function authorizeGatewayRole(store: Store, request: GatewayRoleRequest, call: RoleCall, now = Date.now()): RoleAuthorization {
  const m = ROLE_ARN.exec(request.roleArn);
  if (!m) return denied(`The execution role ARN ${request.roleArn} is not an IAM role ARN.`);
  const [, account, , name] = m;
  if (account !== request.accountId) {
    return denied(`The execution role ${request.roleArn} is in account ${account}, not the gateway's account ${request.accountId}.`);
  }
  const state = iamState(store);
  const role = findRole(state, name);
  if (!role || role.Arn !== request.roleArn) return denied(`The execution role ${request.roleArn} does not exist.`);

  const trust = parsePolicyText(role.AssumeRolePolicyDocument);
  const assume = trust
    ? canAssume(trust, { servicePrincipal: GATEWAY_SERVICE_PRINCIPAL, sourceAccount: request.accountId, sourceArn: request.gatewayArn })
    : { allowed: false, reason: "the trust policy cannot be read" };
  if (!assume.allowed) return denied(`The gateway cannot assume its execution role ${role.Arn}: ${assume.reason}.`);

  const evaluation = { action: call.action, resource: call.resource, context: requestContext(role, request, call, now) };
  const result = evaluatePolicies(rolePolicies(state, role), evaluation);
  if (result.decision !== "allow") {
    const why = result.decision === "explicit-deny" ? `explicitly denied by ${describeStatement(result.statement!)}` : "no statement in its policies allows it";
    return denied(`The execution role ${role.Arn} is not authorized to perform ${call.action} on ${call.resource}: ${why}.`);
  }
  const boundaryArn = role.PermissionsBoundary?.PermissionsBoundaryArn;
  const boundary = boundaryArn ? managedDocument(state, boundaryArn) : undefined;
  if (boundary && evaluatePolicies([{ name: boundaryArn!, document: boundary }], evaluation).decision !== "allow") {
    return denied(`The execution role ${role.Arn} is not authorized to perform ${call.action} on ${call.resource}: its permissions boundary ${boundaryArn} does not allow it.`);
  }
  const { policy, sid } = result.statement!;
  return { allowed: true, statement: sid ? { policy, sid } : { policy } };
}
