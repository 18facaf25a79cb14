import { describe, expect, it } from "vitest";
import { resourceMatches } from "./iam-match";
import { buildExactGatewayTrustPolicy, buildGatewayTrustPolicy, gatewaySourceArnPattern } from "./trust-policy";
import { gatewayTrustVerdict } from "./trust-match";

const ACCOUNT = "123456789012";
const REGION = "us-east-1";
const arn = (resource: string, account = ACCOUNT, region = REGION) => `arn:aws:bedrock-agentcore:${region}:${account}:${resource}`;

function trust(condition: Record<string, Record<string, string | string[]>> | undefined) {
  return {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "bedrock-agentcore.amazonaws.com" }, Action: "sts:AssumeRole", ...(condition ? { Condition: condition } : {}) }],
  };
}

describe("the trust pattern for a gateway name", () => {
  const pattern = gatewaySourceArnPattern({ accountId: ACCOUNT, region: REGION, gatewayName: "orders" });

  it("is the name, a hyphen and exactly ten single-character wildcards", () => {
    expect(pattern).toBe(arn("gateway/orders-??????????"));
  });

  it("matches the ID of a gateway of this name", () => {
    expect(resourceMatches(pattern, arn("gateway/orders-abcdefghij"))).toBe(true);
  });

  it.each([["gateway/orders-prod-abcdefghij"], ["gateway/orders-abcdefghijk"], ["gateway/orders-abcdefghi"], ["gateway/orders2-abcdefghij"]])(
    "does not match %s",
    (resource) => {
      expect(resourceMatches(pattern, arn(resource))).toBe(false);
    },
  );

  it("does not match the same name in another account or region", () => {
    expect(resourceMatches(pattern, arn("gateway/orders-abcdefghij", "210987654321"))).toBe(false);
    expect(resourceMatches(pattern, arn("gateway/orders-abcdefghij", ACCOUNT, "us-west-2"))).toBe(false);
  });
});

describe("gatewayTrustVerdict", () => {
  const target = { accountId: ACCOUNT, region: REGION, gatewayName: "qa-iam-gw" };

  it("trusts the gateway with the console's own trust policy for its name", () => {
    const doc = buildGatewayTrustPolicy(target);
    expect(gatewayTrustVerdict("r", doc, target)).toEqual({ trusts: true, message: "r trusts qa-iam-gw." });
    expect(gatewayTrustVerdict("r", JSON.stringify(doc), target).trusts).toBe(true);
  });

  it("refuses a role scoped to another gateway name, saying what it trusts", () => {
    const doc = buildGatewayTrustPolicy({ ...target, gatewayName: "qa-default-gw" });
    expect(gatewayTrustVerdict("agentcore-qa-default-gw-role", doc, target)).toEqual({
      trusts: false,
      allowed: ["gateway/qa-default-gw-??????????"],
      message: "agentcore-qa-default-gw-role trusts only gateway/qa-default-gw-??????????: it would not trust qa-iam-gw.",
    });
  });

  it("refuses the old NAME-* pattern of a name that is only a prefix of this one", () => {
    const doc = trust({ StringEquals: { "aws:SourceAccount": ACCOUNT }, ArnLike: { "aws:SourceArn": arn("gateway/qa-default-gw-*") } });
    const v = gatewayTrustVerdict("agentcore-qa-default-gw-role", doc, target);
    expect(v.message).toBe("agentcore-qa-default-gw-role trusts only gateway/qa-default-gw-*: it would not trust qa-iam-gw.");
    // NAME-* does cover NAME-prod's IDs: the over-trust the new pattern closes.
    expect(gatewayTrustVerdict("r", doc, { ...target, gatewayName: "qa-default-gw-prod" }).trusts).toBe(true);
  });

  it("does not let a name pattern trust a longer name that starts with it", () => {
    const doc = buildGatewayTrustPolicy({ ...target, gatewayName: "orders" });
    expect(gatewayTrustVerdict("r", doc, { ...target, gatewayName: "orders" }).trusts).toBe(true);
    expect(gatewayTrustVerdict("r", doc, { ...target, gatewayName: "orders-prod" }).trusts).toBe(false);
  });

  it("trusts with a wildcard over every gateway of the account", () => {
    const doc = buildGatewayTrustPolicy({ accountId: ACCOUNT, region: REGION });
    expect(gatewayTrustVerdict("r", doc, target).trusts).toBe(true);
    expect(gatewayTrustVerdict("r", trust({ StringLike: { "aws:SourceArn": "arn:aws:bedrock-agentcore:*" } }), target).trusts).toBe(true);
  });

  it("trusts with no condition at all (the linter flags the confused deputy separately)", () => {
    expect(gatewayTrustVerdict("r", trust(undefined), target).trusts).toBe(true);
  });

  it("refuses another account or region", () => {
    const otherAccount = trust({ StringEquals: { "aws:SourceAccount": "210987654321" } });
    expect(gatewayTrustVerdict("r", otherAccount, target)).toMatchObject({ trusts: false, message: "r trusts only account 210987654321: it would not trust qa-iam-gw." });
    const otherRegion = buildGatewayTrustPolicy({ ...target, region: "us-west-2" });
    expect(gatewayTrustVerdict("r", otherRegion, target).trusts).toBe(false);
  });

  it("refuses a pattern that covers only some IDs, and StringEquals with a wildcard", () => {
    expect(gatewayTrustVerdict("r", trust({ ArnLike: { "aws:SourceArn": arn("gateway/qa-iam-gw-a*") } }), target).trusts).toBe(false);
    expect(gatewayTrustVerdict("r", trust({ StringEquals: { "aws:SourceArn": arn("gateway/qa-iam-gw-*") } }), target).trusts).toBe(false);
  });

  it("accepts any of several values, and needs every condition to hold", () => {
    const either = trust({ ArnLike: { "aws:SourceArn": [arn("gateway/other-??????????"), arn("gateway/qa-iam-gw-*")] } });
    expect(gatewayTrustVerdict("r", either, target).trusts).toBe(true);
    const both = trust({ ArnLike: { "aws:SourceArn": arn("gateway/*") }, ArnNotLike: { "aws:SourceArn": arn("gateway/qa-*") } });
    expect(gatewayTrustVerdict("r", both, target).trusts).toBe(false);
  });

  it("checks the exact ARN once the gateway exists", () => {
    const exact = buildExactGatewayTrustPolicy({ accountId: ACCOUNT, gatewayArn: arn("gateway/qa-iam-gw-abcdefghij") });
    expect(gatewayTrustVerdict("r", exact, { ...target, gatewayId: "qa-iam-gw-abcdefghij" }).trusts).toBe(true);
    expect(gatewayTrustVerdict("r", exact, { ...target, gatewayId: "qa-iam-gw-0000000000" }).trusts).toBe(false);
    expect(gatewayTrustVerdict("r", exact, target).trusts).toBe(false);
  });

  it("refuses a role that does not trust bedrock-agentcore, and an unreadable document", () => {
    const lambda = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] };
    expect(gatewayTrustVerdict("r", lambda, target).message).toBe("r does not let bedrock-agentcore.amazonaws.com assume it: it would not trust qa-iam-gw.");
    expect(gatewayTrustVerdict("r", "{not json", target).message).toBe("The trust policy of r cannot be read: it would not trust qa-iam-gw.");
  });
});

describe("buildExactGatewayTrustPolicy", () => {
  it("names the one gateway with ArnEquals", () => {
    const doc = buildExactGatewayTrustPolicy({ accountId: ACCOUNT, gatewayArn: arn("gateway/orders-abcdefghij") });
    expect(doc.Statement[0].Condition).toEqual({ StringEquals: { "aws:SourceAccount": ACCOUNT }, ArnEquals: { "aws:SourceArn": arn("gateway/orders-abcdefghij") } });
  });

  it("refuses an ARN of another account or not of a gateway", () => {
    expect(() => buildExactGatewayTrustPolicy({ accountId: ACCOUNT, gatewayArn: arn("gateway/orders-abcdefghij", "210987654321") })).toThrow(/gateway ARN of account/);
    expect(() => buildExactGatewayTrustPolicy({ accountId: ACCOUNT, gatewayArn: arn("runtime/x") })).toThrow(/gateway ARN/);
  });
});
