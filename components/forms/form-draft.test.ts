import { describe, expect, it } from "vitest";
import { emptyGatewayForm } from "@/lib/schemas/gateway";
import { emptyTargetForm } from "@/lib/schemas/target";
import { draftOf, draftStorageKey, fitDraft, readDraft, removeDraft, writeDraft } from "./form-draft";

function memoryStorage(quota = Infinity): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => {
      if (v.length > quota) throw new DOMException("full", "QuotaExceededError");
      m.set(k, v);
    },
  };
}

describe("draftOf", () => {
  it("never keeps a secret, however deep, and keeps everything else", () => {
    const initial = { name: "", clientSecret: "", auth: { apiKey: "", password: "", providerArn: "" }, list: [{ accessToken: "" }] };
    const values = { name: "gw", clientSecret: "s3cr3t", auth: { apiKey: "AKIA-key", password: "pw", providerArn: "arn:p" }, list: [{ accessToken: "tok" }] };
    const d = draftOf(values, initial);
    expect(JSON.stringify(d)).not.toMatch(/s3cr3t|AKIA-key|"pw"|tok"/);
    expect(d).toEqual({ name: "gw", clientSecret: "", auth: { apiKey: "", password: "", providerArn: "arn:p" }, list: [{ accessToken: "" }] });
  });

  it("drops the paths it is told to omit", () => {
    expect(draftOf({ a: "x", b: { c: "y" } }, { a: "", b: { c: "" } }, ["b.c"])).toEqual({ a: "x", b: { c: "" } });
  });

  it("keeps a target form's provider ARN (not a secret) under its apiKey settings", () => {
    const v = emptyTargetForm();
    v.auth.apiKey.providerArn = "arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/p";
    expect(draftOf(v, emptyTargetForm()).auth.apiKey.providerArn).toBe(v.auth.apiKey.providerArn);
  });
});

describe("fitDraft", () => {
  it("restores a gateway form's input as typed", () => {
    const v = emptyGatewayForm("x");
    v.name = "orders";
    v.tags = [{ key: "team", value: "a" }];
    v.jwt.allowedClients = ["c1", "c2"];
    expect(fitDraft(emptyGatewayForm("x"), JSON.parse(JSON.stringify(v)))).toEqual(v);
  });

  it("ignores unknown keys, wrong kinds and malformed list items", () => {
    const initial = emptyGatewayForm("x");
    const fitted = fitDraft(initial, { name: 42, description: "d", extra: "x", tags: [{ key: "k", value: "v" }, 7, { key: { nested: 1 } }], mcp: "no", jwt: { allowedClients: "c" } });
    expect(fitted.name).toBe("");
    expect(fitted.description).toBe("d");
    expect("extra" in fitted).toBe(false);
    expect(fitted.tags).toEqual([{ key: "k", value: "v" }]);
    expect(fitted.mcp).toEqual(initial.mcp);
    expect(fitted.jwt.allowedClients).toEqual(initial.jwt.allowedClients);
  });

  it("fits list items onto the form's own first item", () => {
    const initial = emptyTargetForm();
    const fitted = fitDraft(initial, { apiGateway: { filters: [{ path: "/orders", methods: ["GET", "POST"], bogus: 1 }, "x"] } });
    expect(fitted.apiGateway.filters[0]).toEqual({ path: "/orders", methods: ["GET", "POST"] });
    expect(fitted.apiGateway.filters[1]).toEqual(initial.apiGateway.filters[0]);
  });
});

describe("draft storage", () => {
  it("writes, reads and removes by key", () => {
    const s = memoryStorage();
    writeDraft(s, "target:g:new", { name: "t" });
    expect(s.getItem(draftStorageKey("target:g:new"))).toContain('"name":"t"');
    expect(readDraft(s, "target:g:new")).toEqual({ name: "t" });
    expect(readDraft(s, "target:other:new")).toBeNull();
    removeDraft(s, "target:g:new");
    expect(readDraft(s, "target:g:new")).toBeNull();
  });

  it("reads a corrupt draft as none, and drops the old draft when the new one does not fit", () => {
    const s = memoryStorage(100);
    s.setItem(draftStorageKey("k"), "{not json");
    expect(readDraft(s, "k")).toBeNull();
    writeDraft(s, "k", { a: "small" });
    expect(readDraft(s, "k")).toEqual({ a: "small" });
    writeDraft(s, "k", { a: "x".repeat(200) });
    expect(readDraft(s, "k")).toBeNull();
  });

  it("works without storage", () => {
    expect(() => writeDraft(undefined, "k", {})).not.toThrow();
    expect(readDraft(undefined, "k")).toBeNull();
  });
});
