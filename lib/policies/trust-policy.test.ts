import { describe, expect, it } from "vitest";
import {
  AGENTCORE_SERVICE_PRINCIPAL,
  assertGatewayName,
  buildGatewayTrustPolicy,
  formatPolicy,
  gatewaySourceArnPattern,
} from "./trust-policy";

const ACCOUNT = "123456789012";

function expected(partition: string, region: string, resource: string) {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AllowAgentCoreGatewayAssumeRole",
        Effect: "Allow",
        Principal: { Service: "bedrock-agentcore.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: {
          StringEquals: { "aws:SourceAccount": ACCOUNT },
          ArnLike: { "aws:SourceArn": `arn:${partition}:bedrock-agentcore:${region}:${ACCOUNT}:${resource}` },
        },
      },
    ],
  };
}

describe("buildGatewayTrustPolicy", () => {
  it.each([
    ["aws", "us-east-1"],
    ["aws-cn", "cn-north-1"],
    ["aws-us-gov", "us-gov-west-1"],
  ])("scopes to one gateway name in %s (%s)", (partition, region) => {
    expect(buildGatewayTrustPolicy({ accountId: ACCOUNT, region, gatewayName: "orders-gw" })).toStrictEqual(
      expected(partition, region, "gateway/orders-gw-??????????"),
    );
  });

  it.each([
    ["aws", "us-east-1"],
    ["aws-cn", "cn-north-1"],
    ["aws-us-gov", "us-gov-west-1"],
  ])("trusts every gateway of the account without a name in %s", (partition, region) => {
    expect(buildGatewayTrustPolicy({ accountId: ACCOUNT, region })).toStrictEqual(expected(partition, region, "gateway/*"));
  });

  it("treats an empty name as no name", () => {
    expect(buildGatewayTrustPolicy({ accountId: ACCOUNT, region: "us-east-1", gatewayName: "" })).toStrictEqual(
      expected("aws", "us-east-1", "gateway/*"),
    );
  });

  it("lowercases the name because gateway IDs are lowercase and ArnLike is case-sensitive", () => {
    const doc = buildGatewayTrustPolicy({ accountId: ACCOUNT, region: "us-west-2", gatewayName: "Orders-GW2" });
    expect(doc.Statement[0].Condition?.ArnLike["aws:SourceArn"]).toBe(
      "arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/orders-gw2-??????????",
    );
  });

  it("accepts an explicit partition that matches the region", () => {
    expect(buildGatewayTrustPolicy({ accountId: ACCOUNT, region: "cn-north-1", partition: "aws-cn" })).toStrictEqual(
      expected("aws-cn", "cn-north-1", "gateway/*"),
    );
  });

  it("uses the amazonaws.com service principal in every partition", () => {
    for (const region of ["us-east-1", "cn-north-1", "us-gov-west-1"]) {
      expect(buildGatewayTrustPolicy({ accountId: ACCOUNT, region }).Statement[0].Principal).toEqual({
        Service: AGENTCORE_SERVICE_PRINCIPAL,
      });
    }
  });

  describe("rejects bad input with a clear message", () => {
    it.each([
      [{ accountId: "12345", region: "us-east-1" }, 'accountId must be a 12-digit AWS account ID, got "12345"'],
      [{ accountId: "12345678901x", region: "us-east-1" }, "accountId must be a 12-digit AWS account ID"],
      [{ accountId: ACCOUNT, region: "us-east" }, 'region must be an AWS Region such as us-east-1, cn-north-1 or us-gov-west-1, got "us-east"'],
      [{ accountId: ACCOUNT, region: "" }, "region must be an AWS Region"],
      [{ accountId: ACCOUNT, region: "cn-north-1", partition: "aws" as const }, "partition aws does not match region cn-north-1"],
      [{ accountId: ACCOUNT, region: "us-east-1", gatewayName: "bad_name" }, 'gatewayName must be 1-48 letters or digits, optionally separated by single hyphens, got "bad_name"'],
      [{ accountId: ACCOUNT, region: "us-east-1", gatewayName: "a".repeat(49) }, "gatewayName must be 1-48"],
      [{ accountId: ACCOUNT, region: "us-east-1", gatewayName: "double--hyphen" }, "gatewayName must be 1-48"],
      [{ accountId: ACCOUNT, region: "us-east-1", gatewayName: "-leading" }, "gatewayName must be 1-48"],
      [{ accountId: ACCOUNT, region: "us-east-1", gatewayName: "with*wildcard" }, "gatewayName must be 1-48"],
    ])("%j", (input, message) => {
      expect(() => buildGatewayTrustPolicy(input)).toThrow(message);
    });
  });

  it("accepts 48-character names", () => {
    const name = "a".repeat(48);
    expect(gatewaySourceArnPattern({ accountId: ACCOUNT, region: "us-east-1", gatewayName: name })).toBe(
      `arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/${name}-??????????`,
    );
  });
});

describe("assertGatewayName", () => {
  it("accepts names the service accepts", () => {
    for (const name of ["a", "A1", "my-gateway", "My-Gateway-2", "x-"]) expect(() => assertGatewayName(name)).not.toThrow();
  });
  it("rejects non-strings", () => {
    expect(() => assertGatewayName(42)).toThrow("gatewayName must be 1-48");
  });
});

describe("formatPolicy", () => {
  it("is the exact text the UI copies: two-space JSON", () => {
    expect(formatPolicy(buildGatewayTrustPolicy({ accountId: ACCOUNT, region: "us-gov-west-1", gatewayName: "gw" }))).toBe(
      `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "AllowAgentCoreGatewayAssumeRole",
      "Effect": "Allow",
      "Principal": {
        "Service": "bedrock-agentcore.amazonaws.com"
      },
      "Action": "sts:AssumeRole",
      "Condition": {
        "StringEquals": {
          "aws:SourceAccount": "123456789012"
        },
        "ArnLike": {
          "aws:SourceArn": "arn:aws-us-gov:bedrock-agentcore:us-gov-west-1:123456789012:gateway/gw-??????????"
        }
      }
    }
  ]
}`,
    );
  });
});
