import { describe, expect, it } from "vitest";
import { loadModel } from "./model";
import { formatTimestamp, fromQueryParams, toJsonWire, toXml } from "./serde";

const agentcore = loadModel("bedrock-agentcore-control");
const iam = loadModel("iam");

describe("serde", () => {
  it("toJsonWire keeps modelled members and formats timestamps per trait", () => {
    const out = toJsonWire(agentcore, "GetGatewayResponse", {
      gatewayId: "g-abcdefghij",
      name: "g",
      createdAt: "2025-01-02T03:04:05.000Z",
      internal: "dropped",
      description: null,
      tags: { a: "b" },
    }, "epoch-seconds");
    expect(out).toEqual({ gatewayId: "g-abcdefghij", name: "g", createdAt: "2025-01-02T03:04:05.000Z" });
  });

  it("formatTimestamp", () => {
    expect(formatTimestamp("2025-01-02T03:04:05.500Z", "epoch-seconds")).toBe(1735787045.5);
    expect(formatTimestamp(1735787045, "date-time")).toBe("2025-01-02T03:04:05.000Z");
    expect(formatTimestamp(new Date(0), "http-date")).toBe("Thu, 01 Jan 1970 00:00:00 GMT");
    expect(formatTimestamp("nope", "date-time")).toBeUndefined();
  });

  it("fromQueryParams decodes awsQuery forms via the model", () => {
    const params = new URLSearchParams(
      "Action=CreateRole&Version=2010-05-08&RoleName=R&AssumeRolePolicyDocument=%7B%7D&MaxSessionDuration=3600&Tags.member.1.Key=k1&Tags.member.1.Value=v1&Tags.member.2.Key=k2&Tags.member.2.Value=v2",
    );
    expect(fromQueryParams(iam, "CreateRoleRequest", params)).toEqual({
      RoleName: "R",
      AssumeRolePolicyDocument: "{}",
      MaxSessionDuration: 3600,
      Tags: [
        { Key: "k1", Value: "v1" },
        { Key: "k2", Value: "v2" },
      ],
    });
  });

  it("toXml serializes structures, member lists and ISO timestamps", () => {
    const xml = toXml(iam, "ListRolesResponse", {
      Roles: [{ RoleName: "R", Path: "/", RoleId: "AROA1", Arn: "arn:aws:iam::123456789012:role/R", CreateDate: "2025-01-02T03:04:05.000Z", Description: "a<b" }],
      IsTruncated: false,
    });
    expect(xml).toBe(
      "<Roles><member><Path>/</Path><RoleName>R</RoleName><RoleId>AROA1</RoleId><Arn>arn:aws:iam::123456789012:role/R</Arn><CreateDate>2025-01-02T03:04:05.000Z</CreateDate><Description>a&lt;b</Description></member></Roles><IsTruncated>false</IsTruncated>",
    );
  });
});
