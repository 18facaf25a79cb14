// Server-only gateway tags: ListTagsForResource, and an edit applied as the difference (UntagResource, then TagResource).
import "server-only";
import { ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand } from "@aws-sdk/client-bedrock-agentcore-control";
import type { Tag } from "@/lib/schemas/tags";
import { agentCoreControl } from "./clients";
import { toConsoleError } from "./errors";

export type { Tag };

const sorted = (tags: Record<string, string> | undefined): Tag[] =>
  Object.entries(tags ?? {})
    .map(([key, value]) => ({ key, value }))
    .sort((a, b) => a.key.localeCompare(b.key));

export async function listGatewayTags(region: string, gatewayArn: string): Promise<Tag[]> {
  try {
    return sorted((await agentCoreControl(region).send(new ListTagsForResourceCommand({ resourceArn: gatewayArn }))).tags);
  } catch (err) {
    throw toConsoleError(err, "read the gateway's tags");
  }
}

/** Makes the gateway's tags exactly `desired`: removes the keys no longer there, then adds or changes the rest. */
export async function setGatewayTags(region: string, gatewayArn: string, desired: Tag[]): Promise<{ tags: Tag[]; added: number; removed: number }> {
  const client = agentCoreControl(region);
  const current = new Map((await listGatewayTags(region, gatewayArn)).map((t) => [t.key, t.value]));
  const want = new Map(desired.map((t) => [t.key, t.value]));
  const removed = [...current.keys()].filter((k) => !want.has(k));
  const changed = [...want].filter(([k, v]) => current.get(k) !== v);
  try {
    // Untag first, so a full set of 50 can be replaced by another 50 without crossing the limit.
    if (removed.length) await client.send(new UntagResourceCommand({ resourceArn: gatewayArn, tagKeys: removed }));
    if (changed.length) await client.send(new TagResourceCommand({ resourceArn: gatewayArn, tags: Object.fromEntries(changed) }));
  } catch (err) {
    throw toConsoleError(err, "change the gateway's tags");
  }
  return { tags: sorted(Object.fromEntries(want)), added: changed.length, removed: removed.length };
}
