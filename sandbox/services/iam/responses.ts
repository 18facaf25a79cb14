// IAM wire handlers (moto "responses"): role operations on top of the state in models.ts. The core decodes the
// awsQuery form and encodes the XML from the model; handlers return plain objects or throw ServiceError.
import { operationsByName, ServiceError, type OperationContext, type OperationHandler } from "../../core/types";
import { policyDocumentProblem, type PolicyKind } from "./documents";
import { AWS_MANAGED_POLICY_DOCUMENTS } from "./aws-managed-policies";
import {
  DEFAULT_MAX_ITEMS,
  DEFAULT_MAX_SESSION_DURATION,
  LIMITS,
  decodeMarker,
  encodeMarker,
  encodePolicyDocument,
  findPolicy,
  findRole,
  iamState,
  inlinePolicyBytes,
  lookupManagedPolicy,
  newRoleId,
  policyArn,
  policySize,
  roleArn,
  roleKey,
  roleView,
  setOwn,
  type IamState,
  type ManagedPolicyRecord,
  type ManagedPolicyRef,
  type RoleRecord,
  type Tag,
} from "./models";

const state = (ctx: OperationContext): IamState => iamState(ctx.store);

const noSuchRole = (name: string) => new ServiceError("NoSuchEntityException", `The role with name ${name} cannot be found.`);

function getRole(ctx: OperationContext, name: string): RoleRecord {
  const role = findRole(state(ctx), name);
  if (!role) throw noSuchRole(name);
  return role;
}

function malformed(message: string): ServiceError {
  return new ServiceError("MalformedPolicyDocumentException", message);
}

function checkDocument(ctx: OperationContext, doc: string, kind: PolicyKind): void {
  const problem = policyDocumentProblem(doc, kind, {
    roleExists: (arn) => !!findRole(state(ctx), arn.slice(arn.lastIndexOf("/") + 1)),
  });
  if (problem) throw malformed(problem);
}

function checkTrustPolicySize(doc: string): void {
  if (policySize(doc) > LIMITS.trustPolicyChars) {
    throw new ServiceError("LimitExceededException", `Cannot exceed quota for ACLSizePerRole: ${LIMITS.trustPolicyChars}`);
  }
}

/** Tag keys are unique case-insensitively, in a request and on a role. */
function checkTagKeys(tags: Tag[]): void {
  const keys = tags.map((t) => t.Key.toLowerCase());
  if (new Set(keys).size !== keys.length) {
    throw new ServiceError("InvalidInputException", "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
  }
}

function mergeTags(existing: Tag[], added: Tag[]): Tag[] {
  const out = existing.map((t) => ({ ...t }));
  for (const t of added) {
    const i = out.findIndex((o) => o.Key.toLowerCase() === t.Key.toLowerCase());
    if (i >= 0) out[i] = { Key: t.Key, Value: t.Value };
    else out.push({ Key: t.Key, Value: t.Value });
  }
  return out;
}

function invalidArn(arn: string): ServiceError {
  return new ServiceError("InvalidInputException", `ARN ${arn} is not valid.`);
}

function resolvePolicy(arn: string): ManagedPolicyRef {
  const found = lookupManagedPolicy(arn);
  if (!found.ok) {
    if (found.reason === "invalid-arn") throw invalidArn(arn);
    throw new ServiceError("NoSuchEntityException", `Policy ${arn} does not exist or is not attachable.`);
  }
  return found.policy;
}

interface Page<T> {
  items: T[];
  IsTruncated: boolean;
  Marker?: string;
}

/** Marker/MaxItems paging over items sorted by `key`; the marker names the first key of the next page. */
function paginate<T, K extends string | number>(sorted: T[], key: (t: T) => K, kind: string, input: Record<string, unknown>): Page<T> {
  const max = (input.MaxItems as number | undefined) ?? DEFAULT_MAX_ITEMS;
  let start = 0;
  if (input.Marker !== undefined) {
    const from = decodeMarker(kind, input.Marker as string);
    if (from === undefined) throw new ServiceError("ValidationError", "Invalid Marker.", { status: 400 });
    start = sorted.findIndex((t) => key(t) >= from);
    if (start < 0) start = sorted.length;
  }
  const items = sorted.slice(start, start + max);
  const next = sorted[start + max];
  return next === undefined ? { items, IsTruncated: false } : { items, IsTruncated: true, Marker: encodeMarker(kind, key(next)) };
}

const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

// ---------------------------------------------------------------------------------------------------------------

export const createRole: OperationHandler = (input, ctx) => {
  const s = state(ctx);
  const name = input.RoleName as string;
  const path = (input.Path as string | undefined) ?? "/";
  const doc = input.AssumeRolePolicyDocument as string;
  const tags = (input.Tags as Tag[] | undefined) ?? [];
  checkTagKeys(tags);
  checkDocument(ctx, doc, "trust");
  checkTrustPolicySize(doc);
  let boundary: ManagedPolicyRef | undefined;
  if (input.PermissionsBoundary !== undefined) {
    const arn = input.PermissionsBoundary as string;
    const found = lookupManagedPolicy(arn);
    if (!found.ok) {
      if (found.reason === "invalid-arn") throw invalidArn(arn);
      throw new ServiceError("InvalidInputException", `Scope ARN: ${arn} does not exist or is not attachable.`);
    }
    boundary = found.policy;
  }
  if (findRole(s, name)) throw new ServiceError("EntityAlreadyExistsException", `Role with name ${name} already exists.`);
  const role: RoleRecord = {
    Path: path,
    RoleName: name,
    RoleId: newRoleId(s),
    Arn: roleArn(path, name),
    CreateDate: new Date(ctx.now()).toISOString(),
    AssumeRolePolicyDocument: doc,
    Description: input.Description as string | undefined,
    MaxSessionDuration: (input.MaxSessionDuration as number | undefined) ?? DEFAULT_MAX_SESSION_DURATION,
    PermissionsBoundary: boundary && { PermissionsBoundaryType: "PermissionsBoundaryPolicy", PermissionsBoundaryArn: boundary.arn },
    Tags: mergeTags([], tags),
    RoleLastUsed: {},
    inlinePolicies: {},
    attachedPolicies: [],
    attachSeq: 0,
  };
  setOwn(s.roles, roleKey(name), role);
  return { Role: roleView(role, "create") };
};

export const getRoleOp: OperationHandler = (input, ctx) => ({ Role: roleView(getRole(ctx, input.RoleName as string), "get") });

export const listRoles: OperationHandler = (input, ctx) => {
  const prefix = (input.PathPrefix as string | undefined) ?? "/";
  const roles = Object.entries(state(ctx).roles)
    .filter(([, r]) => r.Path.startsWith(prefix))
    .sort(byKey(([k]) => k));
  const page = paginate(roles, ([k]) => k, "roles", input);
  return { Roles: page.items.map(([, r]) => roleView(r, "list")), IsTruncated: page.IsTruncated, Marker: page.Marker };
};

export const deleteRole: OperationHandler = (input, ctx) => {
  const role = getRole(ctx, input.RoleName as string);
  if (Object.keys(role.inlinePolicies).length) throw new ServiceError("DeleteConflictException", "Cannot delete entity, must delete policies first.");
  if (role.attachedPolicies.length) throw new ServiceError("DeleteConflictException", "Cannot delete entity, must detach all policies first.");
  delete state(ctx).roles[roleKey(role.RoleName)];
  return {};
};

export const updateAssumeRolePolicy: OperationHandler = (input, ctx) => {
  const role = getRole(ctx, input.RoleName as string);
  const doc = input.PolicyDocument as string;
  checkDocument(ctx, doc, "trust");
  checkTrustPolicySize(doc);
  role.AssumeRolePolicyDocument = doc;
  return {};
};

export const putRolePolicy: OperationHandler = (input, ctx) => {
  const role = getRole(ctx, input.RoleName as string);
  const name = input.PolicyName as string;
  const doc = input.PolicyDocument as string;
  checkDocument(ctx, doc, "identity");
  const key = name.toLowerCase();
  if (inlinePolicyBytes(role, key) + policySize(doc) > LIMITS.inlinePolicyBytesPerRole) {
    throw new ServiceError("LimitExceededException", `Maximum policy size of ${LIMITS.inlinePolicyBytesPerRole} bytes exceeded for role ${role.RoleName}`);
  }
  setOwn(role.inlinePolicies, key, { PolicyName: name, PolicyDocument: doc });
  return {};
};

function inlinePolicy(role: RoleRecord, name: string) {
  const key = name.toLowerCase();
  const p = Object.prototype.hasOwnProperty.call(role.inlinePolicies, key) ? role.inlinePolicies[key] : undefined;
  if (!p) throw new ServiceError("NoSuchEntityException", `The role policy with name ${name} cannot be found.`);
  return { key, policy: p };
}

export const getRolePolicy: OperationHandler = (input, ctx) => {
  const role = getRole(ctx, input.RoleName as string);
  const { policy } = inlinePolicy(role, input.PolicyName as string);
  return { RoleName: role.RoleName, PolicyName: policy.PolicyName, PolicyDocument: encodePolicyDocument(policy.PolicyDocument) };
};

export const listRolePolicies: OperationHandler = (input, ctx) => {
  const role = getRole(ctx, input.RoleName as string);
  const names = Object.entries(role.inlinePolicies).sort(byKey(([k]) => k));
  const page = paginate(names, ([k]) => k, "role-policies", input);
  return { PolicyNames: page.items.map(([, p]) => p.PolicyName), IsTruncated: page.IsTruncated, Marker: page.Marker };
};

export const deleteRolePolicy: OperationHandler = (input, ctx) => {
  const role = getRole(ctx, input.RoleName as string);
  const { key } = inlinePolicy(role, input.PolicyName as string);
  delete role.inlinePolicies[key];
  return {};
};

export const attachRolePolicy: OperationHandler = (input, ctx) => {
  const role = getRole(ctx, input.RoleName as string);
  const policy = resolvePolicy(input.PolicyArn as string);
  if (!policy.attachable) throw new ServiceError("PolicyNotAttachableException", "Cannot attach a Service Role Policy to a Customer Role.");
  if (role.attachedPolicies.some((a) => a.PolicyArn === policy.arn)) return {};
  if (role.attachedPolicies.length >= LIMITS.attachedPoliciesPerRole) {
    throw new ServiceError("LimitExceededException", `Cannot exceed quota for PoliciesPerRole: ${LIMITS.attachedPoliciesPerRole}`);
  }
  role.attachedPolicies.push({ PolicyName: policy.name, PolicyArn: policy.arn, path: policy.path, seq: ++role.attachSeq });
  return {};
};

export const detachRolePolicy: OperationHandler = (input, ctx) => {
  const role = getRole(ctx, input.RoleName as string);
  const arn = input.PolicyArn as string;
  const found = lookupManagedPolicy(arn);
  if (!found.ok && found.reason === "invalid-arn") throw invalidArn(arn);
  const i = role.attachedPolicies.findIndex((a) => a.PolicyArn === arn);
  if (i < 0) throw new ServiceError("NoSuchEntityException", `Policy ${arn} was not found.`);
  role.attachedPolicies.splice(i, 1);
  return {};
};

export const listAttachedRolePolicies: OperationHandler = (input, ctx) => {
  const role = getRole(ctx, input.RoleName as string);
  const prefix = (input.PathPrefix as string | undefined) ?? "/";
  const attached = role.attachedPolicies.filter((a) => a.path.startsWith(prefix)).sort((a, b) => a.seq - b.seq);
  const page = paginate(attached, (a) => a.seq, "attached-role-policies", input);
  return {
    AttachedPolicies: page.items.map((a) => ({ PolicyName: a.PolicyName, PolicyArn: a.PolicyArn })),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
};

export const tagRole: OperationHandler = (input, ctx) => {
  const role = getRole(ctx, input.RoleName as string);
  const tags = input.Tags as Tag[];
  checkTagKeys(tags);
  const merged = mergeTags(role.Tags, tags);
  if (merged.length > LIMITS.tagsPerRole) throw new ServiceError("LimitExceededException", `Cannot exceed quota for TagsPerRole: ${LIMITS.tagsPerRole}`);
  role.Tags = merged;
  return {};
};

// ---------------------------------------------------------------------------------------------------------------
// Customer managed policies (one version each) and the AWS managed catalog, read-only.

const ANY_ARN = /^arn:[^:]+:[^:]*:[^:]*:[^:]*:.+$/;

function attachmentCount(s: IamState, arn: string): number {
  return Object.values(s.roles).filter((r) => r.attachedPolicies.some((a) => a.PolicyArn === arn)).length;
}

function policyView(s: IamState, p: ManagedPolicyRecord): Record<string, unknown> {
  return {
    PolicyName: p.PolicyName,
    PolicyId: p.PolicyId,
    Arn: p.Arn,
    Path: p.Path,
    DefaultVersionId: p.DefaultVersionId,
    AttachmentCount: attachmentCount(s, p.Arn),
    PermissionsBoundaryUsageCount: Object.values(s.roles).filter((r) => r.PermissionsBoundary?.PermissionsBoundaryArn === p.Arn).length,
    IsAttachable: true,
    Description: p.Description,
    CreateDate: p.CreateDate,
    UpdateDate: p.UpdateDate,
    Tags: p.Tags.length ? p.Tags : undefined,
  };
}

/** An AWS managed policy of the catalog as a record (fixed dates and ids: they are not the sandbox's to change). */
function awsManagedRecord(arn: string): ManagedPolicyRecord | undefined {
  const rest = /^arn:aws:iam::aws:policy(\/.*)$/.exec(arn)?.[1];
  const document = rest !== undefined && Object.prototype.hasOwnProperty.call(AWS_MANAGED_POLICY_DOCUMENTS, rest) ? AWS_MANAGED_POLICY_DOCUMENTS[rest] : undefined;
  if (!document || !lookupManagedPolicy(arn).ok) return undefined;
  const slash = rest!.lastIndexOf("/");
  return {
    PolicyName: rest!.slice(slash + 1),
    PolicyId: `ANPA${Buffer.from(rest!).toString("hex").toUpperCase().slice(0, 17).padEnd(17, "0")}`,
    Arn: arn,
    Path: rest!.slice(0, slash + 1),
    DefaultVersionId: "v1",
    CreateDate: "2015-02-06T18:39:46.000Z",
    UpdateDate: "2015-02-06T18:39:46.000Z",
    Tags: [],
    document: JSON.stringify(document),
  };
}

function managedPolicy(ctx: OperationContext, arn: string): ManagedPolicyRecord {
  if (!ANY_ARN.test(arn)) throw invalidArn(arn);
  const p = findPolicy(state(ctx), arn) ?? awsManagedRecord(arn);
  if (!p) throw new ServiceError("NoSuchEntityException", `Policy ${arn} was not found.`);
  return p;
}

export const createPolicy: OperationHandler = (input, ctx) => {
  const s = state(ctx);
  const name = input.PolicyName as string;
  const path = (input.Path as string | undefined) ?? "/";
  const doc = input.PolicyDocument as string;
  const tags = (input.Tags as Tag[] | undefined) ?? [];
  checkTagKeys(tags);
  checkDocument(ctx, doc, "identity");
  if (policySize(doc) > LIMITS.managedPolicyChars) {
    throw new ServiceError("LimitExceededException", `Cannot exceed quota for PolicySize: ${LIMITS.managedPolicyChars}`);
  }
  const key = name.toLowerCase();
  if (Object.prototype.hasOwnProperty.call(s.policies, key)) {
    throw new ServiceError("EntityAlreadyExistsException", `A policy called ${name} already exists. Duplicate names are not allowed.`);
  }
  const now = new Date(ctx.now()).toISOString();
  const record: ManagedPolicyRecord = {
    PolicyName: name,
    PolicyId: newRoleId(s, "ANPA"),
    Arn: policyArn(path, name),
    Path: path,
    DefaultVersionId: "v1",
    Description: input.Description as string | undefined,
    CreateDate: now,
    UpdateDate: now,
    Tags: mergeTags([], tags),
    document: doc,
  };
  setOwn(s.policies, key, record);
  return { Policy: policyView(s, record) };
};

export const getPolicy: OperationHandler = (input, ctx) => ({ Policy: policyView(state(ctx), managedPolicy(ctx, input.PolicyArn as string)) });

export const getPolicyVersion: OperationHandler = (input, ctx) => {
  const arn = input.PolicyArn as string;
  const p = managedPolicy(ctx, arn);
  const versionId = input.VersionId as string;
  if (versionId !== p.DefaultVersionId) throw new ServiceError("NoSuchEntityException", `Policy ${arn} version ${versionId} does not exist or is not attachable.`);
  return { PolicyVersion: { Document: encodePolicyDocument(p.document), VersionId: p.DefaultVersionId, IsDefaultVersion: true, CreateDate: p.CreateDate } };
};

export const deletePolicy: OperationHandler = (input, ctx) => {
  const s = state(ctx);
  const arn = input.PolicyArn as string;
  const p = findPolicy(s, arn);
  if (!p) {
    if (!ANY_ARN.test(arn)) throw invalidArn(arn);
    throw new ServiceError("NoSuchEntityException", `Policy ${arn} was not found.`);
  }
  if (attachmentCount(s, arn) > 0) throw new ServiceError("DeleteConflictException", "Cannot delete a policy attached to entities.");
  delete s.policies[p.PolicyName.toLowerCase()];
  return {};
};

export const roleOperations = operationsByName({
  createRole, getRole: getRoleOp, listRoles, deleteRole, updateAssumeRolePolicy, putRolePolicy, getRolePolicy, listRolePolicies,
  deleteRolePolicy, attachRolePolicy, detachRolePolicy, listAttachedRolePolicies, tagRole, createPolicy, getPolicy,
  getPolicyVersion, deletePolicy,
});
