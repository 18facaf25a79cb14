// The console's lib/aws credential-providers module (and its server actions) through the real SDK against the sandbox over HTTP.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  CreateApiKeyCredentialProviderCommand,
  CreateOauth2CredentialProviderCommand,
  GetApiKeyCredentialProviderCommand,
  GetOauth2CredentialProviderCommand,
} from "@aws-sdk/client-bedrock-agentcore-control";
import { agentCoreClient, clearFaults, setFaults, startSandbox, useSandboxForConsole, type TestSandbox } from "./helpers";
import { ConsoleError } from "@/lib/aws/errors";
import {
  createApiKeyProvider,
  createOauth2Provider,
  deleteApiKeyProvider,
  deleteOauth2Provider,
  getApiKeyProvider,
  getOauth2Provider,
  listApiKeyProviders,
  listCredentialProviders,
  listOauth2Providers,
  updateApiKeyProvider,
  updateOauth2Provider,
} from "@/lib/aws/credential-providers";
import {
  createApiKeyProviderAction,
  createOauth2ProviderAction,
  deleteCredentialProviderAction,
} from "@/lib/actions/credential-providers";
import { emptyOauth2ProviderForm, oauth2ProviderSchema, toOauth2ProviderRequest, type Oauth2ProviderFormValues } from "@/lib/schemas/credential-provider";

// The server actions read the region cookie and revalidate a path: both need a Next request, so they are stubbed.
vi.mock("next/headers", async () => (await import("../support/next-headers")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const REGION = "us-west-2";
const ACTION_REGION = "us-east-1";
const API_KEY = "sk-live-4f3c2b1a0987654321";
const CLIENT_SECRET = "oauth-client-secret-0a1b2c3d4e5f";
const DISCOVERY = "https://idp.example.com/.well-known/openid-configuration";
const ARN_APIKEY = /^arn:aws:bedrock-agentcore:us-west-2:123456789012:token-vault\/default\/apikeycredentialprovider\//;
const ARN_OAUTH = /^arn:aws:bedrock-agentcore:us-west-2:123456789012:token-vault\/default\/oauth2credentialprovider\//;

let sandbox: TestSandbox;
const logged: string[] = [];

const form = (over: Partial<Oauth2ProviderFormValues>): Oauth2ProviderFormValues => ({
  ...emptyOauth2ProviderForm(),
  clientId: "client-1",
  clientSecret: CLIENT_SECRET,
  discoveryUrl: DISCOVERY,
  ...over,
});
const oauthRequest = (over: Partial<Oauth2ProviderFormValues>) => toOauth2ProviderRequest(oauth2ProviderSchema.parse(form(over)));

beforeAll(async () => {
  sandbox = await startSandbox();
  useSandboxForConsole(sandbox);
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
  vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
});

afterAll(async () => {
  await sandbox.dispose();
});

describe("API key providers", () => {
  it("creates, gets, lists, replaces the key and deletes, never returning the key", async () => {
    const created = await createApiKeyProvider(REGION, { name: "weather-api", apiKey: API_KEY });
    expect(created).toMatchObject({ kind: "apiKey", name: "weather-api", secretSource: "MANAGED" });
    expect(created.credentialProviderArn).toMatch(ARN_APIKEY);
    expect(created.secretArn).toMatch(/^arn:aws:secretsmanager:us-west-2:123456789012:secret:/);

    const got = await getApiKeyProvider(REGION, "weather-api");
    expect(got).toMatchObject({ name: "weather-api", credentialProviderArn: created.credentialProviderArn, secretArn: created.secretArn });
    expect(got?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(JSON.parse(JSON.stringify(got))).toEqual(got);

    const listed = await listApiKeyProviders(REGION);
    expect(listed.map((p) => p.name)).toContain("weather-api");

    const rotated = await updateApiKeyProvider(REGION, { name: "weather-api", apiKey: "sk-live-rotated-000000000" });
    expect(rotated.credentialProviderArn).toBe(created.credentialProviderArn);
    expect(rotated.updatedAt >= got!.updatedAt).toBe(true);

    for (const v of [created, got, listed, rotated]) expect(JSON.stringify(v)).not.toContain("sk-live");
    // Nor does the service itself send it back: the raw SDK response has no key either.
    const raw = await agentCoreClient(sandbox, { region: REGION }).send(new GetApiKeyCredentialProviderCommand({ name: "weather-api" }));
    expect(JSON.stringify(raw)).not.toContain("sk-live");

    await deleteApiKeyProvider(REGION, "weather-api");
    expect(await getApiKeyProvider(REGION, "weather-api")).toBeNull();
  });

  it("turns a duplicate name into a conflict ConsoleError", async () => {
    await createApiKeyProvider(REGION, { name: "dup-key", apiKey: API_KEY });
    const err = (await createApiKeyProvider(REGION, { name: "dup-key", apiKey: API_KEY }).catch((e) => e)) as ConsoleError;
    expect(err).toBeInstanceOf(ConsoleError);
    expect(err).toMatchObject({ kind: "conflict", awsName: "ConflictException" });
    expect(err.message).toMatch(/^Could not create the API key credential provider\./);
  });

  it("reports a missing provider as null on get and not-found on update and delete", async () => {
    expect(await getApiKeyProvider(REGION, "nope")).toBeNull();
    await expect(updateApiKeyProvider(REGION, { name: "nope", apiKey: API_KEY })).rejects.toMatchObject({ kind: "not-found", awsName: "ResourceNotFoundException" });
    await expect(deleteApiKeyProvider(REGION, "nope")).rejects.toMatchObject({ kind: "not-found" });
  });

  it("reports the service's validation with its field list", async () => {
    const err = (await createApiKeyProvider(REGION, { name: "bad name!", apiKey: API_KEY }).catch((e) => e)) as ConsoleError;
    expect(err).toMatchObject({ kind: "validation", awsName: "ValidationException" });
    expect(err.fieldList.map((f) => f.name)).toContain("name");
    expect(err.message).not.toContain(API_KEY);
  });

  it("pages through more than one page of the list (100 per page), sorted by name", async () => {
    const sdk = agentCoreClient(sandbox, { region: "eu-west-1" });
    for (let i = 0; i < 105; i += 15) {
      await Promise.all(Array.from({ length: Math.min(15, 105 - i) }, (_, j) => sdk.send(new CreateApiKeyCredentialProviderCommand({ name: `k-${String(i + j).padStart(3, "0")}`, apiKey: "x" }))));
    }
    const all = await listApiKeyProviders("eu-west-1");
    expect(all).toHaveLength(105);
    expect(all[0].name).toBe("k-000");
    expect(all.map((p) => p.name)).toEqual([...all.map((p) => p.name)].sort());
  });
});

describe("OAuth2 providers", () => {
  it("creates a custom provider by discovery URL with a callback URL, reads it back without the secret, updates and deletes it", async () => {
    const created = await createOauth2Provider(REGION, oauthRequest({ name: "corp-idp" }));
    expect(created).toMatchObject({ kind: "oauth", name: "corp-idp", vendor: "CustomOauth2", clientId: "client-1", discovery: { discoveryUrl: DISCOVERY } });
    expect(created.credentialProviderArn).toMatch(ARN_OAUTH);
    expect(created.callbackUrl).toMatch(/^https:\/\/bedrock-agentcore\.us-west-2\.amazonaws\.com\/identities\/oauth2\/callback\//);

    const got = await getOauth2Provider(REGION, "corp-idp");
    expect(got).toMatchObject({ name: "corp-idp", vendor: "CustomOauth2", callbackUrl: created.callbackUrl, clientId: "client-1", status: "READY" });

    const updated = await updateOauth2Provider(
      REGION,
      oauthRequest({
        name: "corp-idp",
        discoveryMode: "metadata",
        issuer: "https://idp.example.com",
        authorizationEndpoint: "https://idp.example.com/authorize",
        tokenEndpoint: "https://idp.example.com/token",
        clientId: "client-2",
      }),
    );
    expect(updated).toMatchObject({
      clientId: "client-2",
      discovery: { issuer: "https://idp.example.com", authorizationEndpoint: "https://idp.example.com/authorize", tokenEndpoint: "https://idp.example.com/token" },
    });

    for (const v of [created, got, updated]) expect(JSON.stringify(v)).not.toContain(CLIENT_SECRET);
    const raw = await agentCoreClient(sandbox, { region: REGION }).send(new GetOauth2CredentialProviderCommand({ name: "corp-idp" }));
    expect(JSON.stringify(raw)).not.toContain(CLIENT_SECRET);

    await deleteOauth2Provider(REGION, "corp-idp");
    expect(await getOauth2Provider(REGION, "corp-idp")).toBeNull();
  });

  it.each([
    [{ vendor: "GoogleOauth2" as const }, "https://accounts.google.com"],
    [{ vendor: "GithubOauth2" as const }, "https://github.com"],
    [{ vendor: "MicrosoftOauth2" as const, tenantId: "contoso.onmicrosoft.com" }, "https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0"],
    [{ vendor: "OktaOauth2" as const, issuer: "https://acme.okta.com/oauth2/default" }, undefined],
    [{ vendor: "ZoomOauth2" as const }, "https://zoom.us"],
  ])("creates %j as the service expects it", async (over, issuer) => {
    const name = `v-${over.vendor.toLowerCase()}`;
    const p = await createOauth2Provider(REGION, oauthRequest({ name, ...over }));
    expect(p.vendor).toBe(over.vendor);
    if (issuer) expect(p.discovery?.issuer).toBe(issuer);
    else expect(p.discovery?.discoveryUrl).toBe("https://acme.okta.com/oauth2/default/.well-known/openid-configuration");
  });

  it("turns a duplicate name into a conflict, and a missing provider into null / not-found", async () => {
    await createOauth2Provider(REGION, oauthRequest({ name: "dup-oauth" }));
    await expect(createOauth2Provider(REGION, oauthRequest({ name: "dup-oauth" }))).rejects.toMatchObject({ kind: "conflict", awsName: "ConflictException" });
    expect(await getOauth2Provider(REGION, "nope")).toBeNull();
    await expect(deleteOauth2Provider(REGION, "nope")).rejects.toMatchObject({ kind: "not-found" });
    await expect(updateOauth2Provider(REGION, oauthRequest({ name: "nope" }))).rejects.toMatchObject({ kind: "not-found" });
  });

  it("lists every page (20 per page); with details each entry carries its callback URL", async () => {
    const sdk = agentCoreClient(sandbox, { region: "eu-central-1" });
    for (let i = 0; i < 23; i++) {
      await sdk.send(
        new CreateOauth2CredentialProviderCommand({
          name: `o-${String(i).padStart(2, "0")}`,
          credentialProviderVendor: "GithubOauth2",
          oauth2ProviderConfigInput: { githubOauth2ProviderConfig: { clientId: `c${i}`, clientSecret: CLIENT_SECRET } },
        }),
      );
    }
    const plain = await listOauth2Providers("eu-central-1");
    expect(plain).toHaveLength(23);
    expect(plain[0]).toMatchObject({ name: "o-00", vendor: "GithubOauth2" });
    expect(plain[0].callbackUrl).toBeUndefined();
    const detailed = await listOauth2Providers("eu-central-1", { details: true });
    expect(detailed.map((p) => p.name)).toEqual(plain.map((p) => p.name));
    expect(detailed.every((p) => p.callbackUrl?.startsWith("https://"))).toBe(true);
    expect(detailed[5].clientId).toBe("c5");
    expect(JSON.stringify(detailed)).not.toContain(CLIENT_SECRET);

    const both = await listCredentialProviders("eu-central-1");
    expect(both.oauth).toHaveLength(23);
    expect(both.apiKey).toEqual([]);
  });

  it("maps throttling after the SDK's retries to a throttled ConsoleError", async () => {
    await setFaults(sandbox, { faults: [{ type: "throttling", operation: "ListOauth2CredentialProviders" }] });
    try {
      await expect(listOauth2Providers(REGION)).rejects.toMatchObject({ kind: "throttled", awsName: "ThrottlingException" });
    } finally {
      await clearFaults(sandbox);
    }
  });
});

describe("server actions", () => {
  it("create an API key provider from form values and return the provider, never the key", async () => {
    const r = await createApiKeyProviderAction({ name: "action-key", apiKey: API_KEY });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.credentialProviderArn).toMatch(/apikeycredentialprovider\/action-key$/);
    expect(JSON.stringify(r)).not.toContain(API_KEY);
  });

  it("refuse invalid values with field errors only (nothing typed is echoed)", async () => {
    const r = await createApiKeyProviderAction({ name: "bad name", apiKey: ` ${API_KEY}` });
    expect(r).toMatchObject({ ok: false, fieldErrors: { name: "Use letters, digits, hyphens and underscores only.", apiKey: expect.stringContaining("space or line break") } });
    expect(JSON.stringify(r)).not.toContain(API_KEY);
    const o = await createOauth2ProviderAction({ ...form({ name: "x" }), discoveryUrl: "https://idp.example.com" });
    expect(o).toMatchObject({ ok: false, fieldErrors: { discoveryUrl: expect.stringContaining("must end with") } });
    expect(JSON.stringify(o)).not.toContain(CLIENT_SECRET);
  });

  it("put a duplicate name at the name field", async () => {
    const r = await createApiKeyProviderAction({ name: "action-key", apiKey: API_KEY });
    expect(r).toMatchObject({ ok: false, errorName: "ConflictException", fieldErrors: { name: "An API key provider named action-key already exists. Choose another name." } });
    expect(JSON.stringify(r)).not.toContain(API_KEY);
  });

  it("create an OAuth2 provider and return its callback URL, never the secret", async () => {
    const r = await createOauth2ProviderAction(form({ name: "action-oauth" }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data).toMatchObject({ vendor: "CustomOauth2", callbackUrl: expect.stringMatching(/^https:\/\//) });
    expect(JSON.stringify(r)).not.toContain(CLIENT_SECRET);
    const dup = await createOauth2ProviderAction(form({ name: "action-oauth" }));
    expect(dup).toMatchObject({ ok: false, fieldErrors: { name: "An OAuth2 provider named action-oauth already exists. Choose another name." } });
  });

  it("list both kinds and delete only with the exact name typed", async () => {
    const list = await listCredentialProviders(ACTION_REGION, { details: true });
    expect(list.apiKey.map((p) => p.name)).toEqual(["action-key"]);
    expect(list.oauth[0].callbackUrl).toMatch(/^https:\/\//);

    expect(await deleteCredentialProviderAction("apiKey", "action-key", "action-ke")).toMatchObject({ ok: false, fieldErrors: { confirmName: "Type action-key to confirm." } });
    expect(await deleteCredentialProviderAction("bogus" as never, "action-key", "action-key")).toMatchObject({ ok: false, message: "That is not a credential provider." });
    expect(await deleteCredentialProviderAction("apiKey", "action-key", "action-key")).toEqual({ ok: true, data: { name: "action-key" } });
    expect(await deleteCredentialProviderAction("apiKey", "action-key", "action-key")).toMatchObject({ ok: false, errorName: "ResourceNotFoundException" });
    expect(await deleteCredentialProviderAction("oauth", "action-oauth", "action-oauth")).toMatchObject({ ok: true });
    const after = await listCredentialProviders(ACTION_REGION);
    expect(after).toEqual({ apiKey: [], oauth: [] });
  });
});

describe("secrets never reach a log line or an error message", () => {
  it("redacts a secret a backend echoes back in an error", async () => {
    // A stand-in backend that (wrongly) repeats the request body in its ValidationException.
    const echo = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        res.writeHead(400, { "content-type": "application/json", "x-amzn-errortype": "ValidationException" });
        res.end(JSON.stringify({ message: `Invalid request ${body}`, fieldList: [{ name: "apiKey", message: `bad ${body}` }] }));
      });
    });
    await new Promise<void>((r) => echo.listen(0, "127.0.0.1", () => r()));
    const saved = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
    try {
      // A region no other test uses, so its client is built against the echoing backend.
      const err = (await createApiKeyProvider("ap-south-1", { name: "echo", apiKey: API_KEY }).catch((e) => e)) as ConsoleError;
      expect(err).toMatchObject({ kind: "validation" });
      expect(err.message).toContain("[redacted]");
      expect(err.message).not.toContain(API_KEY);
      expect(JSON.stringify(err.fieldList)).not.toContain(API_KEY);
    } finally {
      process.env.AWS_ENDPOINT_URL = saved;
      await new Promise((r) => echo.close(r));
    }
  });

  it("no secret used in this file was ever logged", () => {
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) {
      expect(line).not.toContain(API_KEY);
      expect(line).not.toContain(CLIENT_SECRET);
    }
  });
});
