// Playwright: the console on the sandbox, in headless Chromium (Debian's by default, else Playwright's own).
import { defineConfig, devices } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";

const port = Number(process.env.E2E_PORT ?? 3210);
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 4620);
const chromium = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? ["/usr/lib/chromium/chromium", "/usr/bin/chromium"].find((p) => existsSync(p));

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
// One access token per run, fixed for the console under test; set here so the workers (forked later) see the same one.
process.env.E2E_CONSOLE_TOKEN ||= randomBytes(24).toString("base64url");
const outputDir = `test-results/${port}`;
export const E2E_AUTH_STATE = `${outputDir}/signed-in.json`;

export default defineConfig({
  testDir: "e2e",
  // Per-port output folders, so two runs on one machine never wipe each other's artifacts.
  outputDir,
  // Signs in once through the token URL, as a person opening the printed address would; every test starts signed in.
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    viewport: { width: 1280, height: 900 },
    permissions: ["clipboard-read", "clipboard-write"],
    storageState: E2E_AUTH_STATE,
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1280, height: 900 },
        launchOptions: {
          executablePath: chromium,
          args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        },
      },
    },
  ],
  webServer: {
    command: "npx tsx scripts/start.ts",
    url: `http://127.0.0.1:${port}/gateways`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    env: {
      PORT: String(port),
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_DATA_DIR: `.data/e2e-sandbox-${sandboxPort}`,
      SANDBOX_LIFECYCLE_DELAY_MS: "1500",
      CONSOLE_AUDIT_LOG: `.data/e2e-audit-${port}.log`,
      CONSOLE_BACKEND: "sandbox",
      CONSOLE_TOKEN: process.env.E2E_CONSOLE_TOKEN,
      AWS_REGION: "us-east-1",
    },
  },
});

export const E2E_SANDBOX_URL = `http://127.0.0.1:${sandboxPort}`;
