// Typed form paths: get/set at run time, and (checked by tsc) that a wrong path or a wrong value does not compile.
import { describe, expect, expectTypeOf, it } from "vitest";
import { covers, getPath, setPath, type Path, type PathValue, type StringPath } from "./field-path";
import type { ZodFormApi } from "./use-zod-form";
import { emptyGatewayForm, type GatewayFormValues } from "@/lib/schemas/gateway";
import { emptyTargetForm, type TargetFormValues } from "@/lib/schemas/target";

type Sample = { name: string; on: boolean; mode: "a" | "b"; tags: { key: string; value: string }[]; nested: { list: string[]; deep: { n: number } } };
const sample = (): Sample => ({ name: "x", on: false, mode: "a", tags: [{ key: "k", value: "v" }], nested: { list: ["p", "q"], deep: { n: 1 } } });

describe("getPath", () => {
  it("reads top-level, nested, array and array-item fields", () => {
    const s = sample();
    expect(getPath(s, "name")).toBe("x");
    expect(getPath(s, "nested.deep.n")).toBe(1);
    expect(getPath(s, "tags.0.value")).toBe("v");
    expect(getPath(s, "nested.list.1")).toBe("q");
    expect(getPath(s, "tags")).toBe(s.tags);
  });

  it("gives undefined past the end of a list instead of throwing", () => {
    expect(getPath(sample(), "tags.3.key")).toBeUndefined();
  });
});

describe("setPath", () => {
  it("replaces one field and leaves the original untouched", () => {
    const before = sample();
    const after = setPath(before, "tags.0.key", "changed");
    expect(after.tags[0]).toEqual({ key: "changed", value: "v" });
    expect(before.tags[0].key).toBe("k");
    expect(Array.isArray(after.tags)).toBe(true);
  });

  it("copies only the objects along the path and shares the rest", () => {
    const before = sample();
    const after = setPath(before, "nested.deep.n", 2);
    expect(after.nested.deep.n).toBe(2);
    expect(after).not.toBe(before);
    expect(after.nested).not.toBe(before.nested);
    expect(after.nested.list).toBe(before.nested.list);
    expect(after.tags).toBe(before.tags);
  });

  it("sets a whole list and a list item", () => {
    expect(setPath(sample(), "nested.list", []).nested.list).toEqual([]);
    expect(setPath(sample(), "nested.list.0", "z").nested.list).toEqual(["z", "q"]);
  });

  it("refuses a path through a missing object and a path that reaches the prototype", () => {
    expect(() => setPath(sample(), "tags.5.key", "x")).toThrow(/does not exist/);
    expect(() => setPath(sample(), "__proto__.polluted" as Path<Sample>, "x" as never)).toThrow(/Invalid field path/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(() => getPath(sample(), "" as Path<Sample>)).toThrow(/Invalid field path/);
  });

  it("works on the real form values", () => {
    const g = setPath(emptyGatewayForm("t"), "jwt.allowedClients.0", "client-1");
    expect(g.jwt.allowedClients).toEqual(["client-1"]);
    const t = setPath(emptyTargetForm(), "apiGateway.filters.0.methods", ["GET", "POST"]);
    expect(t.apiGateway.filters[0].methods).toEqual(["GET", "POST"]);
  });
});

describe("covers", () => {
  it("matches a field and the fields under it, not a field that only shares a prefix", () => {
    expect(covers("tags", "tags")).toBe(true);
    expect(covers("tags", "tags.0.key")).toBe(true);
    expect(covers("tags", "tagsExtra")).toBe(false);
    expect(covers("tags.0", "tags.1.key")).toBe(false);
  });
});

// Never called: its body is the type-level test, checked by `npx tsc --noEmit` (an unused @ts-expect-error fails too).
function typeLevel(gateway: ZodFormApi<GatewayFormValues>, target: ZodFormApi<TargetFormValues>, i: number) {
  gateway.set("jwt.discoveryUrl", "https://issuer.example.com/.well-known/openid-configuration");
  gateway.set(`tags.${i}.key`, "team");
  gateway.update("jwt.customClaims", (claims) => void claims.push({ name: "", valueType: "STRING", operator: "EQUALS", values: [] }));
  gateway.bind("mcp.instructions");
  target.touch("apiGateway.restApiId");
  target.errorFor(`apiGateway.filters.${i}.methods`);

  // @ts-expect-error a field the form does not have
  gateway.set("jwt.discoveryUri", "x");
  // @ts-expect-error a misspelt nested path
  target.update("apiGateway.filter", () => {});
  // @ts-expect-error a value of the wrong type
  gateway.set("debugExceptions", "yes");
  // @ts-expect-error a string outside the enum
  gateway.set("authorizerType", "OAUTH");
  // @ts-expect-error a text binding on a boolean field
  gateway.bind("mcp.semanticSearch");
  // @ts-expect-error a text binding on an enum field (its value must be checked first)
  gateway.bind("roleMode");
  // @ts-expect-error touching a path of another form
  gateway.touch("apiGateway.stage");
  // @ts-expect-error a list item field that does not exist
  gateway.errorFor(`tags.${i}.name`);
}

describe("path types", () => {
  it("derives paths and their values from the form values type", () => {
    expectTypeOf<PathValue<Sample, "tags.0.key">>().toEqualTypeOf<string>();
    expectTypeOf<PathValue<Sample, "nested.deep">>().toEqualTypeOf<{ n: number }>();
    expectTypeOf<PathValue<Sample, "mode">>().toEqualTypeOf<"a" | "b">();
    expectTypeOf<StringPath<Sample>>().toEqualTypeOf<"name" | `tags.${number}.key` | `tags.${number}.value` | `nested.list.${number}`>();
    expectTypeOf<"nested.deep.n">().toExtend<Path<Sample>>();
    expect(typeof typeLevel).toBe("function");
  });
});
