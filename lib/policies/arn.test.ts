import { describe, expect, it } from "vitest";
import {
  agentCoreArn,
  assertAccountId,
  assertRegion,
  escapeIamResource,
  formatArn,
  isAccountId,
  isPartition,
  isRegion,
  parseArn,
  parseS3Uri,
  partitionForRegion,
  resolvePartition,
  s3ObjectArn,
} from "./arn";

describe("partitionForRegion", () => {
  it.each([
    ["us-east-1", "aws"],
    ["eu-west-3", "aws"],
    ["ap-southeast-2", "aws"],
    ["cn-north-1", "aws-cn"],
    ["cn-northwest-1", "aws-cn"],
    ["us-gov-west-1", "aws-us-gov"],
    ["us-gov-east-1", "aws-us-gov"],
  ])("%s → %s", (region, partition) => {
    expect(partitionForRegion(region)).toBe(partition);
  });
});

describe("isRegion / isAccountId / isPartition", () => {
  it.each(["us-east-1", "cn-north-1", "us-gov-west-1", "ap-northeast-3", "il-central-1"])("accepts region %s", (r) => {
    expect(isRegion(r)).toBe(true);
  });

  it.each(["", "us-east", "US-EAST-1", "us-east-1a", "us_east_1", "useast1", "us-iso-east-1x", " us-east-1", 42])(
    "rejects region %j",
    (r) => {
      expect(isRegion(r)).toBe(false);
    },
  );

  it("accepts exactly 12 digits as an account", () => {
    expect(isAccountId("123456789012")).toBe(true);
    expect(isAccountId("012345678901")).toBe(true);
    expect(isAccountId("12345678901")).toBe(false);
    expect(isAccountId("1234567890123")).toBe(false);
    expect(isAccountId("12345678901a")).toBe(false);
    expect(isAccountId(123456789012)).toBe(false);
  });

  it("knows the three partitions only", () => {
    expect(isPartition("aws")).toBe(true);
    expect(isPartition("aws-cn")).toBe(true);
    expect(isPartition("aws-us-gov")).toBe(true);
    expect(isPartition("aws-iso")).toBe(false);
    expect(isPartition(undefined)).toBe(false);
  });
});

describe("assertions", () => {
  it("explains a bad account ID", () => {
    expect(() => assertAccountId("1234")).toThrow('accountId must be a 12-digit AWS account ID, got "1234"');
    expect(() => assertAccountId(undefined, "bucket owner")).toThrow("bucket owner must be a 12-digit AWS account ID, got undefined");
    expect(() => assertAccountId("123456789012")).not.toThrow();
  });

  it("explains a bad region", () => {
    expect(() => assertRegion("moon-1")).toThrow(
      'region must be an AWS Region such as us-east-1, cn-north-1 or us-gov-west-1, got "moon-1"',
    );
    expect(() => assertRegion("us-west-2")).not.toThrow();
  });
});

describe("resolvePartition", () => {
  it("derives the partition from the region", () => {
    expect(resolvePartition("us-east-1")).toBe("aws");
    expect(resolvePartition("cn-north-1")).toBe("aws-cn");
    expect(resolvePartition("us-gov-west-1")).toBe("aws-us-gov");
  });

  it("accepts a matching explicit partition", () => {
    expect(resolvePartition("cn-north-1", "aws-cn")).toBe("aws-cn");
  });

  it("rejects a partition that contradicts the region", () => {
    expect(() => resolvePartition("cn-north-1", "aws")).toThrow(
      "partition aws does not match region cn-north-1, which is in partition aws-cn",
    );
    expect(() => resolvePartition("us-east-1", "aws-us-gov")).toThrow("partition aws-us-gov does not match region us-east-1");
  });

  it("rejects an unknown partition and a bad region", () => {
    expect(() => resolvePartition("us-east-1", "aws-iso" as never)).toThrow(
      'partition must be one of aws, aws-cn, aws-us-gov, got "aws-iso"',
    );
    expect(() => resolvePartition("nowhere")).toThrow("region must be an AWS Region");
  });
});

describe("parseArn / formatArn", () => {
  it("splits the six parts and keeps colons in the resource", () => {
    expect(parseArn("arn:aws:lambda:us-east-1:123456789012:function:f:PROD")).toEqual({
      partition: "aws",
      service: "lambda",
      region: "us-east-1",
      accountId: "123456789012",
      resource: "function:f:PROD",
    });
  });

  it("parses ARNs with empty region and account", () => {
    expect(parseArn("arn:aws-cn:s3:::bucket/key")).toEqual({
      partition: "aws-cn",
      service: "s3",
      region: "",
      accountId: "",
      resource: "bucket/key",
    });
  });

  it.each(["", "arn:aws:s3", "arn:aws:s3:::", "arn::s3:::b", "arn:aws::::x", "urn:aws:s3:::b", "not an arn"])(
    "returns null for %j",
    (text) => {
      expect(parseArn(text)).toBeNull();
    },
  );

  it("round-trips", () => {
    const text = "arn:aws-us-gov:bedrock-agentcore:us-gov-west-1:123456789012:token-vault/default/apikeycredentialprovider/x";
    expect(formatArn(parseArn(text)!)).toBe(text);
  });

  it("builds AgentCore ARNs", () => {
    expect(agentCoreArn("aws-cn", "cn-north-1", "123456789012", "gateway/*")).toBe(
      "arn:aws-cn:bedrock-agentcore:cn-north-1:123456789012:gateway/*",
    );
  });
});

describe("S3 helpers", () => {
  it("parses s3://bucket/key", () => {
    expect(parseS3Uri("s3://my-bucket/schemas/tools.json")).toEqual({ bucket: "my-bucket", key: "schemas/tools.json" });
  });

  it.each(["s3://bucket", "s3://bucket/", "https://bucket/key", "s3:///key", "bucket/key"])("rejects %j", (uri) => {
    expect(parseS3Uri(uri)).toBeNull();
  });

  it("formats object ARNs per partition", () => {
    const location = { bucket: "b", key: "k/tools.json" };
    expect(s3ObjectArn("aws", location)).toBe("arn:aws:s3:::b/k/tools.json");
    expect(s3ObjectArn("aws-cn", location)).toBe("arn:aws-cn:s3:::b/k/tools.json");
    expect(s3ObjectArn("aws-us-gov", location)).toBe("arn:aws-us-gov:s3:::b/k/tools.json");
  });

  it("escapes IAM wildcard and variable characters in keys", () => {
    expect(escapeIamResource("a*b?c$d")).toBe("a${*}b${?}c${$}d");
    expect(s3ObjectArn("aws", { bucket: "b", key: "v1/*.json" })).toBe("arn:aws:s3:::b/v1/${*}.json");
    expect(s3ObjectArn("aws", { bucket: "b", key: "${aws:username}" })).toBe("arn:aws:s3:::b/${$}{aws:username}");
  });
});
