// The sandbox through the real AWS SDK, for tests that set up state the way a script would, not through the console.
import { BedrockAgentCoreControlClient, CreateGatewayCommand } from "@aws-sdk/client-bedrock-agentcore-control";
import { CognitoIdentityProviderClient, CreateUserPoolCommand, CreateUserPoolDomainCommand } from "@aws-sdk/client-cognito-identity-provider";
import { SANDBOX_URL } from "./fixtures";
import { ROLE_ARN } from "./pages/gateway-form";

export const sandboxSdkConfig = { endpoint: SANDBOX_URL, region: "us-east-1", credentials: { accessKeyId: "sandbox", secretAccessKey: "sandbox" }, maxAttempts: 1 };
export const agentCore = () => new BedrockAgentCoreControlClient(sandboxSdkConfig);
export const cognito = () => new CognitoIdentityProviderClient(sandboxSdkConfig);

/** An MCP gateway with no inbound auth; returns its id. */
export async function createGateway(name: string) {
  const g = await agentCore().send(new CreateGatewayCommand({ name, roleArn: ROLE_ARN, protocolType: "MCP", authorizerType: "NONE" }));
  return g.gatewayId!;
}

/** A user pool, with a domain when one is given; returns the pool id. */
export async function poolWithDomain(name: string, domain?: string): Promise<string> {
  const out = await cognito().send(new CreateUserPoolCommand({ PoolName: name }));
  const id = out.UserPool!.Id!;
  if (domain) await cognito().send(new CreateUserPoolDomainCommand({ UserPoolId: id, Domain: domain }));
  return id;
}
