// Partitions, account/region validation and ARN parse/format helpers for the policy builders.
// The ARN shapes themselves live in formats/, shared with the sandbox.
export { agentCoreArn, formatArn, parseArn, type Arn } from "@/formats/arn";

export const PARTITIONS = ["aws", "aws-cn", "aws-us-gov"] as const;
export type Partition = (typeof PARTITIONS)[number];

// Same region shape as the AgentCore model's LambdaFunctionArn pattern: it covers the three
// partitions the gateway ARN pattern allows (aws, aws-cn, aws-us-gov) and nothing else.
const REGION_PATTERN = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const ACCOUNT_ID_PATTERN = /^\d{12}$/;

export function isPartition(value: unknown): value is Partition {
  return typeof value === "string" && (PARTITIONS as readonly string[]).includes(value);
}

export function isAccountId(value: unknown): value is string {
  return typeof value === "string" && ACCOUNT_ID_PATTERN.test(value);
}

export function isRegion(value: unknown): value is string {
  return typeof value === "string" && REGION_PATTERN.test(value);
}

export function partitionForRegion(region: string): Partition {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

export function assertAccountId(accountId: unknown, label = "accountId"): asserts accountId is string {
  if (!isAccountId(accountId)) {
    throw new Error(`${label} must be a 12-digit AWS account ID, got ${JSON.stringify(accountId)}`);
  }
}

export function assertRegion(region: unknown, label = "region"): asserts region is string {
  if (!isRegion(region)) {
    throw new Error(
      `${label} must be an AWS Region such as us-east-1, cn-north-1 or us-gov-west-1, got ${JSON.stringify(region)}`,
    );
  }
}

/** Validates region and optional partition together and returns the partition to use. */
export function resolvePartition(region: string, partition?: Partition): Partition {
  assertRegion(region);
  const expected = partitionForRegion(region);
  if (partition === undefined) return expected;
  if (!isPartition(partition)) {
    throw new Error(`partition must be one of ${PARTITIONS.join(", ")}, got ${JSON.stringify(partition)}`);
  }
  if (partition !== expected) {
    throw new Error(`partition ${partition} does not match region ${region}, which is in partition ${expected}`);
  }
  return partition;
}

export interface S3ObjectLocation {
  bucket: string;
  key: string;
}

/** Parses `s3://bucket/key`; returns null when the bucket or the key is missing. */
export function parseS3Uri(uri: string): S3ObjectLocation | null {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (!match) return null;
  return { bucket: match[1], key: match[2] };
}

// In a Resource element `*`, `?` are wildcards and `${...}` is a policy variable; IAM's own
// escapes for them as literal characters are ${*}, ${?} and ${$} (policy version 2012-10-17).
export function escapeIamResource(literal: string): string {
  return literal.replace(/[*?$]/g, (ch) => `\${${ch}}`);
}

export function s3ObjectArn(partition: Partition, location: S3ObjectLocation): string {
  return `arn:${partition}:s3:::${escapeIamResource(`${location.bucket}/${location.key}`)}`;
}
