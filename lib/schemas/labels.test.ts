// The enum label tables: every value AWS's model defines has a name, and what a table column or form shows for each.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AUTHORIZER_TYPE_LABELS, OUTBOUND_AUTH_LABELS, TARGET_TYPE_LABELS, authorizerTypeName, targetTypeName } from "./labels";
import { OUTBOUND_AUTH_TYPES, TARGET_TYPES } from "./target";

const model = JSON.parse(readFileSync(new URL("../../sandbox/models/bedrock-agentcore-control.json", import.meta.url), "utf8")) as {
  shapes: Record<string, { members?: Record<string, unknown> }>;
};
const enumValues = (name: string) => Object.keys(model.shapes[`com.amazonaws.bedrockagentcorecontrol#${name}`]?.members ?? {}).sort();

describe("authorizer types", () => {
  it("names every AuthorizerType of the model", () => {
    expect(enumValues("AuthorizerType").length).toBeGreaterThan(0);
    expect(Object.keys(AUTHORIZER_TYPE_LABELS).sort()).toEqual(enumValues("AuthorizerType"));
  });
  it("shows the short name in tables and an unknown type as it is", () => {
    expect(authorizerTypeName("CUSTOM_JWT")).toBe("JWT (OAuth)");
    expect(authorizerTypeName("NONE")).toBe("None");
    expect(AUTHORIZER_TYPE_LABELS.NONE.label).toBe("No authorization");
    expect(authorizerTypeName("SOMETHING_NEW")).toBe("SOMETHING_NEW");
    expect(authorizerTypeName("toString")).toBe("toString");
  });
});

describe("target types", () => {
  it("names every form kind, each with a TargetType of the model", () => {
    expect(Object.keys(TARGET_TYPE_LABELS).sort()).toEqual([...TARGET_TYPES].sort());
    for (const t of Object.values(TARGET_TYPE_LABELS)) expect(enumValues("TargetType")).toContain(t.awsType);
  });
  it("has a short name for every TargetType AWS lists, including those the console cannot create", () => {
    for (const t of enumValues("TargetType")) expect(targetTypeName(t)).not.toBe(t);
    expect(targetTypeName("LAMBDA")).toBe("Lambda");
    expect(targetTypeName("OPEN_API_SCHEMA")).toBe("OpenAPI");
    expect(targetTypeName("API_GATEWAY")).toBe("API Gateway");
  });
  it("shows — for no type and an unknown type as it is", () => {
    expect(targetTypeName(undefined)).toBe("—");
    expect(targetTypeName("")).toBe("—");
    expect(targetTypeName("QUANTUM")).toBe("QUANTUM");
    expect(targetTypeName("constructor")).toBe("constructor");
  });
});

describe("outbound auth", () => {
  it("names every outbound auth type", () => {
    expect(Object.keys(OUTBOUND_AUTH_LABELS).sort()).toEqual([...OUTBOUND_AUTH_TYPES].sort());
  });
});
