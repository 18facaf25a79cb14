// The access check inside the server actions (behind the proxy) and the start-up refusals of `npm start`.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { spawnSync } from "node:child_process";
import { IAMClient, ListRolesCommand } from "@aws-sdk/client-iam";
import { CREDENTIALS, startSandbox, useSandboxForConsole, type TestSandbox } from "./helpers";
import { request } from "../support/next-headers";

vi.mock("next/headers", async () => (await import("../support/next-headers")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

let sandbox: TestSandbox;
const saved = { ...request };

beforeAll(async () => {
  sandbox = await startSandbox();
  useSandboxForConsole(sandbox);
});
afterEach(() => Object.assign(request, saved));
afterAll(() => sandbox.dispose());

async function roleNames(): Promise<string[]> {
  const iam = new IAMClient({ endpoint: sandbox.url, region: "us-east-1", credentials: CREDENTIALS });
  return ((await iam.send(new ListRolesCommand({}))).Roles ?? []).map((r) => r.RoleName!);
}

describe("actions re-check access before they reach AWS", () => {
  const role = (name: string) => ({ roleName: name, gatewayName: "orders", description: "", inlinePolicy: "", inlinePolicyName: "" });

  it.each([
    ["a rebinding Host", { host: "attacker.example:3000", origin: "http://attacker.example:3000" }, "answers only to"],
    ["a foreign Origin", { origin: "https://evil.example" }, "Cross-origin request refused"],
    ["no session", { session: undefined }, "Sign in first"],
    ["a session of another token", { session: "0123456789abcdef01234567.9999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }, "Sign in first"],
  ])("refuses %s", async (_what, change, message) => {
    Object.assign(request, change);
    const { createExecutionRoleAction } = await import("@/lib/actions/roles");
    const { createGatewayAction } = await import("@/lib/actions/gateways");
    const r = await createExecutionRoleAction(role("RefusedRole"));
    expect(r).toMatchObject({ ok: false, errorName: "AccessRefused", message: expect.stringContaining(message) });
    const g = await createGatewayAction({ name: "refused" }, crypto.randomUUID());
    expect(g.ok).toBe(false);
    expect(await roleNames()).not.toContain("RefusedRole");
  });

  it("lets the signed-in console through", async () => {
    const { createExecutionRoleAction } = await import("@/lib/actions/roles");
    expect(await createExecutionRoleAction(role("AllowedRole"))).toMatchObject({ ok: true });
    expect(await roleNames()).toContain("AllowedRole");
  });
});

describe("npm start refuses unsafe setups before it serves anything", () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: "3599", SANDBOX_PORT: "4599", ...env } as unknown as NodeJS.ProcessEnv,
      encoding: "utf8",
      timeout: 20_000,
    });

  it("on 0.0.0.0 without a configured token", () => {
    const r = start({ HOST: "0.0.0.0" });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^Refusing to start on 0\.0\.0\.0 without configured authentication: set CONSOLE_TOKEN/)]);
    expect(r.stdout).not.toContain("Sandbox (local AWS) listening");
  });

  it("with CONSOLE_AUTH=off anywhere but loopback", () => {
    const r = start({ HOST: "0.0.0.0", CONSOLE_AUTH: "off", CONSOLE_TOKEN: "x".repeat(40) });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("CONSOLE_AUTH=off is allowed only on a loopback HOST");
  });

  it("with a fixed token that is too short", () => {
    const r = start({ HOST: "127.0.0.1", CONSOLE_TOKEN: "short" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("at least 32 characters");
  });
});
