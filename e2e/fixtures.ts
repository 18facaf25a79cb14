// Test fixtures: refuse to run against anything but the local sandbox, and start every test from a clean sandbox.
import { test as base, expect } from "@playwright/test";

export const SANDBOX_URL = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? 4620}`;
export const SANDBOX_ACCOUNT = "123456789012";

/** Throws unless the backend is the local sandbox: these tests create and delete resources. */
export async function assertSandbox() {
  if (process.env.CONSOLE_BACKEND === "aws") throw new Error("Refusing to run end-to-end tests with CONSOLE_BACKEND=aws: they create and delete resources.");
  const res = await fetch(`${SANDBOX_URL}/_sandbox/health`).catch(() => null);
  if (!res || !res.ok) throw new Error(`Refusing to run: no sandbox answers at ${SANDBOX_URL}.`);
  const health = (await res.json()) as { accountId?: string };
  if (health.accountId !== SANDBOX_ACCOUNT) throw new Error(`Refusing to run: ${SANDBOX_URL} is not the sandbox (account ${health.accountId}).`);
}

export async function sandboxControl(path: string, init?: RequestInit) {
  const res = await fetch(`${SANDBOX_URL}/_sandbox/${path}`, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  if (!res.ok) throw new Error(`sandbox ${path}: ${res.status} ${await res.text()}`);
  return res.json().catch(() => ({}));
}

export const test = base.extend<{ cleanSandbox: void }>({
  cleanSandbox: [
    async ({ page }, use) => {
      await assertSandbox();
      await sandboxControl("reset", { method: "POST" });
      await sandboxControl("faults", { method: "DELETE" });
      await page.goto("/gateways");
      await expect(page.getByRole("region", { name: "Backend" })).toContainText("Sandbox");
      await expect(page.getByRole("region", { name: "Backend" })).toContainText(SANDBOX_ACCOUNT);
      await use();
    },
    { auto: true },
  ],
});

export { expect };
