// Signing in: the sign-in page a visitor without a session gets, the token form, and the address `npm start` prints.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";

const signedOut = { storageState: { cookies: [], origins: [] } };

test.describe("signed out", () => {
  test("a first visit without a token shows the sign-in page, and the token signs in", async ({ browser, baseURL }) => {
    const context = await browser.newContext(signedOut);
    const page = await context.newPage();
    const res = await page.goto("/gateways/new");
    expect(res?.status()).toBe(401);
    await expect(page.getByRole("heading", { name: "Sign in to AgentCore Gateway Console" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);

    const token = page.getByLabel("Access token");
    await token.fill("not-the-token");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "not valid" })).toBeVisible();
    await expect(page.getByLabel("Access token")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Access token").fill(process.env.E2E_CONSOLE_TOKEN!);
    await page.getByLabel("Access token").press("Enter");
    await expect(page).toHaveURL(`${baseURL}/gateways/new`);
    await expect(page.getByRole("heading", { name: "Create gateway" })).toBeVisible();

    const cookie = (await context.cookies()).find((c) => c.name === "agc-session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict" });

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { name: "Sign in to AgentCore Gateway Console" })).toBeVisible();
    expect((await page.goto("/gateways"))?.status()).toBe(401);
    await context.close();
  });

  test("a wrong ?token= is refused at the sign-in page", async ({ browser }) => {
    const context = await browser.newContext(signedOut);
    const page = await context.newPage();
    expect((await page.goto("/gateways?token=guess"))?.status()).toBe(401);
    await expect(page.getByRole("alert").filter({ hasText: "not valid" })).toBeVisible();
    await context.close();
  });
});

test("the address npm start prints signs in, and a new start makes a new token", async ({ browser }) => {
  test.setTimeout(120_000);
  const port = Number(process.env.E2E_PORT ?? 3210) + 7;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "e2e-start-"));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), SANDBOX_PORT: String(Number(process.env.E2E_SANDBOX_PORT ?? 4620) + 7), SANDBOX_DATA_DIR: dataDir };
  delete env.CONSOLE_TOKEN;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  try {
    let out = "";
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no sign-in URL printed:\n${out}`)), 90_000);
      const onData = (d: Buffer) => {
        out += d.toString();
        const m = /Console: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
        if (m && /Ready in/.test(out)) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", onData);
      child.on("exit", (code) => reject(new Error(`npm start exited ${code}:\n${out}`)));
    });
    expect(new URL(url).searchParams.get("token")).not.toBe(process.env.E2E_CONSOLE_TOKEN);
    expect(out.match(/token=/g)).toHaveLength(1);

    const context = await browser.newContext(signedOut);
    const page = await context.newPage();
    await page.goto(url);
    await expect(page).toHaveURL(`http://127.0.0.1:${port}/gateways`);
    await expect(page.getByRole("heading", { name: "Gateways", exact: true })).toBeVisible();
    await context.close();
  } finally {
    process.kill(-child.pid!, "SIGTERM");
    await new Promise((r) => child.once("exit", r));
    rmSync(dataDir, { recursive: true, force: true });
  }
});
