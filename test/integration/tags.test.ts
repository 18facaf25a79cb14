// AgentCore Control tagging through the real SDK client over HTTP: gateways are taggable, targets are not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CreateGatewayCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type BedrockAgentCoreControlClient,
} from "@aws-sdk/client-bedrock-agentcore-control";
import { REGION, ROLE_ARN, agentCoreClient, catchError, seedGatewayTarget, startSandbox, type TestSandbox } from "./helpers";

let sandbox: TestSandbox;
let client: BedrockAgentCoreControlClient;
let n = 0;

async function gateway(tags?: Record<string, string>) {
  return client.send(new CreateGatewayCommand({ name: `tagged-${++n}`, roleArn: ROLE_ARN, protocolType: "MCP", authorizerType: "NONE", tags }));
}

beforeAll(async () => {
  sandbox = await startSandbox();
  client = agentCoreClient(sandbox);
});
afterAll(async () => {
  client?.destroy();
  await sandbox?.dispose();
});

describe("gateway tags", () => {
  it("returns the tags given at CreateGateway, adds with TagResource and removes with UntagResource", async () => {
    const g = await gateway({ team: "platform", env: "dev" });
    const arn = g.gatewayArn!;
    expect((await client.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({ team: "platform", env: "dev" });
    await client.send(new TagResourceCommand({ resourceArn: arn, tags: { env: "prod", "cost center": "42" } }));
    await client.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ["team", "not-there"] }));
    expect((await client.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({ env: "prod", "cost center": "42" });
  });

  it("a gateway without tags lists none, and a __proto__ key is an ordinary tag", async () => {
    const g = await gateway();
    expect((await client.send(new ListTagsForResourceCommand({ resourceArn: g.gatewayArn! }))).tags ?? {}).toEqual({});
    await client.send(new TagResourceCommand({ resourceArn: g.gatewayArn!, tags: Object.fromEntries([["__proto__", "x"], ["constructor", "y"]]) }));
    const tags = (await client.send(new ListTagsForResourceCommand({ resourceArn: g.gatewayArn! }))).tags!;
    expect(Object.entries(tags).sort()).toEqual([["__proto__", "x"], ["constructor", "y"]]);
  });

  it("validates keys and values with the model's constraints and refuses aws: keys", async () => {
    const g = await gateway();
    const bad = await catchError<Error & { fieldList?: { name: string }[] }>(() => client.send(new TagResourceCommand({ resourceArn: g.gatewayArn!, tags: { "bad#key": "v" } })));
    expect(bad.name).toBe("ValidationException");
    const long = await catchError(() => client.send(new TagResourceCommand({ resourceArn: g.gatewayArn!, tags: { k: "v".repeat(257) } })));
    expect(long.name).toBe("ValidationException");
    const reserved = await catchError(() => client.send(new TagResourceCommand({ resourceArn: g.gatewayArn!, tags: { "aws:owner": "me" } })));
    expect(reserved.name).toBe("ValidationException");
    expect((await client.send(new ListTagsForResourceCommand({ resourceArn: g.gatewayArn! }))).tags ?? {}).toEqual({});
  });

  it("refuses more than 50 tags on one gateway, counting the ones it has", async () => {
    const g = await gateway(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`a${i}`, "1"])));
    const more = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`b${i}`, "1"]));
    const err = await catchError(() => client.send(new TagResourceCommand({ resourceArn: g.gatewayArn!, tags: more })));
    expect(err.name).toBe("ServiceQuotaExceededException");
    expect(Object.keys((await client.send(new ListTagsForResourceCommand({ resourceArn: g.gatewayArn! }))).tags!)).toHaveLength(30);
  });

  it("targets are not taggable, and an unknown gateway is not found", async () => {
    const g = await gateway();
    const target = seedGatewayTarget(sandbox.store, REGION, g.gatewayId!);
    const targetArn = `${g.gatewayArn}/target/${target.targetId}`;
    const err = await catchError(() => client.send(new TagResourceCommand({ resourceArn: targetArn, tags: { a: "b" } })));
    expect(err.name).toBe("ValidationException");
    const missing = await catchError(() => client.send(new ListTagsForResourceCommand({ resourceArn: `arn:aws:bedrock-agentcore:${REGION}:123456789012:gateway/nope-abcdefghij` })));
    expect(missing.name).toBe("ResourceNotFoundException");
    const otherRegion = await catchError(() => client.send(new ListTagsForResourceCommand({ resourceArn: g.gatewayArn!.replace(REGION, "eu-west-1") })));
    expect(otherRegion.name).toBe("ResourceNotFoundException");
  });
});
