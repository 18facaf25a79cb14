// AgentCore Control tagging (TagResource, UntagResource, ListTagsForResource): gateways are taggable, targets are not.
import { operationsByName, ServiceError, type OperationContext, type OperationHandler } from "../../core/types";
import { parseArn } from "../../../formats/arn";
import { dict } from "../../core/dict";
import { existingRegion, fieldError, region } from "./responses";
import { liveGateway, purge, type GatewayRecord } from "./models";

/** AWS's per-resource limit (TagsMap allows 50 in one call; the merged set may not exceed it either). */
export const MAX_TAGS_PER_RESOURCE = 50;
const RESERVED_PREFIX = /^aws:/i;

/**
 * The gateway a taggable ARN names. The operations' documentation lists Gateway as the only taggable resource the
 * sandbox serves; a target (gateway/ID/target/TID) or a token-vault ARN is refused as AWS refuses untaggable types.
 */
function taggedGateway(input: Record<string, unknown>, ctx: OperationContext, forWrite: boolean): GatewayRecord {
  const text = input.resourceArn as string;
  const arn = parseArn(text);
  const parts = arn?.resource.split("/") ?? [];
  if (!arn || parts[0] !== "gateway" || parts.length !== 2) {
    throw fieldError("resourceArn", `Value at 'resourceArn' failed to satisfy constraint: Resource type ${parts[0] === "gateway" ? "gateway target" : (parts[0] ?? "unknown")} does not support tagging`);
  }
  const now = ctx.now();
  const r = forWrite ? region(ctx) : existingRegion(ctx);
  if (forWrite && r) purge(r, now);
  const g = arn.region === ctx.region && arn.accountId === ctx.accountId ? liveGateway(r, parts[1], now) : undefined;
  if (!g || g.gatewayArn !== text) throw new ServiceError("ResourceNotFoundException", `Resource not found: ${text}`);
  return g;
}

function checkKeys(keys: string[], member: string): void {
  const reserved = keys.find((k) => RESERVED_PREFIX.test(k));
  if (reserved !== undefined) throw fieldError(member, `Value at '${member}' failed to satisfy constraint: Tag keys starting with aws: are reserved for AWS use`);
}

export const tagResource: OperationHandler = (input, ctx) => {
  const g = taggedGateway(input, ctx, true);
  const tags = input.tags as Record<string, string>;
  checkKeys(Object.keys(tags), "tags");
  // Prototype-free: "__proto__" is a valid tag key.
  const merged = Object.assign(dict<string>(), g.tags, tags);
  if (Object.keys(merged).length > MAX_TAGS_PER_RESOURCE) {
    throw new ServiceError("ServiceQuotaExceededException", `A resource can have at most ${MAX_TAGS_PER_RESOURCE} tags`);
  }
  g.tags = merged;
  return {};
};

export const untagResource: OperationHandler = (input, ctx) => {
  const g = taggedGateway(input, ctx, true);
  const keys = input.tagKeys as string[];
  checkKeys(keys, "tagKeys");
  const rest = Object.assign(dict<string>(), g.tags);
  for (const k of keys) delete rest[k];
  g.tags = rest;
  return {};
};

export const listTagsForResource: OperationHandler = (input, ctx) => ({ tags: { ...(taggedGateway(input, ctx, false).tags ?? {}) } });

export const tagOperations = operationsByName({
  tagResource, untagResource, listTagsForResource,
});
