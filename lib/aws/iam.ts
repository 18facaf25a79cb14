// Server-only IAM operations for gateway execution roles; policy documents come back decoded and parsed.
import "server-only";
import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  PutRolePolicyCommand,
  type Role as SdkRole,
} from "@aws-sdk/client-iam";
import { toArray, type PolicyDocument } from "@/lib/policies/policy-document";
import { AGENTCORE_SERVICE_PRINCIPAL, buildGatewayTrustPolicy, formatPolicy } from "@/lib/policies/trust-policy";
import { GATEWAY_NAME_TAG_KEY, PURPOSE_TAG } from "@/lib/schemas/role";
import { iam } from "./clients";
import { ConsoleError, nullIfNotFound, toConsoleError, type ConsoleErrorKind } from "./errors";
import { allPages } from "./paging";
import type { PolicyText, RoleSummary } from "@/lib/models/roles";

export type { PolicyText, RoleSummary };

export type InlinePolicy = { policyName: string } & PolicyText;
export type AttachedPolicy = { policyName: string; policyArn: string };

export type RoleWithPolicies = RoleSummary & {
  tags: { key: string; value: string }[];
  lastUsed?: { at?: string; region?: string };
  inlinePolicies: InlinePolicy[];
  attachedPolicies: AttachedPolicy[];
};

// IAM errors toConsoleError does not classify by name.
const IAM_KINDS: Record<string, ConsoleErrorKind> = {
  InvalidInputException: "validation",
  ValidationError: "validation",
  PolicyNotAttachableException: "validation",
  UnmodifiableEntityException: "conflict",
  ConcurrentModificationException: "conflict",
  ServiceFailureException: "server",
};

function iamError(err: unknown, what: string): ConsoleError {
  const e = toConsoleError(err, what);
  const kind = IAM_KINDS[e.awsName];
  return e.kind === "unknown" && kind ? new ConsoleError(kind, e.message, e.awsName, e.fieldList) : e;
}

// A guard against a backend that never stops paging; IAM allows at most 5,000 roles per account.
const MAX_LIST_PAGES = 1000;

/** Every page of an IAM list call, which pages with Marker and IsTruncated. */
function allMarkerPages<T>(fetchPage: (marker: string | undefined) => Promise<{ items: T[]; out: { IsTruncated?: boolean; Marker?: string } }>): Promise<T[]> {
  return allPages(
    async (marker) => {
      const { items, out } = await fetchPage(marker);
      return { items, nextToken: out.IsTruncated ? out.Marker : undefined };
    },
    { maxPages: MAX_LIST_PAGES },
  );
}

/** IAM returns policy documents URL-encoded (RFC 3986). */
export function decodePolicyDocument(encoded: string | undefined): PolicyText {
  if (!encoded) return { text: "", document: null };
  let text = encoded;
  try {
    text = decodeURIComponent(encoded);
  } catch {
    // Not percent-encoded after all (some tools hand the raw JSON back): keep it as it is.
  }
  try {
    return { text, document: JSON.parse(text) as unknown };
  } catch {
    return { text, document: null };
  }
}

/** True when an Allow statement names bedrock-agentcore.amazonaws.com as a service principal. */
export function trustsAgentCore(document: unknown): boolean {
  if (typeof document !== "object" || document === null) return false;
  const statements = toArray((document as { Statement?: unknown }).Statement as unknown[] | undefined);
  return statements.some((s) => {
    if (typeof s !== "object" || s === null) return false;
    const { Effect, Principal } = s as { Effect?: unknown; Principal?: unknown };
    if (Effect !== "Allow" || typeof Principal !== "object" || Principal === null) return false;
    const services = (Principal as { Service?: unknown }).Service;
    return toArray(services as string | string[] | undefined).includes(AGENTCORE_SERVICE_PRINCIPAL);
  });
}

const iso = (d: Date | undefined) => (d ? d.toISOString() : "");

function summary(r: SdkRole): RoleSummary {
  return {
    roleName: r.RoleName ?? "",
    roleArn: r.Arn ?? "",
    roleId: r.RoleId ?? "",
    path: r.Path ?? "/",
    description: r.Description || undefined,
    createdAt: iso(r.CreateDate),
    maxSessionDuration: r.MaxSessionDuration,
    trustPolicy: decodePolicyDocument(r.AssumeRolePolicyDocument),
  };
}

const policyText = (document: PolicyDocument | string) => (typeof document === "string" ? document : formatPolicy(document));

export type ListRolesOptions = { pathPrefix?: string; /** ListRoles MaxItems per page, 1–1000. */ pageSize?: number };

/** Every role (all ListRoles pages, read on the server), optionally under a path prefix. */
export async function listRoles(region: string, opts: ListRolesOptions = {}): Promise<RoleSummary[]> {
  try {
    return await allMarkerPages(async (marker) => {
      const out = await iam(region).send(new ListRolesCommand({ PathPrefix: opts.pathPrefix, Marker: marker, MaxItems: opts.pageSize ?? 1000 }));
      return { items: (out.Roles ?? []).map(summary), out };
    });
  } catch (err) {
    throw iamError(err, "list IAM roles");
  }
}

/** The roles whose trust policy lets bedrock-agentcore.amazonaws.com assume them, by name. */
export async function listRolesTrustingAgentCore(region: string, opts: ListRolesOptions = {}): Promise<RoleSummary[]> {
  return (await listRoles(region, opts)).filter((r) => trustsAgentCore(r.trustPolicy.document));
}

/** The role, or null when it does not exist. */
export async function getRole(region: string, roleName: string): Promise<(RoleSummary & { tags: { key: string; value: string }[] }) | null> {
  const role = await nullIfNotFound(`load the role ${roleName}`, async () => (await iam(region).send(new GetRoleCommand({ RoleName: roleName }))).Role, iamError);
  if (!role) return null;
  return { ...summary(role), tags: (role.Tags ?? []).map((t) => ({ key: t.Key ?? "", value: t.Value ?? "" })) };
}

/** The inline policy, or null when the role has none by that name. */
export async function getInlinePolicy(region: string, roleName: string, policyName: string): Promise<InlinePolicy | null> {
  return nullIfNotFound(
    `read the inline policy ${policyName} of the role ${roleName}`,
    async () => {
      const out = await iam(region).send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }));
      return { policyName: out.PolicyName ?? policyName, ...decodePolicyDocument(out.PolicyDocument) };
    },
    iamError,
  );
}

async function listInlinePolicyNames(region: string, roleName: string): Promise<string[]> {
  return allMarkerPages(async (marker) => {
    const out = await iam(region).send(new ListRolePoliciesCommand({ RoleName: roleName, Marker: marker, MaxItems: 1000 }));
    return { items: out.PolicyNames ?? [], out };
  });
}

async function listAttachedPolicies(region: string, roleName: string): Promise<AttachedPolicy[]> {
  return allMarkerPages(async (marker) => {
    const out = await iam(region).send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, Marker: marker, MaxItems: 1000 }));
    return { items: (out.AttachedPolicies ?? []).map((p) => ({ policyName: p.PolicyName ?? "", policyArn: p.PolicyArn ?? "" })), out };
  });
}

/** The role with its tags, inline policies (decoded) and attached managed policies; null when it does not exist. */
export async function getRoleWithPolicies(region: string, roleName: string): Promise<RoleWithPolicies | null> {
  const role = await nullIfNotFound(`load the role ${roleName}`, async () => (await iam(region).send(new GetRoleCommand({ RoleName: roleName }))).Role, iamError);
  if (!role) return null;
  try {
    const [names, attachedPolicies] = await Promise.all([listInlinePolicyNames(region, roleName), listAttachedPolicies(region, roleName)]);
    const inlinePolicies = await Promise.all(
      names.map(async (policyName) => {
        const out = await iam(region).send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }));
        return { policyName, ...decodePolicyDocument(out.PolicyDocument) };
      }),
    );
    const used = role.RoleLastUsed;
    return {
      ...summary(role),
      tags: (role.Tags ?? []).map((t) => ({ key: t.Key ?? "", value: t.Value ?? "" })),
      lastUsed: used?.LastUsedDate || used?.Region ? { at: used.LastUsedDate ? iso(used.LastUsedDate) : undefined, region: used.Region } : undefined,
      inlinePolicies,
      attachedPolicies,
    };
  } catch (err) {
    throw iamError(err, `read the policies of the role ${roleName}`);
  }
}

export type CreateRoleInput = {
  roleName: string;
  trustPolicy: PolicyDocument | string;
  description?: string;
  path?: string;
  tags?: { key: string; value: string }[];
};

export async function createRole(region: string, input: CreateRoleInput): Promise<RoleSummary> {
  try {
    const out = await iam(region).send(
      new CreateRoleCommand({
        RoleName: input.roleName,
        AssumeRolePolicyDocument: policyText(input.trustPolicy),
        Description: input.description,
        Path: input.path,
        Tags: input.tags?.map((t) => ({ Key: t.key, Value: t.value })),
      }),
    );
    if (!out.Role) throw new Error("CreateRole returned no role");
    return summary(out.Role);
  } catch (err) {
    throw iamError(err, `create the role ${input.roleName}`);
  }
}

/** Adds or replaces an inline policy of the role (PutRolePolicy overwrites a policy of the same name). */
export async function putInlinePolicy(region: string, roleName: string, policyName: string, document: PolicyDocument | string): Promise<void> {
  try {
    await iam(region).send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: policyName, PolicyDocument: policyText(document) }));
  } catch (err) {
    throw iamError(err, `add the inline policy ${policyName} to the role ${roleName}`);
  }
}

/** Deletes one inline policy of the role; false when it was already gone. */
export async function deleteInlinePolicy(region: string, roleName: string, policyName: string): Promise<boolean> {
  try {
    await iam(region).send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }));
    return true;
  } catch (err) {
    const e = iamError(err, `delete the inline policy ${policyName} of the role ${roleName}`);
    if (e.kind === "not-found") return false;
    throw e;
  }
}

/**
 * Deletes the role after deleting the named inline policies (IAM refuses to delete a role that still has
 * policies: DeleteConflict). Policies already gone are skipped; attached managed policies are left alone.
 */
export async function deleteRole(region: string, roleName: string, opts: { inlinePolicyNames?: string[] } = {}): Promise<{ deleted: string[] }> {
  const deleted: string[] = [];
  for (const policyName of opts.inlinePolicyNames ?? []) {
    try {
      await iam(region).send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }));
      deleted.push(`inline policy ${policyName}`);
    } catch (err) {
      const e = iamError(err, `delete the inline policy ${policyName} of the role ${roleName}`);
      if (e.kind !== "not-found") throw e;
    }
  }
  try {
    await iam(region).send(new DeleteRoleCommand({ RoleName: roleName }));
    deleted.push(`role ${roleName}`);
  } catch (err) {
    throw iamError(err, `delete the role ${roleName}`);
  }
  return { deleted };
}

export type CreateExecutionRoleInput = {
  roleName: string;
  /** Scopes the trust to gateways of this name; omitted means any gateway of the account and region. */
  gatewayName?: string;
  description?: string;
  accountId: string;
  region: string;
  /** An inline permission policy to put on the role right after creating it. */
  inlinePolicy?: { policyName: string; document: PolicyDocument | string };
};

export type CreateExecutionRoleResult = {
  roleName: string;
  roleArn: string;
  trustPolicy: PolicyDocument;
  /** What this call created, in order, e.g. ["role orders-role", "inline policy AgentCoreGatewayPermissions"]. */
  created: string[];
  /** The role already existed with this exact trust policy (a retry): it was reused, not created. */
  reused: boolean;
};

/** A later step of createExecutionRole failed: says what had been created by then, so nothing is left unexplained. */
export class PartialCreateError extends ConsoleError {
  readonly roleName: string;
  readonly roleArn: string;
  readonly created: string[];

  constructor(cause: ConsoleError, role: { roleName: string; roleArn: string; created: string[]; policyName: string }) {
    const state = role.created.length ? `was created (${role.roleArn})` : "already existed with this trust policy";
    super(
      cause.kind,
      `The role ${role.roleName} ${state}, but its inline policy ${role.policyName} was not added. ${cause.message} Submitting the same role again reuses it.`,
      cause.awsName,
      cause.fieldList,
    );
    this.name = "PartialCreateError";
    this.roleName = role.roleName;
    this.roleArn = role.roleArn;
    this.created = role.created;
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function parsedDocument(document: PolicyDocument | string): unknown {
  if (typeof document !== "string") return document;
  try {
    return JSON.parse(document) as unknown;
  } catch {
    return document;
  }
}

/** When CreateRole says the name is taken: the existing role if the console made it with this exact trust policy. */
async function reusableRole(region: string, roleName: string, trust: PolicyDocument, conflict: ConsoleError) {
  const existing = await getRole(region, roleName);
  const ours = existing?.tags.some((t) => t.key === PURPOSE_TAG.key && t.value === PURPOSE_TAG.value);
  if (!existing || !ours || !sameJson(existing.trustPolicy.document, trust)) throw conflict;
  return existing;
}

/**
 * Creates a gateway execution role: CreateRole with the gateway trust policy (tagged as the console's), then
 * PutRolePolicy when an inline policy is given. A retry after a partial failure reuses the role the console
 * created with the same trust policy, so submitting twice never fails on the first step's success.
 */
export async function createExecutionRole(input: CreateExecutionRoleInput): Promise<CreateExecutionRoleResult> {
  const { roleName, region } = input;
  const trustPolicy = buildGatewayTrustPolicy({ accountId: input.accountId, region, gatewayName: input.gatewayName });
  const tags: { key: string; value: string }[] = [{ key: PURPOSE_TAG.key, value: PURPOSE_TAG.value }];
  if (input.gatewayName) tags.push({ key: GATEWAY_NAME_TAG_KEY, value: input.gatewayName });

  const created: string[] = [];
  let role: RoleSummary;
  let reused = false;
  try {
    role = await createRole(region, { roleName, trustPolicy, description: input.description, tags });
    created.push(`role ${role.roleName}`);
  } catch (err) {
    if (!(err instanceof ConsoleError) || err.awsName !== "EntityAlreadyExistsException") throw err;
    role = await reusableRole(region, roleName, trustPolicy, err);
    reused = true;
  }

  const policy = input.inlinePolicy;
  if (policy) {
    try {
      const current = reused ? await getInlinePolicy(region, role.roleName, policy.policyName) : null;
      if (current && !sameJson(current.document, parsedDocument(policy.document))) {
        throw new ConsoleError(
          "conflict",
          `The role ${role.roleName} already has an inline policy named ${policy.policyName} with other statements; it was left unchanged. Choose another policy name.`,
          "EntityAlreadyExists",
        );
      }
      if (!current) {
        await putInlinePolicy(region, role.roleName, policy.policyName, policy.document);
        created.push(`inline policy ${policy.policyName}`);
      }
    } catch (err) {
      const cause = err instanceof ConsoleError ? err : iamError(err, `add the inline policy ${policy.policyName} to the role ${role.roleName}`);
      throw new PartialCreateError(cause, { roleName: role.roleName, roleArn: role.roleArn, created, policyName: policy.policyName });
    }
  }
  return { roleName: role.roleName, roleArn: role.roleArn, trustPolicy, created, reused };
}
