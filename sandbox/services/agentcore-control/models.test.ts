import { describe, expect, it } from "vitest";
import { Store } from "../../core/store";
import { startTransition } from "../../core/lifecycle";
import {
  agentCoreState,
  gatewayIdentity,
  gatewayTargets,
  gatewayView,
  purge,
  randomSuffix,
  regionState,
  removeGatewayTarget,
  seedGatewayTarget,
  type GatewayRecord,
} from "./models";

function gateway(store: Store, region: string, name: string, extra: Partial<GatewayRecord> = {}): GatewayRecord {
  const r = regionState(agentCoreState(store), region);
  const g: GatewayRecord = {
    ...gatewayIdentity(region, name),
    name,
    protocolType: "MCP",
    authorizerType: "NONE",
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-01T00:00:00.000Z",
    seq: ++r.seq,
    stableStatus: "READY",
    ...extra,
  };
  r.gateways[g.gatewayId] = g;
  return g;
}

describe("agentcore-control models", () => {
  it("identities follow the service's formats", () => {
    expect(randomSuffix()).toMatch(/^[a-z0-9]{10}$/);
    const id = gatewayIdentity("eu-west-1", "My-Gw", "abcdefghij");
    expect(id).toEqual({
      gatewayId: "my-gw-abcdefghij",
      gatewayArn: "arn:aws:bedrock-agentcore:eu-west-1:123456789012:gateway/my-gw-abcdefghij",
      gatewayUrl: "https://my-gw-abcdefghij.gateway.bedrock-agentcore.eu-west-1.amazonaws.com/mcp",
      workloadIdentityDetails: {
        workloadIdentityArn: "arn:aws:bedrock-agentcore:eu-west-1:123456789012:workload-identity-directory/default/workload-identity/my-gw-abcdefghij",
      },
    });
  });

  it("views compute the status and hide internals", () => {
    const store = new Store();
    const g = gateway(store, "us-east-1", "a", { transition: startTransition(1000, 100, "CREATING", "READY") });
    expect(gatewayView(g, 1050)).toMatchObject({ status: "CREATING", name: "a" });
    expect(gatewayView(g, 1100).status).toBe("READY");
    expect(gatewayView(g, 1100)).not.toHaveProperty("seq");
    expect(gatewayView(g, 1100)).not.toHaveProperty("transition");
  });

  it("seeds, lists and removes targets; purge drops finished deletions with their targets", () => {
    const store = new Store();
    const g = gateway(store, "us-east-1", "b");
    expect(() => seedGatewayTarget(store, "us-east-1", "nope-abcdefghij")).toThrow(/no gateway/);
    const t = seedGatewayTarget(store, "us-east-1", g.gatewayId, { name: "t" }, 0);
    expect(t).toMatchObject({ name: "t", gatewayArn: g.gatewayArn, stableStatus: "READY" });
    expect(gatewayTargets(store, "us-east-1", g.gatewayId).map((x) => x.targetId)).toEqual([t.targetId]);
    expect(gatewayTargets(store, "eu-west-1", g.gatewayId)).toEqual([]);
    expect(removeGatewayTarget(store, "us-east-1", g.gatewayId, t.targetId)).toBe(true);
    expect(removeGatewayTarget(store, "us-east-1", g.gatewayId, t.targetId)).toBe(false);

    seedGatewayTarget(store, "us-east-1", g.gatewayId, {}, 0);
    g.transition = startTransition(0, 10, "DELETING", null);
    const r = agentCoreState(store).regions["us-east-1"];
    purge(r, 5);
    expect(r.gateways[g.gatewayId]).toBeDefined();
    purge(r, 10);
    expect(r.gateways[g.gatewayId]).toBeUndefined();
    expect(r.targets[g.gatewayId]).toBeUndefined();
  });
});
