// The Unicode-property expansion must accept and refuse exactly what the `u`-flag pattern does.
import { describe, expect, it } from "vitest";
import { cognitoModel, expandPropertyEscapes } from "./patterns";
import { validateShape } from "../../core/validate";

const SAMPLES = ["https://example.com/cb", "myapp://callback", "Vérifiez", "日本語", "emoji 😀", "tab\there", "new\nline", "x\u0000y", "a b", "{####}", "", "-]\\"];

describe("expandPropertyEscapes", () => {
  const patterns = [
    "^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$",
    "^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\p{Z}]+$",
    "^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*$",
    "^\\p{Lu}\\P{L}+$",
  ];
  for (const pattern of patterns) {
    it(`matches like /${pattern}/u`, () => {
      const expanded = new RegExp(expandPropertyEscapes(pattern));
      const reference = new RegExp(pattern, "u");
      for (const s of [...SAMPLES, "Code {####} ✓", "A1", "Ab"]) expect([s, expanded.test(s)]).toEqual([s, reference.test(s)]);
    });
  }

  it("leaves other escapes and classes alone", () => {
    expect(expandPropertyEscapes("^[\\w\\s+=,.@-]+$")).toBe("^[\\w\\s+=,.@-]+$");
    expect(expandPropertyEscapes("\\{####\\}")).toBe("\\{####\\}");
  });
});

describe("cognitoModel", () => {
  it("validates Unicode-pattern members and reports the model's own pattern", () => {
    const { model, restoreMessages } = cognitoModel();
    const ok = validateShape(model, "CreateUserPoolClientRequest", {
      UserPoolId: "us-east-1_AbCdEfGhI",
      ClientName: "web",
      CallbackURLs: ["https://example.com/cb", "myapp://callback"],
      SupportedIdentityProviders: ["COGNITO"],
    });
    expect(ok).toEqual([]);
    const bad = restoreMessages(validateShape(model, "CreateUserPoolClientRequest", { UserPoolId: "us-east-1_AbCdEfGhI", ClientName: "web", CallbackURLs: ["has space"] }));
    expect(bad).toEqual([
      { name: "CallbackURLs[0]", message: "Value at 'CallbackURLs[0]' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$" },
    ]);
  });
});
