// ARN formats both the console and the sandbox write: the generic shape, and the AgentCore, IAM and Cognito resources.

export interface Arn {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  /** Everything after the fifth colon; may itself contain colons and slashes. */
  resource: string;
}

export function parseArn(text: string): Arn | null {
  if (typeof text !== "string" || !text.startsWith("arn:")) return null;
  const parts = text.split(":");
  if (parts.length < 6) return null;
  const [, partition, service, region, accountId, ...rest] = parts;
  const resource = rest.join(":");
  if (!partition || !service || !resource) return null;
  return { partition, service, region, accountId, resource };
}

export function formatArn(arn: Arn): string {
  return `arn:${arn.partition}:${arn.service}:${arn.region}:${arn.accountId}:${arn.resource}`;
}

export function agentCoreArn(partition: string, region: string, accountId: string, resource: string): string {
  return formatArn({ partition, service: "bedrock-agentcore", region, accountId, resource });
}

export function gatewayArn(region: string, accountId: string, gatewayId: string, partition = "aws"): string {
  return agentCoreArn(partition, region, accountId, `gateway/${gatewayId}`);
}

/** A gateway's workload identity, named after the gateway id, in the default directory. */
export function workloadIdentityArn(region: string, accountId: string, name: string, partition = "aws"): string {
  return agentCoreArn(partition, region, accountId, `workload-identity-directory/default/workload-identity/${name}`);
}

export function credentialProviderArn(kind: "apiKey" | "oauth2", region: string, accountId: string, name: string, partition = "aws"): string {
  const type = kind === "apiKey" ? "apikeycredentialprovider" : "oauth2credentialprovider";
  return agentCoreArn(partition, region, accountId, `token-vault/default/${type}/${name}`);
}

/** IAM is global: no region; `path` starts and ends with "/". */
export function iamRoleArn(accountId: string, path: string, name: string, partition = "aws"): string {
  return formatArn({ partition, service: "iam", region: "", accountId, resource: `role${path}${name}` });
}

export function userPoolArn(region: string, accountId: string, poolId: string, partition = "aws"): string {
  return formatArn({ partition, service: "cognito-idp", region, accountId, resource: `userpool/${poolId}` });
}
