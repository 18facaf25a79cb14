import { describe, expect, it } from "vitest";
import { gatewayTagsSchema } from "./tags";

describe("gatewayTagsSchema", () => {
  it("accepts the model's characters and an empty value", () => {
    expect(gatewayTagsSchema.safeParse([{ key: "cost center/team:a=b+c@d-e_f.g", value: "" }]).success).toBe(true);
  });

  it("refuses duplicate keys on the second one, bad characters, aws: keys and more than 50 tags", () => {
    const dup = gatewayTagsSchema.safeParse([{ key: "a", value: "1" }, { key: "a", value: "2" }]);
    expect(dup.success).toBe(false);
    expect(dup.error!.issues.map((i) => i.path)).toEqual([[1, "key"]]);
    expect(gatewayTagsSchema.safeParse([{ key: "bad#", value: "" }]).success).toBe(false);
    expect(gatewayTagsSchema.safeParse([{ key: "k", value: "é" }]).success).toBe(false);
    expect(gatewayTagsSchema.safeParse([{ key: "AWS:x", value: "" }]).success).toBe(false);
    expect(gatewayTagsSchema.safeParse([{ key: "k".repeat(129), value: "" }]).success).toBe(false);
    expect(gatewayTagsSchema.safeParse(Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: "" }))).success).toBe(false);
  });
});
