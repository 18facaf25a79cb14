// The target form's outbound auth table agrees with the sandbox's, so what the form offers the sandbox accepts (and AWS, which the sandbox follows).
import { describe, expect, it } from "vitest";
import { OUTBOUND_AUTH_BY_TYPE, TARGET_TYPES, type TargetType } from "@/lib/schemas/target";
import { OUTBOUND_AUTH as SANDBOX_OUTBOUND_AUTH, type TargetKind } from "@/sandbox/services/agentcore-control/targets";
import { fieldErrors, withAuth } from "@/test/support/target-forms";

describe("OUTBOUND_AUTH_BY_TYPE", () => {
  it("agrees with the sandbox's rules per target type", () => {
    const kind: Record<TargetType, TargetKind> = { lambda: "lambda", openApi: "openApiSchema", smithy: "smithyModel", mcpServer: "mcpServer", apiGateway: "apiGateway" };
    for (const type of TARGET_TYPES) {
      const rules = SANDBOX_OUTBOUND_AUTH[kind[type]];
      const sandbox = [
        ...(rules.none ? ["NONE"] : []),
        "GATEWAY_IAM_ROLE",
        ...(rules.oauthGrants.length ? ["OAUTH"] : []),
        ...(rules.apiKey ? ["API_KEY"] : []),
      ];
      expect([...OUTBOUND_AUTH_BY_TYPE[type]].sort(), type).toEqual(sandbox.sort());
      // The IAM signing service is asked for exactly where the sandbox requires an iamCredentialProvider.
      const asksForService = "auth.iamService" in fieldErrors(withAuth(type, "GATEWAY_IAM_ROLE", (v) => (v.auth.iamService = "")));
      expect(asksForService, type).toBe(rules.gatewayIamRole === "signing");
    }
    expect(SANDBOX_OUTBOUND_AUTH.smithyModel.oauthGrants).toEqual(["CLIENT_CREDENTIALS"]);
  });

});
