import { describe, expect, it } from "vitest";
import { issuesToFieldErrors } from "./form-errors";
import { toolArgumentsSchema, zodFromJsonSchema } from "./json-schema-form";

const ORDER = {
  type: "object",
  properties: {
    customer: { type: "object", properties: { name: { type: "string", minLength: 1 }, vip: { type: "boolean" } }, required: ["name"] },
    items: { type: "array", items: { type: "object", properties: { sku: { type: "string" }, qty: { type: "integer", minimum: 1 } }, required: ["sku", "qty"] }, minItems: 1 },
    speed: { type: "string", enum: ["standard", "express"] },
    weight: { type: "number", maximum: 30 },
    note: { type: ["string", "null"] },
  },
  required: ["customer", "items"],
};

const errors = (schema: unknown, value: unknown) => {
  const r = zodFromJsonSchema(schema).safeParse(value);
  return r.success ? {} : issuesToFieldErrors(r.error.issues);
};

describe("zodFromJsonSchema", () => {
  it("accepts a value that fits nested objects, arrays, enums and type lists", () => {
    const v = { customer: { name: "Ada", vip: true }, items: [{ sku: "A1", qty: 2 }], speed: "express", weight: 2.5, note: null };
    expect(zodFromJsonSchema(ORDER).parse(v)).toEqual(v);
  });

  it("puts each problem on its path: required members, integers, enums, bounds", () => {
    const e = errors(ORDER, { customer: {}, items: [{ sku: "A1", qty: 1.5 }], speed: "overnight", weight: 31 });
    expect(e["customer.name"]).toBe("Required.");
    expect(e["items.0.qty"]).toBe("Enter a whole number.");
    expect(e.speed).toBe('Choose one of "standard", "express".');
    expect(e.weight).toBe("At most 30.");
  });

  it("requires the required members and an array's minimum", () => {
    expect(errors(ORDER, {})).toMatchObject({ customer: "Required.", items: "Required." });
    expect(errors(ORDER, { customer: { name: "x" }, items: [] }).items).toBe("At least 1 item.");
  });

  it("checks types: a string where a number belongs, a number where a boolean belongs", () => {
    expect(errors({ type: "object", properties: { n: { type: "number" }, b: { type: "boolean" } } }, { n: "3", b: 1 })).toEqual({ n: "Enter a number.", b: "Choose true or false." });
  });

  it("keeps unknown members unless additionalProperties is false", () => {
    expect(zodFromJsonSchema({ type: "object", properties: {} }).parse({ extra: 1 })).toEqual({ extra: 1 });
    expect(zodFromJsonSchema({ type: "object", properties: {}, additionalProperties: false }).safeParse({ extra: 1 }).success).toBe(false);
  });

  it("accepts anything where the schema says nothing it knows ($ref, oneOf, no type)", () => {
    expect(zodFromJsonSchema({ $ref: "#/defs/x" }).safeParse({ any: [1] }).success).toBe(true);
    expect(zodFromJsonSchema(null).safeParse("x").success).toBe(true);
  });

  it("survives a hostile schema: very deep nesting and an uncompilable pattern", () => {
    let deep: Record<string, unknown> = { type: "string" };
    for (let i = 0; i < 500; i++) deep = { type: "object", properties: { a: deep } };
    expect(zodFromJsonSchema(deep).safeParse({ a: { a: {} } }).success).toBe(true);
    expect(zodFromJsonSchema({ type: "string", pattern: "([" }).safeParse("x").success).toBe(true);
    expect(zodFromJsonSchema({ type: "string", pattern: "^a+$" }).safeParse("b").success).toBe(false);
  });
});

describe("toolArgumentsSchema", () => {
  it("treats the root as an object even when the schema forgets to say so", () => {
    expect(toolArgumentsSchema({ properties: { city: { type: "string" } }, required: ["city"] }).safeParse({}).success).toBe(false);
    expect(toolArgumentsSchema(undefined).safeParse("not an object").success).toBe(false);
    expect(toolArgumentsSchema(undefined).parse({})).toEqual({});
  });
});
