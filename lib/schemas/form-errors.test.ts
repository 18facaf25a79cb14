// How zod issues become the { "dotted.path": message } map the forms show under each field.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { firstError, issuesToFieldErrors } from "./form-errors";

const errorsOf = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error("expected the input to be rejected");
  return issuesToFieldErrors(r.error.issues);
};

describe("issuesToFieldErrors", () => {
  it("keeps the first message for a field and drops the later ones", () => {
    const schema = z.object({ name: z.string().min(1, "Enter a name.").regex(/^[a-z]+$/, "Use lowercase letters.") });
    expect(errorsOf(schema, { name: "" })).toEqual({ name: "Enter a name." });
  });

  it("keeps one message per field, for every field with a problem", () => {
    const schema = z.object({ name: z.string().min(1, "Enter a name."), role: z.string().min(1, "Enter a role.") });
    expect(errorsOf(schema, { name: "", role: "" })).toEqual({ name: "Enter a name.", role: "Enter a role." });
  });

  it("joins nested paths and list indexes with dots", () => {
    const schema = z.object({ jwt: z.object({ allowedClients: z.array(z.string().min(2, "Too short.")) }) });
    expect(errorsOf(schema, { jwt: { allowedClients: ["ok", "x"] } })).toEqual({ "jwt.allowedClients.1": "Too short." });
  });

  it("keeps a list's own error apart from its rows' errors", () => {
    const issues: z.core.$ZodIssue[] = [
      { code: "custom", path: ["tags", 1], message: "Too short.", input: "x" },
      { code: "custom", path: ["tags"], message: "One at most.", input: [] },
      { code: "custom", path: ["tags", 1], message: "Later message.", input: "x" },
    ];
    expect(issuesToFieldErrors(issues)).toEqual({ "tags.1": "Too short.", tags: "One at most." });
  });

  it("puts an issue with an empty path under _form", () => {
    expect(errorsOf(z.string("Expected text."), 42)).toEqual({ _form: "Expected text." });
  });

  it("puts a whole-object refinement without a path under _form, keeping its first message", () => {
    const schema = z
      .object({ a: z.string(), b: z.string() })
      .superRefine((_v, ctx) => {
        ctx.addIssue({ code: "custom", message: "Fill a or b." });
        ctx.addIssue({ code: "custom", message: "Second root message." });
      });
    expect(errorsOf(schema, { a: "", b: "" })).toEqual({ _form: "Fill a or b." });
  });

  it("returns no errors for no issues", () => {
    expect(issuesToFieldErrors([])).toEqual({});
  });
});

describe("firstError", () => {
  it("returns the message for a field", () => {
    expect(firstError({ name: "Enter a name.", "jwt.discoveryUrl": "Bad URL." }, "jwt.discoveryUrl")).toBe("Bad URL.");
  });

  it("returns undefined for a field without an error, or when there are no errors", () => {
    expect(firstError({ name: "Enter a name." }, "roleArn")).toBeUndefined();
    expect(firstError(undefined, "name")).toBeUndefined();
  });
});
