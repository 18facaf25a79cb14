import { describe, expect, it } from "vitest";
import { zodFromJsonSchema } from "@/lib/schemas/json-schema-form";
import { draftToArguments, draftToValue, enumKey, initialDraft, issuesByPath, setDraft, type JsonSchema } from "./form-values";

const ORDER: JsonSchema = {
  type: "object",
  properties: {
    orderId: { type: "string" },
    quantity: { type: "integer" },
    price: { type: "number" },
    gift: { type: "boolean" },
    size: { enum: ["S", "M", 3] },
    tags: { type: "array", items: { type: "string" } },
    lines: { type: "array", items: { type: "object", properties: { sku: { type: "string" }, qty: { type: "integer" } }, required: ["sku"] } },
    address: { type: "object", properties: { city: { type: "string" }, zip: { type: ["string", "null"] } }, required: ["city"] },
  },
  required: ["orderId", "quantity", "address"],
};

describe("the argument form's values", () => {
  it("starts from an empty draft shaped like the schema, with defaults filled in", () => {
    expect(initialDraft(ORDER)).toEqual({ orderId: "", quantity: "", price: "", gift: "", size: "", tags: [], lines: [], address: { city: "", zip: "" } });
    expect(initialDraft({ type: "integer", default: 5 })).toBe("5");
  });

  it("turns text into numbers, integers, booleans and enum members, and leaves empty optional fields out", () => {
    let d = initialDraft(ORDER);
    d = setDraft(d, ["orderId"], "o-1");
    d = setDraft(d, ["quantity"], " 3 ");
    d = setDraft(d, ["price"], "9.5e1");
    d = setDraft(d, ["gift"], "true");
    d = setDraft(d, ["size"], enumKey(3));
    d = setDraft(d, ["address", "city"], "Lyon");
    expect(draftToArguments(ORDER, d)).toEqual({ orderId: "o-1", quantity: 3, price: 95, gift: true, size: 3, address: { city: "Lyon" } });
    expect(zodFromJsonSchema(ORDER).safeParse(draftToArguments(ORDER, d)).success).toBe(true);
  });

  it("builds arrays of values and of nested objects", () => {
    let d = initialDraft(ORDER);
    d = setDraft(d, ["tags"], ["a", "", "b"]);
    d = setDraft(d, ["lines"], [initialDraft(ORDER.properties!.lines.items)]);
    d = setDraft(d, ["lines", 0, "sku"], "X1");
    d = setDraft(d, ["lines", 0, "qty"], "2");
    const args = draftToArguments(ORDER, d);
    expect(args.tags).toEqual(["a", "b"]);
    expect(args.lines).toEqual([{ sku: "X1", qty: 2 }]);
  });

  it("keeps text that is not a number as text, so the check names the field", () => {
    let d = setDraft(initialDraft(ORDER), ["quantity"], "three");
    d = setDraft(d, ["price"], "1.2.3");
    const args = draftToArguments(ORDER, d);
    expect(args.quantity).toBe("three");
    const r = zodFromJsonSchema(ORDER).safeParse(args);
    expect(r.success).toBe(false);
    const errors = issuesByPath(r.error!.issues);
    expect(errors.quantity).toBe("Enter a number.");
    expect(errors.price).toBe("Enter a number.");
    expect(errors.orderId).toBe("Required.");
    // A required nested object is sent (empty), so its own required members are named.
    expect(errors["address.city"]).toBe("Required.");
  });

  it("flags a decimal where an integer is required, and a value outside the enum", () => {
    const d = setDraft(setDraft(setDraft(initialDraft(ORDER), ["orderId"], "o"), ["quantity"], "1.5"), ["address", "city"], "x");
    const r = zodFromJsonSchema(ORDER).safeParse({ ...draftToArguments(ORDER, d), size: "XL" });
    const errors = issuesByPath(r.error!.issues);
    expect(errors.quantity).toBe("Enter a whole number.");
    expect(errors.size).toBe('Choose one of "S", "M", 3.');
  });

  it("reads JSON for schema nodes it has no control for", () => {
    expect(draftToValue({ anyOf: [{ type: "string" }] } as JsonSchema, '{"a":1}')).toEqual({ a: 1 });
    expect(draftToValue({}, "plain")).toBe("plain");
    expect(draftToValue({}, "")).toBeUndefined();
  });

  it("accepts any object for a schema it cannot read, or one too deep to trust", () => {
    let deep: Record<string, unknown> = { type: "string" };
    for (let i = 0; i < 40; i++) deep = { type: "object", properties: { x: deep } };
    expect(zodFromJsonSchema(deep).safeParse({ anything: 1 }).success).toBe(true);
    expect(zodFromJsonSchema("nope").safeParse({}).success).toBe(true);
  });
});
