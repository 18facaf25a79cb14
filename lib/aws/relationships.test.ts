import { describe, expect, it } from "vitest";
import { poolIdOfDiscoveryUrl } from "@/formats/cognito-urls";
import { roleNameOfArn, usingPool, usingProviders, usingRole, type GatewayScan } from "./relationships";

const scan: GatewayScan = {
  complete: true,
  gateways: [
    { gatewayId: "a-1", name: "a", status: "READY", roleArn: "arn:aws:iam::123456789012:role/Shared", poolId: "us-east-1_AAA", providerArns: ["p1", "p2"] },
    { gatewayId: "b-1", name: "b", status: "READY", roleArn: "arn:aws:iam::123456789012:role/service/shared", providerArns: ["p2"] },
    { gatewayId: "c-1", name: "c", status: "CREATING", roleArn: "arn:aws:iam::123456789012:role/SharedToo", poolId: "us-east-1_AAAB" },
  ],
};

describe("relationships", () => {
  it("reads the role name of an ARN with or without a path, and nothing else", () => {
    expect(roleNameOfArn("arn:aws:iam::123456789012:role/a/b/My-Role")).toBe("My-Role");
    expect(roleNameOfArn("arn:aws:iam::123456789012:user/x")).toBeUndefined();
    expect(roleNameOfArn(undefined)).toBeUndefined();
  });

  it("matches role names case-insensitively, whatever the path, and never by prefix", () => {
    expect(usingRole(scan, "shared").gateways.map((g) => g.name)).toEqual(["a", "b"]);
  });

  it("matches pools by exact id", () => {
    expect(usingPool(scan, "us-east-1_AAA").gateways.map((g) => g.name)).toEqual(["a"]);
  });

  it("maps each provider to every gateway using it", () => {
    const by = usingProviders(scan);
    expect(by.p1.map((g) => g.name)).toEqual(["a"]);
    expect(by.p2.map((g) => g.name)).toEqual(["a", "b"]);
    expect(by.constructor).toBeUndefined();
  });

  it("finds the pool of AWS and sandbox discovery URLs only", () => {
    expect(poolIdOfDiscoveryUrl("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123/.well-known/openid-configuration")).toBe("eu-west-1_AbC123");
    expect(poolIdOfDiscoveryUrl("http://127.0.0.1:4599/us-east-1_X1/.well-known/openid-configuration")).toBe("us-east-1_X1");
    expect(poolIdOfDiscoveryUrl("https://login.example.com/.well-known/openid-configuration")).toBeUndefined();
    expect(poolIdOfDiscoveryUrl(undefined)).toBeUndefined();
  });
});
