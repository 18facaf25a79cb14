"use server";
// Server actions for gateways: parse with the shared schema again, call lib/aws, revalidate.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getRegion } from "@/lib/aws/config";
import { deleteGateway, getGateway, updateGateway } from "@/lib/aws/gateways";
import { gatewaySchema } from "@/lib/schemas/gateway";
import { awsFieldListToFormErrors, isEditableAuthorizerType, toGatewayRequest, withUnmanagedSettings } from "@/lib/schemas/gateway-mapping";
import type { ConsoleError } from "@/lib/aws/errors";
import { poolRegion } from "@/lib/aws/cognito/endpoints";
import { waitForDomainActive } from "@/lib/aws/cognito/domains";
import { gatewayPlan, newProvisionReport, provisionGateway, type GatewayPlanResult } from "@/lib/aws/provision/gateway";
import { pickedRoleTrustErrors } from "@/lib/aws/role-trust";
import { domainPrefixSchema, poolIdSchema } from "@/lib/schemas/cognito";
import { createdLines, provisionReportSchema, type ProvisionReport } from "@/lib/schemas/provision";
import { action, arg, form, INVALID_FORM, nameTaken, rethrow } from "./action";
import { BAD_CLIENT_TOKEN, clientTokenSchema, gatewayIdSchema } from "./args";
import { fail } from "./result";

const NOT_A_GATEWAY = "That is not a gateway id.";
const placeFields = (err: ConsoleError) => awsFieldListToFormErrors(err.fieldList);

/** A ConflictException from CreateGateway (or a rename) means the name is taken. */
const gatewayNameTaken = nameTaken({ field: "name", message: "A gateway with this name already exists in this account and region: choose another name." });

export type CreateGatewayData = {
  gatewayId: string;
  created: string[];
  /** What the plan did, step by step (created / reused, with identifiers). */
  report: ProvisionReport;
  /** The quick-created Cognito client: ids and URLs only; its secret is read by revealClientSecretAction on the user's click. */
  cognito?: GatewayPlanResult["cognito"];
};

const BAD_REPORT = "The create's progress sent back is not valid. Reload the page to start again.";

/**
 * Creates the gateway and what it needs (a new execution role, a Cognito pool, domain, resource server and client) as one
 * plan: names are checked first, independent steps run in parallel, and the gateway does not wait for the Cognito domain.
 * A failure returns the plan's report; submitting again with it resumes the same plan (it never makes a second pool or role).
 * No revalidatePath here: the browser moves on to the gateway's page, which is dynamic, so the form is not re-rendered.
 */
export const createGatewayAction = action(form(gatewaySchema), arg(clientTokenSchema, BAD_CLIENT_TOKEN), arg(provisionReportSchema.optional(), BAD_REPORT)).handle<CreateGatewayData>(
  async ([v, clientToken, previous]) => {
    const region = await getRegion();
    // A picked role whose trust would not let this gateway assume it needs "Use it anyway" (checked in the browser too).
    const trustErrors = await pickedRoleTrustErrors(region, v);
    if (trustErrors) return fail(INVALID_FORM, trustErrors);
    const report = previous && previous.region === region ? structuredClone(previous) : newProvisionReport(region);
    const r = await provisionGateway(v, clientToken, report);
    if (!r.ok || !r.gatewayId) {
      const made = createdLines(r.report, gatewayPlan(v));
      const e = r.error ?? { message: "The gateway was not created.", fieldErrors: {} };
      const message = made.length ? `${e.message} Already created: ${made.join("; ")}. Submitting again resumes from there.` : e.message;
      return { ...fail(message, e.fieldErrors, e.errorName), report: r.report };
    }
    return { ok: true, data: { gatewayId: r.gatewayId, created: createdLines(r.report, gatewayPlan(v)), report: r.report, cognito: r.cognito } };
  },
  { fields: placeFields },
);

/** Waits (up to ~10 s a call) for a quick-created domain to become ACTIVE, for the result panel's test token. */
export const waitForDomainAction = action(arg(poolIdSchema, "That is not a user pool id."), arg(domainPrefixSchema, "That is not a domain prefix.")).handle<{ status: string; active: boolean }>(
  async ([poolId, domain]) => {
    const w = await waitForDomainActive(poolRegion(poolId, await getRegion()), domain, { timeoutMs: 10_000 });
    return { ok: true, data: { status: w.status, active: w.active } };
  },
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
