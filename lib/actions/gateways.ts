"use server";
// Server actions for gateways: parse with the shared schema again, call lib/aws, revalidate.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getRegion } from "@/lib/aws/config";
import { createGateway, deleteGateway, getGateway, updateGateway } from "@/lib/aws/gateways";
import { issuesToFieldErrors } from "@/lib/schemas/form-errors";
import { gatewaySchema } from "@/lib/schemas/gateway";
import { awsFieldListToFormErrors, isEditableAuthorizerType, toGatewayRequest, withUnmanagedSettings } from "@/lib/schemas/gateway-mapping";
import { GATEWAY_ID_PATTERN } from "@/lib/schemas/constraints";
import { ConsoleError } from "@/lib/aws/errors";
import { createExecutionRole } from "@/lib/aws/iam";
import { oidcHost } from "@/lib/aws/cognito/endpoints";
import { QuickCreateError, quickCreateCognito } from "@/lib/aws/cognito/quick-create";
import { cognitoDiscoveryUrl } from "@/lib/schemas/cognito";
import { getCallerIdentity } from "@/lib/aws/sts";
import { fail, runAction, type ActionResult, type Provisioned } from "./result";

const clientTokenSchema = z.string().regex(/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,256}$/).min(33).max(256);
const gatewayIdSchema = z.string().regex(new RegExp(GATEWAY_ID_PATTERN));
const INVALID_FORM = "Some fields need attention. Fix them and submit again.";

const rethrow = (err: unknown): never => {
  throw err;
};

/** A ConflictException from CreateGateway (or a rename) means the name is taken: say so at the Name field too. */
function nameTaken(err: unknown): never {
  if (err instanceof ConsoleError && err.awsName === "ConflictException" && err.fieldList.length === 0) {
    throw new ConsoleError(err.kind, err.message, err.awsName, [{ name: "name", message: "A gateway with this name already exists in this account and region: choose another name." }]);
  }
  throw err;
}

export type CreateGatewayData = {
  gatewayId: string;
  created: string[];
  /** The quick-created Cognito client: ids and URLs only; its secret is read by revealClientSecretAction on the user's click. */
  cognito?: { poolId: string; clientId: string; discoveryUrl: string; tokenEndpoint: string; scopes: string[] };
};

/**
 * Creates the gateway, and first what it needs when the form asks for it (a new execution role). If a later
 * step fails, the result says exactly what was already created and hands it back so a retry reuses it.
 */
export async function createGatewayAction(values: unknown, clientToken: string): Promise<ActionResult<CreateGatewayData>> {
  const parsed = gatewaySchema.safeParse(values);
  if (!parsed.success) return fail(INVALID_FORM, issuesToFieldErrors(parsed.error.issues));
  if (!clientTokenSchema.safeParse(clientToken).success) return fail("The form's idempotency token is invalid. Reload the page.");
  const v = parsed.data;
  const provisioned: Provisioned = { created: [] };
  const withProvisioned = (r: ActionResult<CreateGatewayData>): ActionResult<CreateGatewayData> => {
    if (r.ok || provisioned.created.length === 0) return r;
    const made = provisioned.created.join("; ");
    return { ...r, message: `${r.message} Already created: ${made}. Submitting again reuses it.`, provisioned };
  };
  return withProvisioned(
    await runAction(async () => {
      const region = await getRegion();
      let roleArn = v.roleArn;
      if (v.roleMode === "new") {
        const { account } = await getCallerIdentity(region);
        try {
          const role = await createExecutionRole({
            roleName: v.newRoleName,
            gatewayName: v.name,
            description: `Execution role of the AgentCore gateway ${v.name}`,
            accountId: account,
            region,
          });
          roleArn = role.roleArn;
          if (!role.reused) provisioned.created.push(`role ${role.roleName} (${role.roleArn})`);
          provisioned.roleArn = role.roleArn;
        } catch (err) {
          if (err instanceof ConsoleError && err.awsName === "EntityAlreadyExistsException") {
            return fail(err.message, { newRoleName: "A role with this name already exists: choose another name, or pick it under Use an existing role." }, err.awsName);
          }
          throw err;
        }
      }
      let jwt = v.jwt;
      let quick: CreateGatewayData["cognito"];
      if (v.cognito) {
        try {
          // The gateway only needs the pool and the client; the domain (for the token endpoint) may still be warming up.
          const q = await quickCreateCognito(v.cognito, region, { domainTimeoutMs: 60_000 });
          quick = { poolId: q.poolId, clientId: q.clientId, discoveryUrl: q.discoveryUrl, tokenEndpoint: q.tokenEndpoint, scopes: q.scopes };
          provisioned.created.push(`Cognito user pool ${q.poolId} with domain ${q.domain} and app client ${q.clientId}`);
          provisioned.cognito = { poolId: q.poolId, clientId: q.clientId, discoveryUrl: q.discoveryUrl };
          jwt = { discoveryUrl: q.discoveryUrl, allowedAudience: [], allowedClients: [q.clientId], allowedScopes: [], customClaims: [] };
        } catch (err) {
          if (err instanceof QuickCreateError) {
            const r = err.report;
            if (r.poolId) provisioned.created.push(`Cognito user pool ${r.poolId}${r.domain ? ` with domain ${r.domain}` : ""}${r.clientId ? ` and app client ${r.clientId}` : ""}`);
            if (r.poolId && r.clientId) provisioned.cognito = { poolId: r.poolId, clientId: r.clientId, discoveryUrl: cognitoDiscoveryUrl(oidcHost(), r.poolId, region) };
          }
          throw err;
        }
      }
      const g = await createGateway(region, toGatewayRequest({ ...v, roleArn, jwt }), clientToken).catch(nameTaken);
      revalidatePath("/gateways");
      revalidatePath("/roles");
      revalidatePath("/identity");
      return { ok: true, data: { gatewayId: g.gatewayId, created: [...provisioned.created, `gateway ${g.name}`], cognito: quick } };
    }, awsFieldListToFormErrors),
  );
}

export async function updateGatewayAction(gatewayId: string, values: unknown): Promise<ActionResult<{ gatewayId: string }>> {
  if (!gatewayIdSchema.safeParse(gatewayId).success) return fail("That is not a gateway id.");
  const parsed = gatewaySchema.safeParse(values);
  if (!parsed.success) return fail(INVALID_FORM, issuesToFieldErrors(parsed.error.issues));
  return runAction(async () => {
    const region = await getRegion();
    const current = await getGateway(region, gatewayId);
    if (!current) return fail("This gateway no longer exists.", {}, "ResourceNotFoundException");
    if (!isEditableAuthorizerType(current.authorizerType)) {
      return fail(`Gateways with the ${current.authorizerType} authorizer cannot be edited in the console yet.`);
    }
    if (current.authorizerType !== parsed.data.authorizerType) {
      return fail("The authorizer type of a gateway cannot be changed after creation.", { authorizerType: "The authorizer type is fixed at creation." });
    }
    if (current.protocolConfiguration?.mcp?.searchType === "SEMANTIC" && !parsed.data.mcp.semanticSearch) {
      return fail("Semantic search cannot be turned off once enabled.", { "mcp.semanticSearch": "Semantic search cannot be turned off once enabled." });
    }
    const { tags: _tags, ...fields } = toGatewayRequest(parsed.data);
    void _tags;
    await updateGateway(region, gatewayId, withUnmanagedSettings(current, fields)).catch(current.name === fields.name || current.status === "DELETING" ? rethrow : nameTaken);
    revalidatePath("/gateways");
    revalidatePath(`/gateways/${gatewayId}`);
    return { ok: true, data: { gatewayId } };
  }, awsFieldListToFormErrors);
}

export async function deleteGatewayAction(gatewayId: string, confirmName: string): Promise<ActionResult<{ gatewayId: string }>> {
  if (!gatewayIdSchema.safeParse(gatewayId).success) return fail("That is not a gateway id.");
  return runAction(async () => {
    const region = await getRegion();
    const current = await getGateway(region, gatewayId);
    if (!current) return fail("This gateway no longer exists.", {}, "ResourceNotFoundException");
    if (confirmName !== current.name) return fail("Type the gateway's name exactly to confirm.", { confirmName: `Type ${current.name} to confirm.` });
    await deleteGateway(region, gatewayId);
    revalidatePath("/gateways");
    revalidatePath(`/gateways/${gatewayId}`);
    return { ok: true, data: { gatewayId } };
  });
}
