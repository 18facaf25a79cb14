// The ARN formats, checked against ARNs as AWS writes them.
import { describe, expect, it } from "vitest";
import { credentialProviderArn, formatArn, gatewayArn, iamRoleArn, parseArn, userPoolArn, workloadIdentityArn } from "./arn";

describe("ARN formats", () => {
  it("writes the resources as AWS does", () => {
    expect(gatewayArn("us-east-1", "123456789012", "orders-abc1234567")).toBe("arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/orders-abc1234567");
    expect(workloadIdentityArn("us-west-2", "123456789012", "orders-abc1234567")).toBe(
      "arn:aws:bedrock-agentcore:us-west-2:123456789012:workload-identity-directory/default/workload-identity/orders-abc1234567",
    );
    expect(credentialProviderArn("apiKey", "eu-west-1", "123456789012", "pets")).toBe("arn:aws:bedrock-agentcore:eu-west-1:123456789012:token-vault/default/apikeycredentialprovider/pets");
    expect(credentialProviderArn("oauth2", "eu-west-1", "123456789012", "pets")).toBe("arn:aws:bedrock-agentcore:eu-west-1:123456789012:token-vault/default/oauth2credentialprovider/pets");
    expect(iamRoleArn("123456789012", "/service-role/", "GatewayRole")).toBe("arn:aws:iam::123456789012:role/service-role/GatewayRole");
    expect(userPoolArn("us-east-1", "123456789012", "us-east-1_AbC")).toBe("arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC");
    expect(gatewayArn("us-gov-west-1", "123456789012", "g-1", "aws-us-gov")).toBe("arn:aws-us-gov:bedrock-agentcore:us-gov-west-1:123456789012:gateway/g-1");
  });

  it("parses what it formats, keeping colons in the resource", () => {
    const arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:a:b";
    expect(parseArn(arn)).toEqual({ partition: "aws", service: "secretsmanager", region: "us-east-1", accountId: "123456789012", resource: "secret:a:b" });
    expect(formatArn(parseArn(arn)!)).toBe(arn);
    expect(parseArn("arn:aws:iam")).toBeNull();
    expect(parseArn("not an arn")).toBeNull();
  });
});
