// The execution-role check the gateway data plane makes: roles and policies made through the real IAM client over
// HTTP, then authorizeGatewayRole read from the running sandbox's store.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  DeletePolicyCommand,
  DetachRolePolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  IAMClient,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from "@aws-sdk/client-iam";
import { buildGatewayTrustPolicy, formatPolicy } from "../../lib/policies/trust-policy";
import { buildExecutionRolePolicy } from "../../lib/policies/execution-permissions";
import type { PolicyDocument } from "../../lib/policies/policy-document";
import { authorizeGatewayRole } from "../../sandbox/services/iam/role-access";
import { CREDENTIALS, REGION, catchError, startSandbox, type TestSandbox } from "./helpers";

const ACCOUNT = "123456789012";
const GATEWAY_ID = "weather-abcde12345";
const GATEWAY_ARN = `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:gateway/${GATEWAY_ID}`;
const PROD_GATEWAY_ARN = `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:gateway/weather-prod-abcde12345`;
const FN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:weather-tools`;
const OTHER_FN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:billing-tools`;
const INVOKE = { action: "lambda:InvokeFunction", resource: FN };

let sandbox: TestSandbox;
let iam: IAMClient;
let n = 0;

beforeAll(async () => {
  sandbox = await startSandbox();
  iam = new IAMClient({ endpoint: sandbox.url, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
});

afterAll(async () => {
  await sandbox?.dispose();
});

/** The trust policy the console generates for a gateway name, or for any gateway. */
const consoleTrust = (gatewayName?: string) => formatPolicy(buildGatewayTrustPolicy({ accountId: ACCOUNT, region: REGION, gatewayName }));

/** The console's trust policy with the exact pattern for a name not yet created: NAME- and a 10-character id. */
function exactNameTrust(name: string): string {
  const doc = buildGatewayTrustPolicy({ accountId: ACCOUNT, region: REGION, gatewayName: name });
  doc.Statement[0].Condition!.ArnLike = { "aws:SourceArn": `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:gateway/${name}-??????????` };
  return formatPolicy(doc);
}

/** The Permissions tab's policy for one Lambda target. */
function lambdaPolicy(lambdaArn = FN): string {
  const result = buildExecutionRolePolicy({
    accountId: ACCOUNT,
    region: REGION,
    gateway: { gatewayId: GATEWAY_ID, gatewayArn: GATEWAY_ARN, name: "weather" },
    targets: [{ name: "tools", targetConfiguration: { mcp: { lambda: { lambdaArn, toolSchema: { inlinePayload: [] } } } } }],
  });
  if (!result.policy) throw new Error(result.message);
  return formatPolicy(result.policy);
}

async function role(trust: string, path = "/"): Promise<string> {
  const out = await iam.send(new CreateRoleCommand({ RoleName: `GatewayRole${++n}`, Path: path, AssumeRolePolicyDocument: trust }));
  return out.Role!.Arn!;
}

const roleName = (arn: string) => arn.slice(arn.lastIndexOf("/") + 1);

async function putInline(roleArn: string, document: string | PolicyDocument, name = "permissions") {
  const text = typeof document === "string" ? document : JSON.stringify(document);
  await iam.send(new PutRolePolicyCommand({ RoleName: roleName(roleArn), PolicyName: name, PolicyDocument: text }));
}

const authorize = (roleArn: string, call = INVOKE, gatewayArn = GATEWAY_ARN, accountId = ACCOUNT) =>
  authorizeGatewayRole(sandbox.store, { accountId, region: REGION, roleArn, gatewayArn }, call);

describe("authorizeGatewayRole", () => {
  it("allows a call once the Permissions tab's policy is applied, and not before", async () => {
    const arn = await role(consoleTrust("weather"));
    const before = authorize(arn);
    expect(before).toEqual({
      allowed: false,
      code: "AccessDeniedException",
      reason: `The execution role ${arn} is not authorized to perform lambda:InvokeFunction on ${FN}: no statement in its policies allows it.`,
    });
    await putInline(arn, lambdaPolicy());
    expect(authorize(arn)).toEqual({ allowed: true, statement: { policy: "permissions", sid: "InvokeLambdaTargets" } });
    // The generated policy is exact: another function stays refused.
    expect(authorize(arn, { ...INVOKE, resource: OTHER_FN }).allowed).toBe(false);
  });

  it("refuses a role that does not exist, or whose path differs", async () => {
    const missing = `arn:aws:iam::${ACCOUNT}:role/NoSuchGatewayRole`;
    expect(authorize(missing)).toEqual({ allowed: false, code: "AccessDeniedException", reason: `The execution role ${missing} does not exist.` });
    const arn = await role(consoleTrust("weather"), "/service-role/");
    await putInline(arn, lambdaPolicy());
    expect(authorize(arn).allowed).toBe(true);
    expect(authorize(arn.replace("/service-role/", "/")).allowed).toBe(false);
    expect(authorize("not-an-arn")).toMatchObject({ allowed: false, reason: "The execution role ARN not-an-arn is not an IAM role ARN." });
  });

  it("refuses a role of another account", async () => {
    const arn = await role(consoleTrust("weather"));
    await putInline(arn, lambdaPolicy());
    const foreign = arn.replace(ACCOUNT, "999999999999");
    expect(authorize(foreign).allowed).toBe(false);
    expect((authorize(foreign) as { reason: string }).reason).toBe(`The execution role ${foreign} is in account 999999999999, not the gateway's account ${ACCOUNT}.`);
    // A gateway of another account may not use this account's role either: aws:SourceAccount does not match.
    const other = authorize(arn, INVOKE, GATEWAY_ARN.replace(ACCOUNT, "999999999999"), "999999999999");
    expect(other.allowed).toBe(false);
  });

  it("refuses a role that trusts another service", async () => {
    const arn = await role(JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] }));
    await putInline(arn, lambdaPolicy());
    expect(authorize(arn)).toEqual({
      allowed: false,
      code: "AccessDeniedException",
      reason: `The gateway cannot assume its execution role ${arn}: the trust policy does not allow bedrock-agentcore.amazonaws.com to sts:AssumeRole.`,
    });
    // Fixing the trust policy with UpdateAssumeRolePolicy is what makes it work.
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: roleName(arn), PolicyDocument: consoleTrust() }));
    expect(authorize(arn).allowed).toBe(true);
  });

  it("refuses a gateway the trust's name pattern does not cover", async () => {
    const exact = await role(exactNameTrust("weather"));
    await putInline(exact, lambdaPolicy());
    expect(authorize(exact).allowed).toBe(true);
    const prod = authorize(exact, INVOKE, PROD_GATEWAY_ARN);
    expect(prod).toEqual({
      allowed: false,
      code: "AccessDeniedException",
      reason: `The gateway cannot assume its execution role ${exact}: the trust policy does not allow bedrock-agentcore.amazonaws.com for gateway ${PROD_GATEWAY_ARN} in account ${ACCOUNT} (ArnLike aws:SourceArn does not match).`,
    });
    expect(authorize(exact, INVOKE, GATEWAY_ARN.replace("weather-", "billing-")).allowed).toBe(false);
    // The console's trust is exact too (`NAME-??????????`): it does not trust NAME-prod (the pitfall DESIGN.md describes).
    const generated = await role(consoleTrust("weather"));
    await putInline(generated, lambdaPolicy());
    expect(authorize(generated).allowed).toBe(true);
    expect(authorize(generated, INVOKE, PROD_GATEWAY_ARN).allowed).toBe(false);
  });

  it("allows a wildcard resource, and an explicit Deny wins over it", async () => {
    const arn = await role(consoleTrust("weather"));
    await putInline(arn, { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "lambda:Invoke*", Resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:*` }] }, "broad");
    expect(authorize(arn)).toEqual({ allowed: true, statement: { policy: "broad" } });
    expect(authorize(arn, { ...INVOKE, resource: OTHER_FN }).allowed).toBe(true);
    await putInline(arn, { Version: "2012-10-17", Statement: [{ Sid: "NoBilling", Effect: "Deny", Action: "lambda:*", Resource: `arn:aws:lambda:*:*:function:billing-*` }] }, "guard");
    expect(authorize(arn).allowed).toBe(true);
    expect(authorize(arn, { ...INVOKE, resource: OTHER_FN })).toEqual({
      allowed: false,
      code: "AccessDeniedException",
      reason: `The execution role ${arn} is not authorized to perform lambda:InvokeFunction on ${OTHER_FN}: explicitly denied by statement "NoBilling" of policy guard.`,
    });
  });

  it("allows through an attached customer managed policy made with CreatePolicy, until it is detached", async () => {
    const arn = await role(consoleTrust("weather"));
    const created = await iam.send(new CreatePolicyCommand({ PolicyName: `InvokeWeather${n}`, Path: "/agentcore/", PolicyDocument: lambdaPolicy() }));
    const policyArn = created.Policy!.Arn!;
    expect(policyArn).toBe(`arn:aws:iam::${ACCOUNT}:policy/agentcore/InvokeWeather${n}`);
    expect(created.Policy).toMatchObject({ DefaultVersionId: "v1", AttachmentCount: 0, IsAttachable: true });
    expect(created.Policy!.PolicyId).toMatch(/^ANPA[A-Z0-9]{17}$/);
    expect(authorize(arn).allowed).toBe(false);

    await iam.send(new AttachRolePolicyCommand({ RoleName: roleName(arn), PolicyArn: policyArn }));
    expect(authorize(arn)).toEqual({ allowed: true, statement: { policy: policyArn, sid: "InvokeLambdaTargets" } });
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: policyArn }))).Policy?.AttachmentCount).toBe(1);
    const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: "v1" }));
    expect(JSON.parse(decodeURIComponent(version.PolicyVersion!.Document!))).toEqual(JSON.parse(lambdaPolicy()));

    const conflict = await catchError(() => iam.send(new DeletePolicyCommand({ PolicyArn: policyArn })));
    expect(conflict.name).toBe("DeleteConflictException");
    await iam.send(new DetachRolePolicyCommand({ RoleName: roleName(arn), PolicyArn: policyArn }));
    expect(authorize(arn).allowed).toBe(false);
    await iam.send(new DeletePolicyCommand({ PolicyArn: policyArn }));
    expect((await catchError(() => iam.send(new GetPolicyCommand({ PolicyArn: policyArn })))).name).toBe("NoSuchEntityException");
  });

  it("allows through attached AWS managed policies by their documents", async () => {
    const arn = await role(consoleTrust("weather"));
    await iam.send(new AttachRolePolicyCommand({ RoleName: roleName(arn), PolicyArn: "arn:aws:iam::aws:policy/AWSLambda_ReadOnlyAccess" }));
    expect(authorize(arn).allowed).toBe(false);
    await iam.send(new AttachRolePolicyCommand({ RoleName: roleName(arn), PolicyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaRole" }));
    expect(authorize(arn)).toEqual({ allowed: true, statement: { policy: "arn:aws:iam::aws:policy/service-role/AWSLambdaRole" } });
    const doc = await iam.send(new GetPolicyVersionCommand({ PolicyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaRole", VersionId: "v1" }));
    expect(JSON.parse(decodeURIComponent(doc.PolicyVersion!.Document!)).Statement[0].Action).toBe("lambda:InvokeFunction");
  });

  it("a customer policy ARN never created attaches (as before) but grants nothing", async () => {
    const arn = await role(consoleTrust("weather"));
    await iam.send(new AttachRolePolicyCommand({ RoleName: roleName(arn), PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/NeverCreated` }));
    expect(authorize(arn).allowed).toBe(false);
  });

  it("checks the token-vault and secret actions of an API key target against the generated policy", async () => {
    const providerArn = `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:token-vault/default/apikeycredentialprovider/weather-key`;
    const secretArn = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:bedrock-agentcore-identity!default/apikey/weather-key-AbCdEf`;
    const generated = buildExecutionRolePolicy({
      accountId: ACCOUNT,
      region: REGION,
      gateway: { gatewayId: GATEWAY_ID, gatewayArn: GATEWAY_ARN, name: "weather" },
      targets: [
        {
          name: "api",
          targetConfiguration: { mcp: { openApiSchema: { inlinePayload: "{}" } } },
          credentialProviderConfigurations: [{ credentialProviderType: "API_KEY", credentialProvider: { apiKeyCredentialProvider: { providerArn } } }],
          secretArn,
        },
      ],
    });
    const arn = await role(consoleTrust("weather"));
    const secret = { action: "secretsmanager:GetSecretValue", resource: secretArn };
    const apiKey = { action: "bedrock-agentcore:GetResourceApiKey", resource: providerArn };
    expect(authorize(arn, secret).allowed).toBe(false);
    await putInline(arn, formatPolicy(generated.policy!));
    expect(authorize(arn, secret).allowed).toBe(true);
    expect(authorize(arn, apiKey).allowed).toBe(true);
    expect(authorize(arn, { ...secret, resource: secretArn.replace("weather-key", "other-key") }).allowed).toBe(false);
  });

  it("keeps managed policies across a restart", async () => {
    const arn = await role(consoleTrust("weather"));
    const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: `Persisted${n}`, PolicyDocument: lambdaPolicy() }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: roleName(arn), PolicyArn: Policy!.Arn! }));
    sandbox = await sandbox.restart();
    iam = new IAMClient({ endpoint: sandbox.url, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
    expect(authorize(arn).allowed).toBe(true);
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: Policy!.Arn! }))).Policy?.PolicyName).toBe(`Persisted${n}`);
  });
});

describe("CreatePolicy errors", () => {
  it("refuses duplicates, malformed documents and unknown ARNs as IAM does", async () => {
    await iam.send(new CreatePolicyCommand({ PolicyName: "Dup", PolicyDocument: lambdaPolicy() }));
    const dup = await catchError(() => iam.send(new CreatePolicyCommand({ PolicyName: "dup", Path: "/other/", PolicyDocument: lambdaPolicy() })));
    expect([dup.name, dup.message, dup.$metadata.httpStatusCode]).toEqual(["EntityAlreadyExistsException", "A policy called dup already exists. Duplicate names are not allowed.", 409]);
    const bad = await catchError(() => iam.send(new CreatePolicyCommand({ PolicyName: "Bad", PolicyDocument: '{"Statement":[{"Effect":"Allow","Action":"lambda:*"}]}' })));
    expect([bad.name, bad.message]).toEqual(["MalformedPolicyDocumentException", "Policy statement must contain resources."]);
    const big = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "lambda:InvokeFunction", Resource: Array.from({ length: 120 }, (_, i) => `${FN}-${i}`) }] });
    expect((await catchError(() => iam.send(new CreatePolicyCommand({ PolicyName: "Big", PolicyDocument: big })))).name).toBe("LimitExceededException");
    expect((await catchError(() => iam.send(new GetPolicyCommand({ PolicyArn: "nope" })))).name).toBe("ValidationError"); // arnType: 20 characters at least
    expect((await catchError(() => iam.send(new GetPolicyCommand({ PolicyArn: "this-is-not-an-arn-at-all" })))).name).toBe("InvalidInputException");
    expect((await catchError(() => iam.send(new GetPolicyCommand({ PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/Missing` })))).name).toBe("NoSuchEntityException");
    expect((await catchError(() => iam.send(new GetPolicyVersionCommand({ PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/Dup`, VersionId: "v2" })))).name).toBe("NoSuchEntityException");
  });
});
