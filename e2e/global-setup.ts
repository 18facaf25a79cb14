// Signs in through `/?token=…` once and saves the session cookie for every test (the sign-in itself is tested in auth.spec.ts).
import { chromium, type FullConfig } from "@playwright/test";
import { mkdirSync } from "node:fs";
import path from "node:path";

export default async function globalSetup(config: FullConfig) {
  const project = config.projects[0].use;
  const baseURL = project.baseURL!;
  const statePath = project.storageState as string;
  mkdirSync(path.dirname(statePath), { recursive: true });
  const browser = await chromium.launch({ executablePath: project.launchOptions?.executablePath, args: project.launchOptions?.args });
  try {
    const page = await browser.newPage();
    const res = await page.goto(`${baseURL}/?token=${encodeURIComponent(process.env.E2E_CONSOLE_TOKEN!)}`);
    if (!res?.ok() || !new URL(page.url()).pathname.startsWith("/gateways")) throw new Error(`Signing in with the token failed: ${res?.status()} at ${page.url()}`);
    await page.context().storageState({ path: statePath });
  } finally {
    await browser.close();
  }
}
