// Builds the execution role's trust policy: AgentCore may assume it only for this account's gateways.

import { agentCoreArn, assertAccountId, resolvePartition, type Partition } from "./arn";
import { POLICY_VERSION, type PolicyDocument } from "./policy-document";

export { formatPolicy } from "./policy-document";

export const AGENTCORE_SERVICE_PRINCIPAL = "bedrock-agentcore.amazonaws.com";
export const TRUST_STATEMENT_SID = "AllowAgentCoreGatewayAssumeRole";

// The service's rule (see aws-models/PROVENANCE.md), stricter than the model's 100.
const GATEWAY_NAME_PATTERN = /^([0-9a-zA-Z][-]?){1,48}$/;

export interface GatewayTrustPolicyInput {
  accountId: string;
  region: string;
  /** Limits the trust to gateways created with this name; omitted or empty means any gateway. */
  gatewayName?: string;
  /** Defaults to the region's partition; must match it when given. */
  partition?: Partition;
}

export function assertGatewayName(name: unknown): asserts name is string {
  if (typeof name !== "string" || !GATEWAY_NAME_PATTERN.test(name)) {
    throw new Error(
      `gatewayName must be 1-48 letters or digits, optionally separated by single hyphens, got ${JSON.stringify(name)}`,
    );
  }
}

/** Gateway IDs are the lowercased name, `-`, and this many characters of [0-9a-z]. */
export const GATEWAY_ID_SUFFIX_LENGTH = 10;

/** The resource part of the ARN every gateway of this name will have: `gateway/NAME-??????????`. */
export function gatewayNameResourcePattern(gatewayName: string): string {
  assertGatewayName(gatewayName);
  return `gateway/${gatewayName.toLowerCase()}-${"?".repeat(GATEWAY_ID_SUFFIX_LENGTH)}`;
}

/**
 * The aws:SourceArn pattern for the gateways the role serves. Gateway IDs are the lowercased
 * name plus `-` and a 10-character suffix (GatewayId pattern is lowercase only), and ArnLike is
 * case-sensitive, so the name is lowercased here. Each `?` matches exactly one character, so
 * `orders-??????????` is not matched by `orders-prod-abcdefghij` (which `orders-*` would be).
 */
export function gatewaySourceArnPattern(input: GatewayTrustPolicyInput): string {
  assertAccountId(input.accountId);
  const partition = resolvePartition(input.region, input.partition);
  const name = input.gatewayName === undefined || input.gatewayName === "" ? undefined : input.gatewayName;
  if (name !== undefined) assertGatewayName(name);
  const resource = name === undefined ? "gateway/*" : gatewayNameResourcePattern(name);
  return agentCoreArn(partition, input.region, input.accountId, resource);
}

/**
 * Whether the trust is exactly the one the console makes for this gateway name before the gateway exists: today's
 * `NAME-??????????`, or the `NAME-*` of earlier versions. Only such a trust is offered to be tightened to the exact ARN.
 */
export function isNamePatternTrust(document: unknown, input: { accountId: string; region: string; gatewayName: string }): boolean {
  try {
    const current = buildGatewayTrustPolicy(input);
    const legacy = trustDocument(input.accountId, { ArnLike: { "aws:SourceArn": gatewaySourceArnPattern(input).replace(/\?+$/, "*") } });
    return [current, legacy].some((d) => JSON.stringify(d) === JSON.stringify(document));
  } catch {
    return false;
  }
}

/** Once the gateway exists: the trust policy that lets only that one gateway (its exact ARN) assume the role. */
export function buildExactGatewayTrustPolicy(input: { accountId: string; gatewayArn: string }): PolicyDocument {
  assertAccountId(input.accountId);
  const m = /^arn:(aws|aws-cn|aws-us-gov):bedrock-agentcore:([a-z0-9-]+):(\d{12}):gateway\/([0-9a-z-]+)$/.exec(input.gatewayArn);
  if (!m || m[3] !== input.accountId) {
    throw new Error(`gatewayArn must be a gateway ARN of account ${input.accountId}, got ${JSON.stringify(input.gatewayArn)}`);
  }
  return trustDocument(input.accountId, { ArnEquals: { "aws:SourceArn": input.gatewayArn } });
}

function trustDocument(accountId: string, arnCondition: Record<string, Record<string, string>>): PolicyDocument {
  return {
    Version: POLICY_VERSION,
    Statement: [
      {
        Sid: TRUST_STATEMENT_SID,
        Effect: "Allow",
        Principal: { Service: AGENTCORE_SERVICE_PRINCIPAL },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:SourceAccount": accountId }, ...arnCondition },
      },
    ],
  };
}

// The principal is bedrock-agentcore.amazonaws.com in every partition: newer services use the
// amazonaws.com principal in aws-cn too, only the ARNs change with the partition.
export function buildGatewayTrustPolicy(input: GatewayTrustPolicyInput): PolicyDocument {
  return trustDocument(input.accountId, { ArnLike: { "aws:SourceArn": gatewaySourceArnPattern(input) } });
}
