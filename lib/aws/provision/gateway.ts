// Server-only: the gateway create as a plan (check names, role ‖ Cognito chain, gateway), run with independent steps in parallel, resumable by plan id.
import "server-only";
import crypto from "node:crypto";
import {
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DescribeResourceServerCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  ListUserPoolClientsCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { ListGatewaysCommand } from "@aws-sdk/client-bedrock-agentcore-control";
import { buildGatewayTrustPolicy } from "@/lib/policies/trust-policy";
import { PURPOSE_TAG_KEY, PURPOSE_TAG_VALUE, RUN_TAG_KEY, cognitoDiscoveryUrl, cognitoTokenEndpoint, fullScopes } from "@/lib/schemas/cognito";
import type { FieldErrors } from "@/lib/schemas/form-errors";
import type { GatewayInput } from "@/lib/schemas/gateway";
import { awsFieldListToFormErrors, toGatewayRequest } from "@/lib/schemas/gateway-mapping";
import { PLAN_TAG_KEY, planGateway, stepDone, type PlanStep, type ProvisionReport, type ProvisionStep } from "@/lib/schemas/provision";
import { GATEWAY_NAME_TAG_KEY, PURPOSE_TAG } from "@/lib/schemas/role";
import { agentCoreControl, cognito } from "../clients";
import { oidcHost } from "../cognito/endpoints";
import { ConsoleError, isNotFound, toConsoleError } from "../errors";
import { createGateway } from "../gateways";
import { createRole, getRole } from "../iam";
import { getCallerIdentity } from "../sts";
import { runPlan } from "./schedule";

/** A check or step refused for a reason that belongs on form fields. */
class FieldsError extends ConsoleError {
  constructor(
    message: string,
    awsName: string,
    readonly fieldErrors: FieldErrors,
  ) {
    super("conflict", message, awsName);
  }
}

const WHAT: Record<ProvisionStep, string> = {
  check: "check that the names are free",
  role: "create the execution role",
  pool: "create the user pool",
  domain: "create the user pool domain",
  resourceServer: "create the resource server",
  client: "create the app client",
  gateway: "create the gateway",
};

export type GatewayPlanResult = {
  ok: boolean;
  report: ProvisionReport;
  /** The first failure: the console's sentence, the AWS error name, and fields it belongs to. */
  error?: { message: string; errorName?: string; fieldErrors: FieldErrors };
  gatewayId?: string;
  cognito?: { poolId: string; clientId: string; domain: string; discoveryUrl: string; tokenEndpoint: string; scopes: string[] };
};

export function newProvisionReport(region: string): ProvisionReport {
  return { planId: crypto.randomUUID(), region, steps: {} };
}

export const gatewayPlan = (v: GatewayInput): PlanStep[] => planGateway({ newRole: v.roleMode === "new", cognito: Boolean(v.cognito) });

async function gatewayNamed(region: string, name: string): Promise<string | undefined> {
  let nextToken: string | undefined;
  do {
    const out = await agentCoreControl(region).send(new ListGatewaysCommand({ maxResults: 1000, nextToken }));
    const hit = out.items?.find((g) => g.name === name && g.status !== "DELETING");
    if (hit) return hit.gatewayId;
    nextToken = out.nextToken;
  } while (nextToken);
  return undefined;
}

const forget = (r: ProvisionReport, ...steps: ProvisionStep[]) => steps.forEach((s) => delete r.steps[s]);

/**
 * The check: every name the plan will use is free, or is this plan's own resource (tagged with its id). Ids a resubmit
 * sends back are verified here, so a report cannot point the plan at anybody else's pool or role. Runs its reads in parallel.
 */
async function check(v: GatewayInput, r: ProvisionReport): Promise<{ account: string }> {
  const region = r.region;
  const fields: FieldErrors = {};
  const [identity] = await Promise.all([
    getCallerIdentity(region),
    (async () => {
      const id = await gatewayNamed(region, v.name);
      if (id && id !== r.steps.gateway?.id) fields.name = "A gateway with this name already exists in this account and region: choose another name.";
    })(),
    (async () => {
      if (v.roleMode !== "new") return forget(r, "role");
      const role = await getRole(region, v.newRoleName);
      if (!role) return forget(r, "role");
      if (role.tags.some((t) => t.key === PLAN_TAG_KEY && t.value === r.planId)) {
        r.steps.role = { status: r.steps.role?.status === "created" ? "created" : "reused", id: role.roleArn };
        r.roleName = role.roleName;
        return;
      }
      fields.newRoleName = "A role with this name already exists: choose another name, or pick it under Use an existing role.";
    })(),
    (async () => {
      if (!v.cognito) return forget(r, "pool", "domain", "resourceServer", "client");
      const c = cognito(region);
      if (r.poolId) {
        const pool = await c.send(new DescribeUserPoolCommand({ UserPoolId: r.poolId })).then(
          (o) => o.UserPool,
          (err: unknown) => {
            if (isNotFound(err)) return undefined;
            throw err;
          },
        );
        if (!pool) {
          forget(r, "pool", "domain", "resourceServer", "client");
          r.poolId = r.domain = r.resourceServerIdentifier = r.clientId = undefined;
        } else if (pool.UserPoolTags?.[PLAN_TAG_KEY] !== r.planId) {
          throw new ConsoleError("access-denied", `User pool ${r.poolId} was not made by this create, so the console will not use it. Reload the page to start again.`, "NotOwnedByPlan");
        }
      }
      const prefix = v.cognito.domainPrefix;
      const d = (await c.send(new DescribeUserPoolDomainCommand({ Domain: prefix }))).DomainDescription;
      if (!d?.UserPoolId) {
        forget(r, "domain");
        r.domain = undefined;
      } else if (d.UserPoolId === r.poolId) {
        r.domain = prefix;
        r.steps.domain = { status: r.steps.domain?.status === "created" ? "created" : "reused", id: prefix };
      } else {
        fields["cognito.domainPrefix"] = "This domain prefix is taken (Cognito domains are unique in the region): choose another one.";
      }
    })(),
  ]);
  if (Object.keys(fields).length) {
    throw new FieldsError(`Nothing was created: ${Object.values(fields).join(" ")}`, "NameTaken", fields);
  }
  return { account: identity.account };
}

/** Creates what the plan still needs; `report` is updated in place and returned with the result. */
export async function provisionGateway(v: GatewayInput, clientToken: string, report: ProvisionReport, onChange?: (r: ProvisionReport) => void): Promise<GatewayPlanResult> {
  const r = report;
  const region = r.region;
  const plan = gatewayPlan(v);
  const c = cognito(region);
  const retrying = (s: ProvisionStep) => r.steps[s]?.status === "failed";
  const tags = { [PURPOSE_TAG_KEY]: PURPOSE_TAG_VALUE, [RUN_TAG_KEY]: r.planId, [PLAN_TAG_KEY]: r.planId, [GATEWAY_NAME_TAG_KEY]: v.name };
  let account = "";
  let gatewayId: string | undefined;
  let fieldErrors: FieldErrors = {};

  const ok = await runPlan(
    plan,
    r,
    async (step) => {
      const q = v.cognito!;
      switch (step) {
        case "check":
          ({ account } = await check(v, r));
          return { status: "reused" };
        case "role": {
          const role = await createRole(region, {
            roleName: v.newRoleName,
            trustPolicy: buildGatewayTrustPolicy({ accountId: account, region, gatewayName: v.name }),
            description: `Execution role of the AgentCore gateway ${v.name}`,
            tags: [
              { key: PURPOSE_TAG.key, value: PURPOSE_TAG.value },
              { key: GATEWAY_NAME_TAG_KEY, value: v.name },
              { key: PLAN_TAG_KEY, value: r.planId },
            ],
          });
          r.roleName = role.roleName;
          return { status: "created", id: role.roleArn };
        }
        case "pool": {
          const out = await c.send(new CreateUserPoolCommand({ PoolName: q.poolName, DeletionProtection: "INACTIVE", UserPoolTags: tags }));
          r.poolId = out.UserPool?.Id;
          return { status: "created", id: r.poolId };
        }
        case "domain":
          await c.send(new CreateUserPoolDomainCommand({ UserPoolId: r.poolId, Domain: q.domainPrefix }));
          r.domain = q.domainPrefix;
          return { status: "created", id: r.domain };
        case "resourceServer": {
          if (retrying(step)) {
            // An earlier attempt may have reached Cognito before failing.
            const found = await c.send(new DescribeResourceServerCommand({ UserPoolId: r.poolId, Identifier: q.resourceServerIdentifier })).then(
              () => true,
              (err: unknown) => (isNotFound(err) ? false : Promise.reject(err)),
            );
            if (found) {
              r.resourceServerIdentifier = q.resourceServerIdentifier;
              return { status: "reused", id: r.resourceServerIdentifier };
            }
          }
          await c.send(
            new CreateResourceServerCommand({
              UserPoolId: r.poolId,
              Identifier: q.resourceServerIdentifier,
              Name: q.resourceServerName,
              Scopes: q.scopes.map((s) => ({ ScopeName: s, ScopeDescription: `Gateway scope ${s}`.slice(0, 256) })),
            }),
          );
          r.resourceServerIdentifier = q.resourceServerIdentifier;
          return { status: "created", id: r.resourceServerIdentifier };
        }
        case "client": {
          if (retrying(step)) {
            const out = await c.send(new ListUserPoolClientsCommand({ UserPoolId: r.poolId, MaxResults: 60 }));
            const found = out.UserPoolClients?.find((x) => x.ClientName === q.clientName)?.ClientId;
            if (found) {
              r.clientId = found;
              return { status: "reused", id: found };
            }
          }
          // GenerateSecret makes a secret that is never kept or returned here: it is read only when the user asks (Reveal).
          const out = await c.send(
            new CreateUserPoolClientCommand({
              UserPoolId: r.poolId,
              ClientName: q.clientName,
              GenerateSecret: true,
              AllowedOAuthFlowsUserPoolClient: true,
              AllowedOAuthFlows: ["client_credentials"],
              AllowedOAuthScopes: fullScopes(q),
              SupportedIdentityProviders: ["COGNITO"],
              ExplicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
              PreventUserExistenceErrors: "ENABLED",
              EnableTokenRevocation: true,
            }),
          );
          r.clientId = out.UserPoolClient?.ClientId;
          return { status: "created", id: r.clientId };
        }
        case "gateway": {
          const roleArn = (v.roleMode === "new" ? r.steps.role?.id : v.roleArn) ?? "";
          const jwt = v.cognito
            ? { discoveryUrl: cognitoDiscoveryUrl(oidcHost(), r.poolId!, region), allowedAudience: [], allowedClients: [r.clientId!], allowedScopes: [], customClaims: [] }
            : v.jwt;
          const g = await createGateway(region, toGatewayRequest({ ...v, roleArn, jwt }), clientToken);
          gatewayId = g.gatewayId;
          return { status: "created", id: g.gatewayId };
        }
      }
    },
    (step, err) => {
      const e = err instanceof ConsoleError ? err : toConsoleError(err, WHAT[step]);
      if (err instanceof FieldsError) fieldErrors = { ...fieldErrors, ...err.fieldErrors };
      else if (step === "gateway" && e.awsName === "ConflictException" && e.fieldList.length === 0) fieldErrors.name = "A gateway with this name already exists in this account and region: choose another name.";
      else if (step === "gateway") fieldErrors = { ...fieldErrors, ...awsFieldListToFormErrors(e.fieldList) };
      else if (step === "role" && e.awsName === "EntityAlreadyExistsException") fieldErrors.newRoleName = "A role with this name already exists: choose another name.";
      else if (step === "domain" && /InvalidParameter/.test(e.awsName ?? "")) fieldErrors["cognito.domainPrefix"] = e.message;
      return { message: e.message, errorName: e.awsName };
    },
    onChange,
  );

  const result: GatewayPlanResult = { ok, report: r };
  if (stepDone(r, "gateway")) result.gatewayId = gatewayId ?? r.steps.gateway?.id;
  if (v.cognito && r.poolId && r.clientId && r.domain) {
    const host = oidcHost();
    result.cognito = {
      poolId: r.poolId,
      clientId: r.clientId,
      domain: r.domain,
      discoveryUrl: cognitoDiscoveryUrl(host, r.poolId, region),
      tokenEndpoint: cognitoTokenEndpoint(host, r.domain, region),
      scopes: fullScopes(v.cognito),
    };
  }
  if (!ok) {
    const failed = plan.find((p) => r.steps[p.step]?.status === "failed");
    const e = failed ? r.steps[failed.step]!.error! : { message: "The create did not finish." };
    result.error = { message: e.message, errorName: e.errorName, fieldErrors };
  }
  return result;
}
