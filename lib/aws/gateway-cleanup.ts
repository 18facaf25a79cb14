// Server-only cleanup around a gateway delete: which role and Cognito pool the console made for it (by their tags), and deleting them.
import "server-only";
import { DeleteRoleCommand, DeleteRolePolicyCommand, DetachRolePolicyCommand } from "@aws-sdk/client-iam";
import { DescribeUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { poolIdOfDiscoveryUrl, regionOfPoolId } from "@/formats/cognito-urls";
import type { Gateway } from "@/lib/models/gateways";
import type { CleanupCandidate, DeletionOutcome, GatewayRef } from "@/lib/models/relationships";
import { PURPOSE_TAG_KEY as POOL_PURPOSE_KEY, PURPOSE_TAG_VALUE as POOL_PURPOSE_VALUE } from "@/lib/schemas/cognito";
import { GATEWAY_NAME_TAG_KEY, PURPOSE_TAG as ROLE_PURPOSE } from "@/lib/schemas/role";
import { cognito, iam } from "./clients";
import { deleteUserPoolWithDomain } from "./cognito/delete";
import { nullIfNotFound, toConsoleError } from "./errors";
import { deleteGateway } from "./gateways";
import { getRoleWithPolicies } from "./iam";
import { roleNameOfArn, scanGateways, usingPool, usingRole, type GatewayScan } from "./relationships";

/**
 * The tag naming the provisioning plan that made a resource. When the gateway and a role or pool carry the same
 * value, the resource was made in the same submit as the gateway, so it is the gateway's own.
 */
export const PLAN_TAG_KEY = "agentcore-console:plan-id";

type Tags = Record<string, string>;

/** Made by the console for this gateway: its tags name the gateway, or share the gateway's plan id. */
function madeForGateway(tags: Tags, gateway: Gateway, gatewayTags: Tags): boolean {
  if (tags[GATEWAY_NAME_TAG_KEY] !== undefined) return tags[GATEWAY_NAME_TAG_KEY] === gateway.name;
  return tags[PLAN_TAG_KEY] !== undefined && tags[PLAN_TAG_KEY] === gatewayTags[PLAN_TAG_KEY];
}

function verdict(kind: "role" | "pool", consoleMade: boolean, forThis: boolean, others: GatewayRef[], scanComplete: boolean) {
  const what = kind === "role" ? "role" : "user pool";
  if (others.length) {
    const names = others.map((g) => g.name).join(", ");
    return { offered: false, checked: false, reason: `Kept: the ${what} is also used by ${others.length === 1 ? "the gateway" : `${others.length} gateways:`} ${names}.` };
  }
  if (!consoleMade) return { offered: false, checked: false, reason: `Kept: the console did not create this ${what} (it has no agentcore-console tag).` };
  if (!scanComplete) return { offered: true, checked: false, reason: `Made by the console, but not every gateway could be checked for using it.` };
  if (!forThis) return { offered: true, checked: false, reason: `Made by the console, though not for this gateway; no other gateway uses it.` };
  return { offered: true, checked: true, reason: `Made by the console for this gateway; no other gateway uses it.` };
}

/** The role and pool deleting `gateway` can take with it; `scan` may be given to reuse a scan of the region's gateways. */
export async function cleanupCandidates(region: string, gateway: Gateway, gatewayTags: Tags = {}, scan?: GatewayScan): Promise<CleanupCandidate[]> {
  const roleName = roleNameOfArn(gateway.roleArn);
  const poolId = poolIdOfDiscoveryUrl(gateway.authorizerConfiguration?.customJWTAuthorizer?.discoveryUrl);
  if (!roleName && !poolId) return [];
  const s = scan ?? (await scanGateways(region));
  const others = (used: GatewayRef[]) => used.filter((g) => g.gatewayId !== gateway.gatewayId);
  const out: CleanupCandidate[] = [];
  const [role, pool] = await Promise.all([
    roleName ? getRoleWithPolicies(region, roleName) : null,
    poolId
      ? nullIfNotFound(`read the user pool ${poolId}`, async () => (await cognito(regionOfPoolId(poolId) || region).send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool)
      : null,
  ]);
  if (roleName && role) {
    const tags: Tags = Object.fromEntries(role.tags.map((t) => [t.key, t.value]));
    const consoleMade = tags[ROLE_PURPOSE.key] === ROLE_PURPOSE.value;
    const usedBy = others(usingRole(s, roleName).gateways);
    out.push({ kind: "role", id: role.roleName, label: `role ${role.roleName}`, usedByOthers: usedBy, ...verdict("role", consoleMade, madeForGateway(tags, gateway, gatewayTags), usedBy, s.complete) });
  }
  if (poolId && pool) {
    const tags: Tags = pool.UserPoolTags ?? {};
    const consoleMade = tags[POOL_PURPOSE_KEY] === POOL_PURPOSE_VALUE;
    const usedBy = others(usingPool(s, poolId).gateways);
    const label = `user pool ${pool.Name ?? poolId} (${poolId}) with its app clients and domain`;
    out.push({ kind: "pool", id: poolId, label, usedByOthers: usedBy, ...verdict("pool", consoleMade, madeForGateway(tags, gateway, gatewayTags), usedBy, s.complete) });
  }
  return out;
}

const outcomeOf = (resource: string, err: unknown, what: string): DeletionOutcome => {
  const e = toConsoleError(err, what);
  return e.kind === "not-found" ? { resource, outcome: "already-gone" } : { resource, outcome: "failed", errorName: e.awsName, message: e.message };
};

/** Deletes the role: its inline policies and managed-policy attachments first (IAM refuses DeleteRole otherwise). */
export async function deleteRoleCompletely(region: string, roleName: string): Promise<DeletionOutcome[]> {
  const client = iam(region);
  const label = `role ${roleName}`;
  let role;
  try {
    role = await getRoleWithPolicies(region, roleName);
  } catch (err) {
    return [outcomeOf(label, err, `read the role ${roleName}`)];
  }
  if (!role) return [{ resource: label, outcome: "already-gone" }];
  const out: DeletionOutcome[] = [];
  for (const p of role.inlinePolicies) {
    out.push(
      await client
        .send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: p.policyName }))
        .then((): DeletionOutcome => ({ resource: `inline policy ${p.policyName}`, outcome: "deleted" }))
        .catch((err) => outcomeOf(`inline policy ${p.policyName}`, err, `delete the inline policy ${p.policyName}`)),
    );
  }
  for (const p of role.attachedPolicies) {
    out.push(
      await client
        .send(new DetachRolePolicyCommand({ RoleName: roleName, PolicyArn: p.policyArn }))
        .then((): DeletionOutcome => ({ resource: `attachment of ${p.policyName}`, outcome: "deleted" }))
        .catch((err) => outcomeOf(`attachment of ${p.policyName}`, err, `detach the policy ${p.policyName}`)),
    );
  }
  out.push(
    await client
      .send(new DeleteRoleCommand({ RoleName: roleName }))
      .then((): DeletionOutcome => ({ resource: label, outcome: "deleted" }))
      .catch((err) => outcomeOf(label, err, `delete the role ${roleName}`)),
  );
  return out;
}

/**
 * Deletes the gateway, then (only among the candidates offered, checked again here) the role and the pool asked for.
 * The gateway delete must succeed first: if AWS refuses it (targets left), nothing else is touched.
 */
export async function deleteGatewayAndResources(
  region: string,
  gateway: Gateway,
  wanted: { role?: string; poolId?: string },
  gatewayTags: Tags = {},
): Promise<{ outcomes: DeletionOutcome[]; refused: string[] }> {
  const candidates = wanted.role || wanted.poolId ? await cleanupCandidates(region, gateway, gatewayTags) : [];
  const allowed = (kind: "role" | "pool", id: string | undefined) => (id ? candidates.find((c) => c.kind === kind && c.id === id && c.offered) : undefined);
  const role = allowed("role", wanted.role);
  const pool = allowed("pool", wanted.poolId);
  const refused = [wanted.role && !role ? `role ${wanted.role}` : "", wanted.poolId && !pool ? `user pool ${wanted.poolId}` : ""].filter(Boolean);
  await deleteGateway(region, gateway.gatewayId);
  const outcomes: DeletionOutcome[] = [{ resource: `gateway ${gateway.name}`, outcome: "deleted" }];
  const [roleOut, poolOut] = await Promise.all([
    role ? deleteRoleCompletely(region, role.id) : [],
    pool ? deleteUserPoolWithDomain(regionOfPoolId(pool.id) || region, pool.id) : [],
  ]);
  return { outcomes: [...outcomes, ...roleOut, ...poolOut], refused };
}
