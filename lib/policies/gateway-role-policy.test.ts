import { describe, expect, it } from "vitest";
import { gatewayPolicyName, LEGACY_TARGET_ACCESS_POLICY_NAME, planRolePolicyApply } from "./gateway-role-policy";
import type { PolicyDocument } from "./policy-document";

const LAMBDA_A = "arn:aws:lambda:us-east-1:123456789012:function:orders";
const LAMBDA_B = "arn:aws:lambda:us-east-1:123456789012:function:billing";
const doc = (...resources: string[]): PolicyDocument => ({
  Version: "2012-10-17",
  Statement: [{ Sid: "InvokeLambdaTargets", Effect: "Allow", Action: "lambda:InvokeFunction", Resource: resources.length === 1 ? resources[0] : resources }],
});

describe("gatewayPolicyName", () => {
  it("names the policy after the gateway, within IAM's 128 characters", () => {
    expect(gatewayPolicyName("orders-abcde12345")).toBe("AgentCoreGateway-orders-abcde12345");
    const long = `${"a".repeat(120)}-abcde12345`;
    const name = gatewayPolicyName(long);
    expect(name).toHaveLength(128);
    expect(name).toMatch(/^AgentCoreGateway-a+-[0-9a-f]{8}$/);
    expect(gatewayPolicyName(`${"a".repeat(120)}-zzzzz12345`)).not.toBe(name);
  });
});

describe("planRolePolicyApply", () => {
  it("adds every statement to a role without this gateway's policy", () => {
    const plan = planRolePolicyApply({ gatewayId: "orders-abcde12345", generated: doc(LAMBDA_A), inlinePolicies: [], otherGatewaysOnRole: 0 });
    expect(plan).toMatchObject({ policyName: "AgentCoreGateway-orders-abcde12345", removed: [], unchanged: 0, upToDate: false, deletesLegacy: false });
    expect(plan.added.map((a) => a.sid)).toEqual(["InvokeLambdaTargets"]);
    expect(plan.legacyNote).toBeUndefined();
  });

  it("marks what another gateway's policy already grants, and never plans to change that policy", () => {
    const other = { policyName: "AgentCoreGateway-billing-zzzzz12345", document: doc(LAMBDA_A, LAMBDA_B) };
    const plan = planRolePolicyApply({ gatewayId: "orders-abcde12345", generated: doc(LAMBDA_A), inlinePolicies: [other], otherGatewaysOnRole: 1 });
    expect(plan.added).toMatchObject([{ sid: "InvokeLambdaTargets", alreadyGrantedBy: ["AgentCoreGateway-billing-zzzzz12345"] }]);
    expect(plan.removed).toEqual([]);
  });

  it("is up to date when its own policy matches, whatever order or form the arrays take", () => {
    const own = { policyName: "AgentCoreGateway-orders-abcde12345", document: { Version: "2012-10-17", Statement: { Resource: [LAMBDA_A], Action: ["lambda:InvokeFunction"], Effect: "Allow", Sid: "InvokeLambdaTargets" } } };
    const plan = planRolePolicyApply({ gatewayId: "orders-abcde12345", generated: doc(LAMBDA_A), inlinePolicies: [own], otherGatewaysOnRole: 3 });
    expect(plan).toMatchObject({ added: [], removed: [], unchanged: 1, upToDate: true });
  });

  it("lists the statements of its own policy that the targets no longer need", () => {
    const own = { policyName: "AgentCoreGateway-orders-abcde12345", document: doc(LAMBDA_A, LAMBDA_B) };
    const plan = planRolePolicyApply({ gatewayId: "orders-abcde12345", generated: doc(LAMBDA_A), inlinePolicies: [own], otherGatewaysOnRole: 0 });
    expect(plan.added).toHaveLength(1);
    expect(plan.removed).toMatchObject([{ sid: "InvokeLambdaTargets", from: "AgentCoreGateway-orders-abcde12345" }]);
    expect(plan.removed[0].text).toContain(LAMBDA_B);
  });

  it("deletes the old shared policy only when no other gateway uses the role", () => {
    const legacy = { policyName: LEGACY_TARGET_ACCESS_POLICY_NAME, document: doc(LAMBDA_B) };
    const alone = planRolePolicyApply({ gatewayId: "orders-abcde12345", generated: doc(LAMBDA_A), inlinePolicies: [legacy], otherGatewaysOnRole: 0 });
    expect(alone.deletesLegacy).toBe(true);
    expect(alone.removed).toMatchObject([{ from: LEGACY_TARGET_ACCESS_POLICY_NAME }]);
    expect(alone.legacyNote).toContain("Applying deletes the old shared policy");

    const shared = planRolePolicyApply({ gatewayId: "orders-abcde12345", generated: doc(LAMBDA_B), inlinePolicies: [legacy], otherGatewaysOnRole: 2 });
    expect(shared.deletesLegacy).toBe(false);
    expect(shared.removed).toEqual([]);
    expect(shared.added).toMatchObject([{ alreadyGrantedBy: [LEGACY_TARGET_ACCESS_POLICY_NAME] }]);
    expect(shared.legacyNote).toBe(
      `The old shared policy ${LEGACY_TARGET_ACCESS_POLICY_NAME} is left as it is: 2 other gateways use this role and may rely on it. Delete it once each of them has applied its own policy.`,
    );
  });

  it("changes its fingerprint when the role's own policy or the generated policy changes", () => {
    const base = { gatewayId: "orders-abcde12345", generated: doc(LAMBDA_A), inlinePolicies: [], otherGatewaysOnRole: 0 };
    const a = planRolePolicyApply(base).fingerprint;
    expect(planRolePolicyApply(base).fingerprint).toBe(a);
    expect(planRolePolicyApply({ ...base, generated: doc(LAMBDA_B) }).fingerprint).not.toBe(a);
    expect(planRolePolicyApply({ ...base, inlinePolicies: [{ policyName: "AgentCoreGateway-orders-abcde12345", document: doc(LAMBDA_B) }] }).fingerprint).not.toBe(a);
  });
});
