// Inline documents against AgentCore's size limit: accepted up to it, a clear field error above, and only the chosen document sent.
import { describe, expect, it } from "vitest";
import nextConfig from "../../next.config";
import { issuesToFieldErrors } from "./form-errors";
import { emptyTargetForm, INLINE_DOCUMENT_MAX_BYTES, inlineDocumentSizeProblem, targetSchema, targetValuesToSubmit, utf8Length, type TargetFormValues, type TargetType } from "./target";

/** A valid OpenAPI 3 JSON document of about `bytes` bytes (many small operations). */
function openApiOfSize(bytes: number): string {
  const paths: Record<string, unknown> = {};
  const doc = { openapi: "3.0.1", info: { title: "Big", version: "1" }, servers: [{ url: "https://api.example.com" }], paths };
  const one = JSON.stringify({ get: { operationId: "op_00000", description: "x".repeat(200) } }).length;
  for (let i = 0; i < Math.ceil(bytes / one); i++) paths[`/p${i}`] = { get: { operationId: `op_${i}`, description: "x".repeat(200) } };
  return JSON.stringify(doc);
}

function form(type: TargetType, edit: (v: TargetFormValues) => void): TargetFormValues {
  const v = emptyTargetForm();
  v.name = "big";
  v.type = type;
  v.auth.type = type === "openApi" ? "NONE" : "GATEWAY_IAM_ROLE";
  v.lambda.arn = "arn:aws:lambda:us-east-1:123456789012:function:tools";
  edit(v);
  return v;
}

const errors = (v: TargetFormValues) => {
  const r = targetSchema.safeParse(v);
  return r.success ? {} : issuesToFieldErrors(r.error.issues);
};

describe("inline document size", () => {
  it("counts UTF-8 bytes, not characters", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("é")).toBe(2);
    expect(utf8Length("€")).toBe(3);
    expect(utf8Length("😀")).toBe(4);
    expect(utf8Length("\ud800x")).toBe(4); // a lone surrogate is sent as U+FFFD (3 bytes)
    const mixed = "a€😀é\ud800";
    expect(utf8Length(mixed)).toBe(new TextEncoder().encode(mixed).length);
  });

  it("accepts a 1.5 MB OpenAPI document (more than Next's default 1 MB action body)", () => {
    const doc = openApiOfSize(1_500_000);
    expect(doc.length).toBeGreaterThan(1_500_000);
    expect(errors(form("openApi", (v) => (v.openApi.inline = doc)))).toEqual({});
  });

  it("refuses a document over the limit at its field, saying the size and what to do", () => {
    const doc = `{"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{},"x":"${"a".repeat(INLINE_DOCUMENT_MAX_BYTES)}"}`;
    const e = errors(form("openApi", (v) => (v.openApi.inline = doc)));
    expect(e["openApi.inline"]).toBe("This OpenAPI document is 10 MB; AgentCore accepts inline documents up to 10 MB. Upload it to Amazon S3 and choose the S3 source instead.");
    expect(errors(form("smithy", (v) => (v.smithy.inline = doc)))["smithy.inline"]).toMatch(/^This Smithy model is 10 MB; AgentCore accepts inline documents up to 10 MB\./);
    expect(errors(form("lambda", (v) => (v.lambda.inline = `[${" ".repeat(INLINE_DOCUMENT_MAX_BYTES)}]`)))["lambda.inline"]).toMatch(/^This tool schema is 10 MB; AgentCore accepts/);
  });

  it("measures bytes: multi-byte characters count for what they weigh on the wire", () => {
    const justUnder = "€".repeat(Math.floor(INLINE_DOCUMENT_MAX_BYTES / 3));
    expect(inlineDocumentSizeProblem(justUnder, "doc")).toBeUndefined();
    expect(inlineDocumentSizeProblem(`${justUnder}€€`, "doc")).toMatch(/^This doc is 10 MB/);
    expect(inlineDocumentSizeProblem("a".repeat(INLINE_DOCUMENT_MAX_BYTES), "doc")).toBeUndefined();
    expect(inlineDocumentSizeProblem("a".repeat(INLINE_DOCUMENT_MAX_BYTES + 1), "doc")).toBeDefined();
  });

  it("sends only the chosen type's inline document; the others stay in the form", () => {
    const v = form("smithy", (f) => {
      f.lambda.inline = "[1]";
      f.openApi.inline = "openapi: 3.0.0";
      f.smithy.inline = "{}";
    });
    const sent = targetValuesToSubmit(v);
    expect(sent.smithy.inline).toBe("{}");
    expect(sent.lambda).toEqual({ ...v.lambda, inline: "" });
    expect(sent.openApi.inline).toBe("");
    expect(v.openApi.inline).toBe("openapi: 3.0.0");
  });

  it("the server-action body limit (and the proxy's buffer) fit the largest document, escaped, with room for the form", () => {
    const toBytes = (s: unknown) => {
      const m = /^(\d+)mb$/i.exec(String(s));
      return m ? Number(m[1]) * 1024 * 1024 : NaN;
    };
    const limit = toBytes(nextConfig.experimental?.serverActions?.bodySizeLimit);
    expect(limit).toBeGreaterThanOrEqual(2 * INLINE_DOCUMENT_MAX_BYTES + 1_000_000);
    expect(toBytes(nextConfig.experimental?.proxyClientMaxBodySize)).toBeGreaterThanOrEqual(limit);
  });
});
