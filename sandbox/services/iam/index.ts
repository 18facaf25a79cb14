// IAM service definition (moto "urls"): awsQuery (form Action + Version=2010-05-08, XML answers), global.
// Inputs are validated here (IamValidator) rather than by the core, so constraint failures carry IAM's
// `ValidationError` wording and patterns match the way IAM matches them.
import { loadModel } from "../../core/model";
import { ServiceError, type OperationHandler, type SandboxResponse, type ServiceDefinition } from "../../core/types";
import { IamValidator } from "./validation";
import { roleOperations } from "./responses";
import { IAM_NAMESPACE, QUERY_VERSION, SERVICE_NAME, initialState, markRoleUsed, roleView } from "./models";

export { AWS_MANAGED_POLICIES, LIMITS } from "./models";

const json = (status: number, body: unknown): SandboxResponse => ({ status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

export function iamService(): ServiceDefinition {
  const model = loadModel("iam");
  const validator = new IamValidator(model);
  const operations: Record<string, OperationHandler> = {};
  for (const [name, handler] of Object.entries(roleOperations)) {
    operations[name] = (input, ctx) => {
      validator.check(name, input);
      return handler(input, ctx);
    };
  }
  return {
    name: SERVICE_NAME,
    signingName: "iam",
    protocol: "awsQuery",
    queryVersion: QUERY_VERSION,
    xmlNamespace: IAM_NAMESPACE,
    model,
    operations,
    initialState,
    skipValidation: Object.keys(roleOperations),
    parseError: (message) => new ServiceError("MalformedInput", message, { status: 400 }),
    httpRoutes: [
      {
        // Test hook: record that a role was used (fills GetRole's RoleLastUsed). Body: { region?, date? }.
        method: "POST",
        path: "/_sandbox/iam/roles/:roleName/last-used",
        handler(req, ctx) {
          let body: { region?: unknown; date?: unknown };
          try {
            body = JSON.parse(req.body.toString("utf8") || "{}");
          } catch {
            return json(400, { message: "invalid JSON" });
          }
          const at = body.date === undefined ? new Date(ctx.now()) : new Date(String(body.date));
          if (Number.isNaN(at.getTime())) return json(400, { message: "date must be an ISO-8601 timestamp" });
          const region = typeof body.region === "string" ? body.region : "us-east-1";
          const role = markRoleUsed(ctx.store, ctx.params.roleName, region, at);
          return role ? json(200, roleView(role, "get")) : json(404, { message: `The role with name ${ctx.params.roleName} cannot be found.` });
        },
      },
    ],
  };
}
