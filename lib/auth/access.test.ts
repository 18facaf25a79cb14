import { describe, expect, it } from "vitest";
import { decide, checkHostAndOrigin } from "./access";
import { allowedHosts, isLoopbackHost, originHost } from "./hosts";
import { newSessionValue, verifySessionValue } from "./token";
import { safeNextPath, signInPage } from "./sign-in-page";
import { signInUrl, startupAuth } from "./startup";

const TOKEN = "a-test-token-that-is-long-enough-000000";
const env = { PORT: "3000", CONSOLE_TOKEN: TOKEN };
const signedIn = newSessionValue(TOKEN).value;
const base = { method: "POST", pathname: "/gateways", host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000", sessionCookie: signedIn };

describe("host allowlist", () => {
  it("allows loopback on the console's port only", () => {
    expect([...allowedHosts(env)].sort()).toEqual(["127.0.0.1:3000", "[::1]:3000", "localhost:3000"]);
    for (const host of ["127.0.0.1:3000", "localhost:3000", "[::1]:3000", "LOCALHOST:3000"]) expect(decide({ ...base, host }, env).kind).toBe("allow");
  });

  it.each(["attacker.example:3000", "127.0.0.1:3001", "127.0.0.1", "localhost", "", "127.0.0.1:3000.attacker.example", "0.0.0.0:3000"])(
    "refuses Host %j with 421 before looking at the session",
    (host) => {
      const d = decide({ ...base, host, origin: null }, env);
      expect(d).toMatchObject({ kind: "refuse", status: 421 });
      if (d.kind === "refuse") expect(d.message).toContain("CONSOLE_ALLOWED_HOSTS");
    },
  );

  it("refuses a DNS-rebinding request whose Origin matches its Host", () => {
    expect(decide({ ...base, host: "attacker.example:3000", origin: "http://attacker.example:3000" }, env)).toMatchObject({ status: 421 });
  });

  it("adds CONSOLE_ALLOWED_HOSTS entries, with or without a port", () => {
    const more = { ...env, CONSOLE_ALLOWED_HOSTS: "console.internal, Ops.Example:8443,[fd00::1]:9000" };
    const hosts = allowedHosts(more);
    expect(hosts.has("console.internal:3000")).toBe(true);
    expect(hosts.has("ops.example:8443")).toBe(true);
    expect(hosts.has("[fd00::1]:9000")).toBe(true);
    expect(decide({ ...base, host: "console.internal:3000", origin: "http://console.internal:3000" }, more).kind).toBe("allow");
  });

  it("adds a specific listening HOST but never the wildcard", () => {
    expect(allowedHosts({ ...env, HOST: "10.0.0.5" }).has("10.0.0.5:3000")).toBe(true);
    expect(allowedHosts({ ...env, HOST: "0.0.0.0" }).has("0.0.0.0:3000")).toBe(false);
  });

  it("knows loopback names", () => {
    for (const h of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"]) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ["0.0.0.0", "10.0.0.1", "example.com", "128.0.0.1", "127.0.0.256", "localhost.example"]) expect(isLoopbackHost(h)).toBe(false);
  });
});

describe("Origin check", () => {
  it.each(["https://evil.example", "http://127.0.0.1:3001", "null", "file://", "http://localhost.evil:3000"])("refuses Origin %j with 403", (origin) => {
    expect(checkHostAndOrigin({ host: "127.0.0.1:3000", origin }, env)).toMatchObject({ kind: "refuse", status: 403 });
  });
  it("accepts no Origin (same-origin GETs) and the console's own", () => {
    expect(checkHostAndOrigin({ host: "127.0.0.1:3000", origin: null }, env)).toBeNull();
    expect(checkHostAndOrigin({ host: "127.0.0.1:3000", origin: "http://localhost:3000" }, env)).toBeNull();
  });
  it("fills default ports", () => {
    expect(originHost("https://a.example")).toBe("a.example:443");
    expect(originHost("http://a.example")).toBe("a.example:80");
    expect(originHost("ftp://a.example")).toBeNull();
  });
});

describe("sessions", () => {
  it("requires a session signed with this token", () => {
    expect(decide({ ...base, sessionCookie: undefined }, env)).toMatchObject({ kind: "refuse", status: 401, signIn: false });
    expect(decide({ ...base, method: "GET", sessionCookie: undefined }, env)).toMatchObject({ kind: "refuse", status: 401, signIn: true });
    expect(decide({ ...base, sessionCookie: newSessionValue("another-token-another-token-0000").value }, env)).toMatchObject({ status: 401 });
    expect(decide(base, env)).toMatchObject({ kind: "allow" });
  });

  it("rejects tampered, malformed and expired values", () => {
    const { value, id } = newSessionValue(TOKEN, 0);
    expect(verifySessionValue(value, TOKEN, 1000)).toBe(id);
    expect(verifySessionValue(value, TOKEN, 13 * 3600 * 1000)).toBeNull();
    const [i, exp, sig] = signedIn.split(".");
    expect(verifySessionValue(`${i}.${Number(exp) + 1}.${sig}`, TOKEN)).toBeNull();
    expect(verifySessionValue(`${i}.${exp}.${sig.slice(0, -1)}A`, TOKEN)).toBeNull();
    for (const bad of ["", "x", "__proto__", "a.b.c", `${signedIn}.x`]) expect(verifySessionValue(bad, TOKEN)).toBeNull();
  });

  it("exchanges a valid ?token= and refuses a wrong one", () => {
    expect(decide({ ...base, method: "GET", sessionCookie: undefined, queryToken: TOKEN }, env)).toEqual({ kind: "exchange" });
    expect(decide({ ...base, method: "GET", sessionCookie: undefined, queryToken: "nope" }, env)).toMatchObject({ status: 401, badToken: true });
  });

  it("refuses everything when no token is configured, and allows without a session when auth is off", () => {
    expect(decide(base, { PORT: "3000" })).toMatchObject({ status: 503 });
    expect(decide({ ...base, sessionCookie: undefined }, { PORT: "3000", CONSOLE_AUTH: "off" })).toMatchObject({ kind: "allow" });
    expect(decide({ ...base, host: "evil:3000", sessionCookie: undefined }, { PORT: "3000", CONSOLE_AUTH: "off" })).toMatchObject({ status: 421 });
  });
});

describe("sign-in page", () => {
  it("labels the token field and escapes what it echoes", () => {
    const html = signInPage({ next: '/gateways?x="><script>', error: "<b>bad</b>" });
    expect(html).toContain('<label for="token">Access token</label>');
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;b&gt;bad&lt;/b&gt;");
  });
  it("only returns to same-site paths", () => {
    expect(safeNextPath("/gateways/abc?x=1")).toBe("/gateways/abc?x=1");
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "evil", "/_auth/sign-in", null]) expect(safeNextPath(bad)).toBe("/gateways");
  });
});

describe("startup", () => {
  it("generates a token on loopback and prints the sign-in URL", () => {
    const s = startupAuth({ HOST: "127.0.0.1", PORT: "3000" });
    expect(s).toMatchObject({ ok: true, mode: "token", generated: true });
    if (s.ok && s.mode === "token") {
      expect(s.token.length).toBeGreaterThanOrEqual(32);
      expect(signInUrl({ HOST: "127.0.0.1", PORT: "3000" }, s.token)).toBe(`http://127.0.0.1:3000/?token=${s.token}`);
    }
  });
  it("refuses a non-loopback HOST without a configured token, and CONSOLE_AUTH=off there", () => {
    expect(startupAuth({ HOST: "0.0.0.0" })).toMatchObject({ ok: false, message: expect.stringContaining("Refusing to start on 0.0.0.0") });
    expect(startupAuth({ HOST: "0.0.0.0", CONSOLE_AUTH: "off", CONSOLE_TOKEN: TOKEN })).toMatchObject({ ok: false });
    expect(startupAuth({ HOST: "0.0.0.0", CONSOLE_TOKEN: "short" })).toMatchObject({ ok: false, message: expect.stringContaining("at least 32") });
    expect(startupAuth({ HOST: "0.0.0.0", CONSOLE_TOKEN: TOKEN })).toMatchObject({ ok: true, mode: "token", generated: false, warning: expect.any(String) });
  });
  it("allows CONSOLE_AUTH=off on loopback with a warning", () => {
    expect(startupAuth({ HOST: "localhost", CONSOLE_AUTH: "off" })).toMatchObject({ ok: true, mode: "off", warning: expect.stringContaining("WARNING") });
  });
  it("prints a usable address when serving on every interface", () => {
    expect(signInUrl({ HOST: "0.0.0.0", PORT: "8080", CONSOLE_ALLOWED_HOSTS: "console.internal" }, undefined)).toBe("http://console.internal:8080/");
    expect(signInUrl({ HOST: "::1", PORT: "8080" }, undefined)).toBe("http://[::1]:8080/");
  });
});
