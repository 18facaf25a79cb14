// Helpers for the gateway data-plane suites: READY gateways, MCP SDK clients, a local OIDC provider, a recording HTTP server.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from "jose";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import {
  CreateGatewayCommand,
  CreateGatewayTargetCommand,
  GetGatewayCommand,
  GetGatewayTargetCommand,
  type BedrockAgentCoreControlClient,
  type CreateGatewayCommandInput,
  type CreateGatewayTargetCommandInput,
} from "@aws-sdk/client-bedrock-agentcore-control";
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { CREDENTIALS, ROLE_ARN, waitFor } from "./helpers";

const ACCOUNT = "123456789012";
const prepared = new WeakMap<object, Promise<void>>();

/**
 * The execution role the data-plane suites' gateways use (ROLE_ARN): it trusts bedrock-agentcore for any gateway of this
 * account and may fetch API keys and OAuth tokens from the token vault. Role enforcement itself is tested with exact,
 * console-generated policies in gateway-runtime-lambda.test.ts.
 */
function ensureSuiteRole(client: BedrockAgentCoreControlClient): Promise<void> {
  let p = prepared.get(client);
  if (!p) {
    p = (async () => {
      const endpoint = await client.config.endpoint!();
      const iam = new IAMClient({ endpoint: `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`, region: "us-east-1", credentials: CREDENTIALS });
      const trust = {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "bedrock-agentcore.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } } }],
      };
      const roleName = ROLE_ARN.split("/").pop()!;
      try {
        await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: JSON.stringify(trust) }));
      } catch (err) {
        if ((err as Error).name !== "EntityAlreadyExistsException") throw err;
      }
      const vault = {
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: ["bedrock-agentcore:GetWorkloadAccessToken", "bedrock-agentcore:GetResourceApiKey", "bedrock-agentcore:GetResourceOauth2Token", "secretsmanager:GetSecretValue"],
            Resource: "*",
          },
        ],
      };
      await iam.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: "token-vault", PolicyDocument: JSON.stringify(vault) }));
    })();
    prepared.set(client, p);
  }
  return p;
}

let n = 0;
export const uniqueName = (prefix = "gw") => `${prefix}-${Date.now().toString(36)}-${++n}`;

export async function readyGateway(client: BedrockAgentCoreControlClient, input: Partial<CreateGatewayCommandInput> = {}) {
  if (!input.roleArn) await ensureSuiteRole(client);
  const out = await client.send(new CreateGatewayCommand({ name: uniqueName(), roleArn: ROLE_ARN, protocolType: "MCP", authorizerType: "NONE", ...input }));
  await waitFor(
    () => client.send(new GetGatewayCommand({ gatewayIdentifier: out.gatewayId })),
    (g) => g.status === "READY",
  );
  return { gatewayId: out.gatewayId!, gatewayUrl: out.gatewayUrl!, gatewayArn: out.gatewayArn! };
}

export async function readyTarget(client: BedrockAgentCoreControlClient, input: CreateGatewayTargetCommandInput) {
  const out = await client.send(new CreateGatewayTargetCommand(input));
  return waitFor(
    () => client.send(new GetGatewayTargetCommand({ gatewayIdentifier: input.gatewayIdentifier, targetId: out.targetId })),
    (t) => t.status !== "CREATING",
  );
}

/** An MCP SDK client connected to a gateway over streamable HTTP. */
export async function mcpClient(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: "gateway-runtime-test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

/** A JSON-RPC POST with plain fetch. */
export async function rpc(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: { result?: Record<string, unknown>; error?: { code: number; message: string } } | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export const INIT = { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-03-26", capabilities: {}, clientInfo: { name: "fetch", version: "1" } } };

export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

async function listen(handler: http.RequestListener): Promise<LocalServer & { server: http.Server }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    server,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An OIDC provider on loopback (discovery + JWKS) that mints RS256 tokens with any claims. */
export async function localOidcProvider() {
  const first = await generateKeyPair("RS256");
  const second = await generateKeyPair("RS256");
  const jwk = (k: CryptoKey, kid: string) => exportJWK(k).then((j) => ({ ...j, kid, alg: "RS256", use: "sig" }));
  const keys = [await jwk(first.publicKey, "test-key-1")];
  const rotatedJwk = await jwk(second.publicKey, "test-key-2");
  let signing = { kid: "test-key-1", key: first.privateKey };
  let base = "";
  const srv = await listen((req, res) => {
    res.setHeader("content-type", "application/json");
    if (req.url === "/.well-known/openid-configuration") res.end(JSON.stringify({ issuer: base, jwks_uri: `${base}/jwks.json` }));
    else if (req.url === "/jwks.json") res.end(JSON.stringify({ keys }));
    else res.writeHead(404).end("{}");
  });
  base = srv.url;
  return {
    ...srv,
    issuer: base,
    discoveryUrl: `${base}/.well-known/openid-configuration`,
    /** Publishes a second key and signs with it from now on. */
    rotate() {
      keys.push(rotatedJwk);
      signing = { kid: "test-key-2", key: second.privateKey };
    },
    async token(claims: JWTPayload, options: { expiresIn?: string | number; issuer?: string; notBefore?: string | number } = {}) {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: signing.kid }).setIssuedAt().setIssuer(options.issuer ?? base);
      jwt.setExpirationTime(options.expiresIn ?? "5m");
      if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
      return jwt.sign(signing.key);
    },
  };
}

export interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** An HTTP API on loopback that records every request and answers JSON (a few canned routes). */
export async function recordingApi(answer: (r: Recorded) => { status?: number; body: unknown } = (r) => ({ body: { ok: true, path: r.url } })) {
  const received: Recorded[] = [];
  const srv = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const r = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(r);
      const out = answer(r);
      res.writeHead(out.status ?? 200, { "content-type": "application/json" }).end(JSON.stringify(out.body));
    });
  });
  return { ...srv, received };
}

export { listen };

/** A Cognito pool in the sandbox with a resource server, a confidential client-credentials client and an ACTIVE domain. */
export async function cognitoM2m(sandboxUrl: string, scopes = ["agentcore-gateway/invoke"]) {
  const { CognitoIdentityProviderClient, CreateResourceServerCommand, CreateUserPoolClientCommand, CreateUserPoolCommand, CreateUserPoolDomainCommand, DescribeUserPoolDomainCommand } =
    await import("@aws-sdk/client-cognito-identity-provider");
  const { CREDENTIALS, REGION } = await import("./helpers");
  const cognito = new CognitoIdentityProviderClient({ endpoint: sandboxUrl, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
  const poolId = (await cognito.send(new CreateUserPoolCommand({ PoolName: uniqueName("pool") }))).UserPool!.Id!;
  await cognito.send(
    new CreateResourceServerCommand({ UserPoolId: poolId, Identifier: "agentcore-gateway", Name: "gateway", Scopes: [{ ScopeName: "invoke", ScopeDescription: "invoke" }, { ScopeName: "read", ScopeDescription: "read" }] }),
  );
  const c = (
    await cognito.send(
      new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "m2m", GenerateSecret: true, AllowedOAuthFlows: ["client_credentials"], AllowedOAuthScopes: scopes, AllowedOAuthFlowsUserPoolClient: true }),
    )
  ).UserPoolClient!;
  const domain = uniqueName("dom");
  await cognito.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain }));
  await waitFor(
    () => cognito.send(new DescribeUserPoolDomainCommand({ Domain: domain })),
    (d) => d.DomainDescription?.Status === "ACTIVE",
  );
  const tokenEndpoint = `${sandboxUrl}/oauth2/${domain}/token`;
  return {
    poolId,
    clientId: c.ClientId!,
    clientSecret: c.ClientSecret!,
    tokenEndpoint,
    discoveryUrl: `${sandboxUrl}/${poolId}/.well-known/openid-configuration`,
    async token(): Promise<string> {
      const res = await fetch(tokenEndpoint, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${c.ClientId}:${c.ClientSecret}`).toString("base64")}` },
        body: "grant_type=client_credentials",
      });
      return ((await res.json()) as { access_token: string }).access_token;
    },
  };
}
