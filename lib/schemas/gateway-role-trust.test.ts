import { describe, expect, it } from "vitest";
import { emptyGatewayForm, gatewaySchemaWith } from "./gateway";

const ARN = "arn:aws:iam::123456789012:role/agentcore-qa-default-gw-role";
const values = { ...emptyGatewayForm("x1"), name: "qa-iam-gw", roleMode: "existing" as const, roleArn: ARN, authorizerType: "NONE" as const };
const refuses = gatewaySchemaWith({ roleTrust: (arn) => (arn === ARN ? { trusts: false, message: "r trusts only gateway/qa-default-gw-??????????: it would not trust qa-iam-gw." } : undefined) });

describe("gatewaySchemaWith: the role trust override", () => {
  it("requires Use it anyway for a role that would not trust the gateway", () => {
    const r = refuses.safeParse(values);
    expect(r.success).toBe(false);
    expect(r.error?.issues).toEqual([
      expect.objectContaining({ path: ["roleTrustOverride"], message: 'r trusts only gateway/qa-default-gw-??????????: it would not trust qa-iam-gw. Check "Use it anyway" to pick it regardless.' }),
    ]);
  });

  it("accepts it with the override, for a trusting role, and without a verdict", () => {
    expect(refuses.safeParse({ ...values, roleTrustOverride: true }).success).toBe(true);
    expect(gatewaySchemaWith({ roleTrust: () => ({ trusts: true, message: "ok" }) }).safeParse(values).success).toBe(true);
    expect(gatewaySchemaWith().safeParse(values).success).toBe(true);
  });

  it("does not apply to a new role or a typed ARN", () => {
    expect(refuses.safeParse({ ...values, roleMode: "arn" }).success).toBe(true);
  });

  it("rejects an override that is not a boolean", () => {
    expect(refuses.safeParse({ ...values, roleTrustOverride: "yes" }).success).toBe(false);
  });
});
