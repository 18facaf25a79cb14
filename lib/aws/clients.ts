// Server-only AWS SDK client factory: one client per service and region, the default credential chain, standard endpoint variables.
import "server-only";
import { BedrockAgentCoreControlClient } from "@aws-sdk/client-bedrock-agentcore-control";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { IAMClient } from "@aws-sdk/client-iam";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { STSClient } from "@aws-sdk/client-sts";
import { auditPlugin } from "@/lib/audit/sdk-middleware";
import { getBackend } from "./config";
import { ConsoleError } from "./errors";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const cache = new Map<string, unknown>();

/** In sandbox mode, refuse to build a client unless an endpoint variable points it somewhere local. */
function assertSandboxEndpoint(envName: string) {
  if (getBackend() !== "sandbox") return;
  const url = process.env[envName] || process.env.AWS_ENDPOINT_URL;
  if (!url) {
    throw new ConsoleError(
      "unreachable",
      "The console is in sandbox mode but no sandbox endpoint is configured. Start it with `npm start`, or set CONSOLE_BACKEND=aws to use your AWS account.",
      "SandboxNotConfigured",
    );
  }
}

function cached<T>(key: string, make: () => T): T {
  let c = cache.get(key) as T | undefined;
  if (!c) {
    c = make();
    cache.set(key, c);
  }
  return c;
}

const maxAttempts = () => Number(process.env.AWS_MAX_ATTEMPTS) || 3;

/** Every client records its mutating calls in the audit log: this is the one place all calls go through. */
function audited<C extends { middlewareStack: { use(p: ReturnType<typeof auditPlugin>): void } }>(client: C, service: string, region: string): C {
  client.middlewareStack.use(auditPlugin(service, region));
  return client;
}

export function agentCoreControl(region: string): BedrockAgentCoreControlClient {
  assertSandboxEndpoint("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL");
  return cached(`agentcore:${region}`, () => audited(new BedrockAgentCoreControlClient({ region, maxAttempts: maxAttempts() }), "bedrock-agentcore-control", region));
}

export function cognito(region: string): CognitoIdentityProviderClient {
  assertSandboxEndpoint("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER");
  return cached(`cognito:${region}`, () => audited(new CognitoIdentityProviderClient({ region, maxAttempts: maxAttempts() }), "cognito-idp", region));
}

export function iam(region: string): IAMClient {
  assertSandboxEndpoint("AWS_ENDPOINT_URL_IAM");
  return cached(`iam:${region}`, () => audited(new IAMClient({ region, maxAttempts: maxAttempts() }), "iam", region));
}

export function sts(region: string): STSClient {
  assertSandboxEndpoint("AWS_ENDPOINT_URL_STS");
  return cached(`sts:${region}`, () => audited(new STSClient({ region, maxAttempts: maxAttempts() }), "sts", region));
}

export function lambda(region: string): LambdaClient {
  assertSandboxEndpoint("AWS_ENDPOINT_URL_LAMBDA");
  return cached(`lambda:${region}`, () => audited(new LambdaClient({ region, maxAttempts: maxAttempts() }), "lambda", region));
}
