// Attacks on the console as a web page would make them: DNS rebinding, foreign origins and missing sessions reach no AWS call.
import { CognitoIdentityProviderClient, CreateUserPoolClientCommand, CreateUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { readFileSync } from "node:fs";
import http from "node:http";
import { SANDBOX_URL, expect, test } from "./fixtures";

type Manifest = { node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }> };
const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as Manifest;
const actions = Object.entries(manifest.node).map(([id, a]) => ({ id, name: a.exportedName, path: routeOf(Object.keys(a.workers)[0]) }));

/** "app/(console)/gateways/[id]/edit/page" → "/gateways/x/edit". */
function routeOf(worker: string): string {
  return worker.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "").replace(/\[[^\]]+\]/g, "x") || "/";
}

const port = Number(process.env.E2E_PORT ?? 3210);
const own = `127.0.0.1:${port}`;

/** A raw POST, so Host can be anything (fetch would not let a test set it). */
function post(path: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, method: "POST", headers: { "content-length": Buffer.byteLength(body), ...headers } }, (res) => {
      let data = "";
      res.on("data", (c) => (data += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const actionHeaders = (id: string, more: Record<string, string>) => ({ accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", "next-action": id, ...more });

async function sandboxCounts(): Promise<{ handled: number; byOperation: Record<string, number> }> {
  const res = await fetch(`${SANDBOX_URL}/_sandbox/requests`);
  return (await res.json()) as { handled: number; byOperation: Record<string, number> };
}
const handledBySandbox = async () => (await sandboxCounts()).handled;

test("every server action refuses a rebinding Host, a foreign Origin and a missing session before any AWS call", async ({ page }) => {
  expect(actions.length).toBeGreaterThanOrEqual(20);
  const session = (await page.context().cookies()).find((c) => c.name === "agc-session")!;
  expect(session).toBeTruthy();
  const cookie = `agc-session=${session.value}`;
  // The page itself stays quiet while the attacks run (no prefetch or refresh of its own reaching the sandbox).
  await page.goto("about:blank");

  // A pool and client whose secret an attacker would want.
  const cognito = new CognitoIdentityProviderClient({ endpoint: SANDBOX_URL, region: "us-east-1", credentials: { accessKeyId: "sandbox", secretAccessKey: "sandbox" } });
  const pool = await cognito.send(new CreateUserPoolCommand({ PoolName: "secret-pool" }));
  const client = await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: pool.UserPool!.Id!, ClientName: "secret-client", GenerateSecret: true }));
  const secret = client.UserPoolClient!.ClientSecret!;
  const revealArgs = JSON.stringify([pool.UserPool!.Id, client.UserPoolClient!.ClientId]);

  const before = await sandboxCounts();
  const attempts: { what: string; status: number; headers: Record<string, string> }[] = [
    { what: "DNS rebinding", status: 421, headers: { host: `attacker.example:${port}`, origin: `http://attacker.example:${port}`, cookie } },
    { what: "foreign origin", status: 403, headers: { host: own, origin: "https://evil.example", cookie } },
    { what: "no session", status: 401, headers: { host: own, origin: `http://${own}` } },
    { what: "forged session", status: 401, headers: { host: own, origin: `http://${own}`, cookie: `${cookie.slice(0, -4)}AAAA` } },
  ];
  for (const a of actions) {
    for (const attempt of attempts) {
      const res = await post(a.path, actionHeaders(a.id, attempt.headers), a.name === "revealClientSecretAction" ? revealArgs : "[]");
      expect(res.status, `${a.name} (${attempt.what})`).toBe(attempt.status);
      expect(res.body).not.toContain(secret);
    }
  }
  expect((await sandboxCounts()).byOperation).toEqual(before.byOperation);

  // The same request from the console's own page, signed in, does reach AWS: the refusals above are the checks, not a broken call.
  const reveal = actions.find((a) => a.name === "revealClientSecretAction")!;
  const ok = await post(reveal.path, actionHeaders(reveal.id, { host: own, origin: `http://${own}`, cookie }), revealArgs);
  expect(ok.status).toBe(200);
  expect(ok.body).toContain(secret);
  expect(await handledBySandbox()).toBeGreaterThan(before.handled);
});

test("pages refuse a rebinding Host and a missing session", async ({ page }) => {
  const session = (await page.context().cookies()).find((c) => c.name === "agc-session")!;
  for (const path of ["/gateways", "/identity", "/roles", "/credential-providers", "/gateways/new"]) {
    const rebinding = await new Promise<number>((resolve, reject) =>
      http.get({ host: "127.0.0.1", port, path, headers: { host: `attacker.example:${port}`, cookie: `agc-session=${session.value}` } }, (r) => resolve(r.statusCode ?? 0)).on("error", reject),
    );
    expect(rebinding, path).toBe(421);
    const anonymous = await fetch(`http://${own}${path}`, { redirect: "manual" });
    expect(anonymous.status, path).toBe(401);
    expect(await anonymous.text()).not.toContain("Backend");
  }
});
