import { describe, expect, it } from "vitest";
import { lintTrustPolicy } from "./lint";
import { buildGatewayTrustPolicy } from "./trust-policy";

const ACCOUNT = "123456789012";
const REGION = "us-east-1";

describe("lintTrustPolicy for one gateway", () => {
  const forName = (gatewayName: string) => buildGatewayTrustPolicy({ accountId: ACCOUNT, region: REGION, gatewayName });

  it("is clean for the console's trust policy of the same name", () => {
    expect(lintTrustPolicy(forName("qa-iam-gw"), { accountId: ACCOUNT, region: REGION, gatewayName: "qa-iam-gw" })).toEqual([]);
  });

  it("is an error when the trust is for another gateway name", () => {
    const findings = lintTrustPolicy(forName("qa-default-gw"), { accountId: ACCOUNT, region: REGION, gatewayName: "qa-iam-gw" });
    expect(findings).toEqual([
      {
        severity: "error",
        code: "gateway-not-trusted",
        message: "The role trusts only gateway/qa-default-gw-??????????: it would not trust qa-iam-gw.",
        fix: 'Add to the trust policy\'s condition: "ArnLike": { "aws:SourceArn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/qa-iam-gw-??????????" }',
      },
    ]);
  });

  it("checks no gateway while the name is empty or not yet valid", () => {
    expect(lintTrustPolicy(forName("qa-default-gw"), { accountId: ACCOUNT, region: REGION, gatewayName: "" })).toEqual([]);
    expect(lintTrustPolicy(forName("qa-default-gw"), { accountId: ACCOUNT, region: REGION, gatewayName: "bad_name" })).toEqual([]);
  });

  it("suggests this gateway's exact name pattern when aws:SourceArn is missing", () => {
    const doc = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "bedrock-agentcore.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } } }] };
    const [finding] = lintTrustPolicy(doc, { accountId: ACCOUNT, region: REGION, gatewayName: "orders" });
    expect(finding.code).toBe("missing-source-arn");
    expect(finding.fix).toContain("gateway/orders-??????????");
  });
});
