"use server";
// Server actions for gateways: parse with the shared schema again, call lib/aws, revalidate.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getRegion } from "@/lib/aws/config";
import { createGateway, deleteGateway, getGateway, updateGateway } from "@/lib/aws/gateways";
import { gatewaySchema } from "@/lib/schemas/gateway";
import { awsFieldListToFormErrors, isEditableAuthorizerType, toGatewayRequest, withUnmanagedSettings } from "@/lib/schemas/gateway-mapping";
import type { ConsoleError } from "@/lib/aws/errors";
import { createExecutionRole } from "@/lib/aws/iam";
import { oidcHost } from "@/lib/aws/cognito/endpoints";
import { QuickCreateError, quickCreateCognito } from "@/lib/aws/cognito/quick-create";
import { cognitoDiscoveryUrl } from "@/lib/schemas/cognito";
import { getCallerIdentity } from "@/lib/aws/sts";
import { pickedRoleTrustErrors } from "@/lib/aws/role-trust";
import { action, arg, form, INVALID_FORM, nameTaken, rethrow } from "./action";
import { BAD_CLIENT_TOKEN, clientTokenSchema, gatewayIdSchema } from "./args";
import { fail, type Provisioned } from "./result";

const NOT_A_GATEWAY = "That is not a gateway id.";
const placeFields = (err: ConsoleError) => awsFieldListToFormErrors(err.fieldList);

/** A ConflictException from CreateGateway (or a rename) means the name is taken. */
const gatewayNameTaken = nameTaken({ field: "name", message: "A gateway with this name already exists in this account and region: choose another name." });
const roleNameTaken = nameTaken({
  field: "newRoleName",
  awsName: "EntityAlreadyExistsException",
  message: "A role with this name already exists: choose another name, or pick it under Use an existing role.",
});

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
export const createGatewayAction = action(form(gatewaySchema), arg(clientTokenSchema, BAD_CLIENT_TOKEN)).handle<CreateGatewayData>(
  async ([v, clientToken], ctx) => {
    const region = await getRegion();
    // A picked role whose trust would not let this gateway assume it needs "Use it anyway" (checked in the browser too).
    const trustErrors = await pickedRoleTrustErrors(region, v);
    if (trustErrors) return fail(INVALID_FORM, trustErrors);
    const provisioned: Provisioned = { created: [] };
    const made = (line: string) => {
      provisioned.created.push(line);
      ctx.provisioned = provisioned;
    };
    let roleArn = v.roleArn;
    if (v.roleMode === "new") {
      const { account } = await getCallerIdentity(region);
      const role = await createExecutionRole({
        roleName: v.newRoleName,
        gatewayName: v.name,
        description: `Execution role of the AgentCore gateway ${v.name}`,
        accountId: account,
        region,
      }).catch(roleNameTaken);
      roleArn = role.roleArn;
      provisioned.roleArn = role.roleArn;
      if (!role.reused) made(`role ${role.roleName} (${role.roleArn})`);
    }
    let jwt = v.jwt;
    let quick: CreateGatewayData["cognito"];
    if (v.cognito) {
      try {
        // The gateway only needs the pool and the client; the domain (for the token endpoint) may still be warming up.
        const q = await quickCreateCognito(v.cognito, region, { domainTimeoutMs: 60_000 });
        quick = { poolId: q.poolId, clientId: q.clientId, discoveryUrl: q.discoveryUrl, tokenEndpoint: q.tokenEndpoint, scopes: q.scopes };
        provisioned.cognito = { poolId: q.poolId, clientId: q.clientId, discoveryUrl: q.discoveryUrl };
        made(`Cognito user pool ${q.poolId} with domain ${q.domain} and app client ${q.clientId}`);
        jwt = { discoveryUrl: q.discoveryUrl, allowedAudience: [], allowedClients: [q.clientId], allowedScopes: [], customClaims: [] };
      } catch (err) {
        if (err instanceof QuickCreateError) {
          const r = err.report;
          if (r.poolId && r.clientId) provisioned.cognito = { poolId: r.poolId, clientId: r.clientId, discoveryUrl: cognitoDiscoveryUrl(oidcHost(), r.poolId, region) };
          if (r.poolId) made(`Cognito user pool ${r.poolId}${r.domain ? ` with domain ${r.domain}` : ""}${r.clientId ? ` and app client ${r.clientId}` : ""}`);
        }
        throw err;
      }
    }
    const g = await createGateway(region, toGatewayRequest({ ...v, roleArn, jwt }), clientToken).catch(gatewayNameTaken);
    revalidatePath("/gateways");
    revalidatePath("/roles");
    revalidatePath("/identity");
    return { ok: true, data: { gatewayId: g.gatewayId, created: [...provisioned.created, `gateway ${g.name}`], cognito: quick } };
  },
  { fields: placeFields, explainProvisioned: true },
);

export const updateGatewayAction = action(arg(gatewayIdSchema, NOT_A_GATEWAY), form(gatewaySchema)).handle(
  async ([gatewayId, values]) => {
    const region = await getRegion();
    const current = await getGateway(region, gatewayId);
    if (!current) return fail("This gateway no longer exists.", {}, "ResourceNotFoundException");
    if (!isEditableAuthorizerType(current.authorizerType)) {
      return fail(`Gateways with the ${current.authorizerType} authorizer cannot be edited in the console yet.`);
    }
    if (current.authorizerType !== values.authorizerType) {
      return fail("The authorizer type of a gateway cannot be changed after creation.", { authorizerType: "The authorizer type is fixed at creation." });
    }
    if (current.protocolConfiguration?.mcp?.searchType === "SEMANTIC" && !values.mcp.semanticSearch) {
      return fail("Semantic search cannot be turned off once enabled.", { "mcp.semanticSearch": "Semantic search cannot be turned off once enabled." });
    }
    const { tags: _tags, ...fields } = toGatewayRequest(values);
    void _tags;
    // Only a rename of a live gateway can clash with another gateway's name.
    await updateGateway(region, gatewayId, withUnmanagedSettings(current, fields)).catch(current.name === fields.name || current.status === "DELETING" ? rethrow : gatewayNameTaken);
    revalidatePath("/gateways");
    revalidatePath(`/gateways/${gatewayId}`);
    return { ok: true, data: { gatewayId } };
  },
  { fields: placeFields },
);

export const deleteGatewayAction = action(arg(gatewayIdSchema, NOT_A_GATEWAY), arg(z.unknown())).handle(async ([gatewayId, confirmName]) => {
  const region = await getRegion();
  const current = await getGateway(region, gatewayId);
  if (!current) return fail("This gateway no longer exists.", {}, "ResourceNotFoundException");
  if (confirmName !== current.name) return fail("Type the gateway's name exactly to confirm.", { confirmName: `Type ${current.name} to confirm.` });
  await deleteGateway(region, gatewayId);
  revalidatePath("/gateways");
  revalidatePath(`/gateways/${gatewayId}`);
  return { ok: true, data: { gatewayId } };
});
