// Documents of the AWS managed policies the sandbox knows, abridged: the statements that decide gateway target calls
// (Lambda invoke, token vault, Secrets Manager) are kept as AWS publishes them; long read-only lists are summarised.
import type { PolicyDocument } from "./evaluate";

const allow = (Action: string | string[], Resource: string | string[] = "*") => ({ Effect: "Allow", Action, Resource });
const doc = (...Statement: object[]): PolicyDocument => ({ Version: "2012-10-17", Statement });

/** Keyed by "path/name" after `arn:aws:iam::aws:policy`, as AWS_MANAGED_POLICIES in models.ts. */
export const AWS_MANAGED_POLICY_DOCUMENTS: Record<string, PolicyDocument> = {
  "/AdministratorAccess": doc(allow("*")),
  "/PowerUserAccess": doc(
    { Effect: "Allow", NotAction: ["iam:*", "organizations:*", "account:*"], Resource: "*" },
    allow(["iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:ListRoles", "organizations:DescribeOrganization", "account:ListRegions", "account:GetAccountInformation"]),
  ),
  "/ReadOnlyAccess": doc(
    allow([
      "bedrock-agentcore:Get*", "bedrock-agentcore:List*", "cognito-idp:Describe*", "cognito-idp:List*", "iam:Get*", "iam:List*",
      "kms:Describe*", "kms:List*", "lambda:Get*", "lambda:List*", "logs:Describe*", "logs:Get*", "s3:Get*", "s3:List*",
      "secretsmanager:Describe*", "secretsmanager:List*", "sts:GetCallerIdentity",
    ]),
  ),
  "/IAMReadOnlyAccess": doc(allow(["iam:GenerateCredentialReport", "iam:GenerateServiceLastAccessedDetails", "iam:Get*", "iam:List*", "iam:SimulateCustomPolicy", "iam:SimulatePrincipalPolicy"])),
  "/BedrockAgentCoreFullAccess": doc(allow("bedrock-agentcore:*")),
  "/AmazonBedrockFullAccess": doc(allow("bedrock:*")),
  "/AmazonBedrockReadOnly": doc(allow(["bedrock:Get*", "bedrock:List*"])),
  "/AWSLambda_FullAccess": doc(allow(["lambda:*", "logs:DescribeLogGroups", "logs:FilterLogEvents", "logs:GetLogEvents", "logs:StartLiveTail", "logs:StopLiveTail"])),
  "/AWSLambda_ReadOnlyAccess": doc(allow(["lambda:Get*", "lambda:List*"])),
  "/SecretsManagerReadWrite": doc(allow("secretsmanager:*")),
  "/AmazonCognitoPowerUser": doc(allow(["cognito-identity:*", "cognito-idp:*", "cognito-sync:*"])),
  "/AmazonCognitoReadOnly": doc(allow(["cognito-identity:Describe*", "cognito-identity:Get*", "cognito-identity:List*", "cognito-idp:Describe*", "cognito-idp:AdminGet*", "cognito-idp:AdminList*", "cognito-idp:List*", "cognito-idp:Get*"])),
  "/CloudWatchLogsFullAccess": doc(allow(["logs:*", "cloudwatch:GenerateQuery"])),
  "/AWSXrayWriteOnlyAccess": doc(allow(["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"])),
  "/service-role/AWSLambdaBasicExecutionRole": doc(allow(["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"])),
  "/service-role/AWSLambdaRole": doc(allow("lambda:InvokeFunction")),
  "/aws-service-role/AWSSupportServiceRolePolicy": doc(allow(["support:*"])),
};
