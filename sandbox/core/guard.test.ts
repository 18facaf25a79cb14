import { describe, expect, it } from "vitest";
import { REGION_PATTERN, browserRefusal, isLoopbackOrigin, isSigned, ownHosts } from "./guard";
import { dict, nullPrototypeDeep, own, parseJsonDict } from "./dict";
import { nestingDepth, tooDeep } from "./limits";
import type { SandboxRequest } from "./types";

const req = (headers: Record<string, string>, query = ""): SandboxRequest => ({ method: "POST", path: "/", query: new URLSearchParams(query), headers, body: Buffer.alloc(0) });

describe("guard", () => {
  it("knows loopback origins from look-alikes", () => {
    for (const o of ["http://127.0.0.1:3000", "https://localhost", "http://[::1]:8080", "http://127.255.0.1"]) expect(isLoopbackOrigin(o), o).toBe(true);
    for (const o of ["null", "https://evil.example", "http://127.0.0.1.evil.example", "ftp://127.0.0.1", "http://10.0.0.1", ""]) expect(isLoopbackOrigin(o), o).toBe(false);
  });

  it("accepts only the sandbox's own Host names", () => {
    const hosts = ownHosts("127.0.0.1", 4701);
    expect(browserRefusal(req({ host: "localhost:4701" }), hosts)).toBeUndefined();
    expect(browserRefusal(req({ host: "[::1]:4701" }), hosts)).toBeUndefined();
    expect(browserRefusal(req({ host: "attacker.example:4701" }), hosts)?.kind).toBe("host");
    expect(browserRefusal(req({}), hosts)?.kind).toBe("host");
    expect(browserRefusal(req({ host: "localhost:4701", origin: "https://evil.example" }), hosts)?.kind).toBe("origin");
    expect(ownHosts("::1", 80).has("[::1]")).toBe(true);
  });

  it("region pattern and signature presence", () => {
    for (const r of ["us-east-1", "eu-central-2", "us-gov-west-1", "us-isob-east-1", "cn-north-1"]) expect(REGION_PATTERN.test(r), r).toBe(true);
    for (const r of ["__proto__", "constructor", "valueOf", "US-EAST-1", "us-east-123", "local"]) expect(REGION_PATTERN.test(r), r).toBe(false);
    expect(isSigned(req({ authorization: "AWS4-HMAC-SHA256 Credential=a/b/c/d/aws4_request" }))).toBe(true);
    expect(isSigned(req({ authorization: "Basic abc Credential=a/20260101/us-east-1/iam/aws4_request" }))).toBe(false);
    expect(isSigned(req({}, "X-Amz-Credential=a"))).toBe(true);
  });
});

describe("dict", () => {
  it("treats prototype names as ordinary keys", () => {
    const d = dict<number>();
    expect(d.constructor).toBeUndefined();
    d.__proto__ = 1;
    expect(Object.keys(d)).toEqual(["__proto__"]);
    expect(own({} as Record<string, unknown>, "toString")).toBeUndefined();
    const parsed = parseJsonDict('{"__proto__": {"polluted": true}, "a": {"constructor": 1}}') as Record<string, Record<string, unknown>>;
    expect(Object.getPrototypeOf(parsed)).toBeNull();
    expect(parsed.polluted).toBeUndefined();
    expect(Object.keys(parsed)).toEqual(["__proto__", "a"]);
    const deep = nullPrototypeDeep({ a: [{ b: {} }] });
    expect(Object.getPrototypeOf(deep.a[0].b)).toBeNull();
    expect(Array.isArray(deep.a)).toBe(true);
  });
});

describe("limits", () => {
  it("measures nesting without parsing, ignoring brackets in strings", () => {
    expect(nestingDepth('{"a":[1,{"b":"[[[["}]}')).toBe(3);
    expect(nestingDepth('"\\"[["')).toBe(0);
    expect(tooDeep("[".repeat(101))).toBe(true);
    expect(tooDeep("[".repeat(100) + "]".repeat(100))).toBe(false);
  });
});
