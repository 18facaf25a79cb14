// IAM roles and role policies through the real SDK client (awsQuery over HTTP).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  paginateListAttachedRolePolicies,
  paginateListRolePolicies,
  paginateListRoles,
  type CreateRoleCommandInput,
} from "@aws-sdk/client-iam";
import { CREDENTIALS, JSON_CONTENT, REGION, catchError, startSandbox, startWithClient, stopWithClient, withFaults, type TestSandbox } from "./helpers";

type IamError = Error & { name: string; Code?: string; Type?: string; $metadata: { httpStatusCode?: number } };

const ACCOUNT = "123456789012";

function iamClient(sandbox: { url: string }, region = REGION) {
  return new IAMClient({ endpoint: sandbox.url, region, credentials: CREDENTIALS, maxAttempts: 1 });
}

/** The gateway execution role trust policy, pretty-printed with characters URL encoding must handle. */
const TRUST = JSON.stringify(
  {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AllowAgentCore",
        Effect: "Allow",
        Principal: { Service: "bedrock-agentcore.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: {
          StringEquals: { "aws:SourceAccount": ACCOUNT },
          ArnLike: { "aws:SourceArn": `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:gateway/*` },
        },
      },
    ],
  },
  null,
  2,
);

const invokePolicy = (fn = "my-fn") =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Sid: "Invoke", Effect: "Allow", Action: ["lambda:InvokeFunction"], Resource: [`arn:aws:lambda:us-east-1:${ACCOUNT}:function:${fn}`] }],
  });

let sandbox: TestSandbox;
let iam: IAMClient;
let n = 0;
const uniqueName = (prefix = "role") => `${prefix}-${Date.now().toString(36)}-${++n}`;

const createRole = (RoleName = uniqueName(), more: Partial<CreateRoleCommandInput> = {}) =>
  iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: TRUST, ...more }));

/** POSTs a raw awsQuery form as the SDK would (the sandbox routes on the SigV4 scope, it does not verify it). */
async function rawQuery(params: Record<string, string>): Promise<{ status: number; body: string }> {
  const res = await fetch(sandbox.url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded; charset=utf-8",
      authorization: `AWS4-HMAC-SHA256 Credential=${CREDENTIALS.accessKeyId}/20250101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: new URLSearchParams({ Version: "2010-05-08", ...params }).toString(),
  });
  return { status: res.status, body: await res.text() };
}

async function expectError(fn: () => Promise<unknown>, name: string, status: number, message?: string | RegExp): Promise<IamError> {
  const err = await catchError<IamError>(fn);
  expect(err.name).toBe(name);
  expect(err.$metadata.httpStatusCode).toBe(status);
  if (message !== undefined) expect(err.message).toMatch(typeof message === "string" ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) : message);
  return err;
}

beforeAll(async () => {
  ({ sandbox, client: iam } = await startWithClient(iamClient));
});
afterAll(() => stopWithClient(sandbox, iam));

describe("CreateRole / GetRole", () => {
  it("creates a realistic role: AROA id, ARN with path, ISO date, defaults", async () => {
    const name = uniqueName("Exec");
    const before = Date.now();
    const { Role } = await createRole(name, { Path: "/agentcore/gateways/", Description: "Gateway execution role", MaxSessionDuration: 7200 });
    expect(Role?.RoleName).toBe(name);
    expect(Role?.RoleId).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(Role?.Arn).toBe(`arn:aws:iam::${ACCOUNT}:role/agentcore/gateways/${name}`);
    expect(Role?.Path).toBe("/agentcore/gateways/");
    expect(Role?.CreateDate).toBeInstanceOf(Date);
    expect(Role!.CreateDate!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(Role?.Description).toBe("Gateway execution role");
    expect(Role?.MaxSessionDuration).toBe(7200);

    const got = (await iam.send(new GetRoleCommand({ RoleName: name }))).Role!;
    expect(got.RoleId).toBe(Role?.RoleId);
    expect(got.CreateDate?.toISOString()).toBe(Role?.CreateDate?.toISOString());
    expect(got.RoleLastUsed).toEqual({});
    expect(got.Tags).toBeUndefined();
    expect(got.PermissionsBoundary).toBeUndefined();
  });

  it("defaults Path to / and MaxSessionDuration to 3600", async () => {
    const name = uniqueName();
    const { Role } = await createRole(name);
    expect(Role?.Path).toBe("/");
    expect(Role?.Arn).toBe(`arn:aws:iam::${ACCOUNT}:role/${name}`);
    expect(Role?.MaxSessionDuration).toBe(3600);
  });

  it("returns the trust policy URL-encoded, as IAM does; decodeURIComponent gives back what was sent", async () => {
    const name = uniqueName();
    const created = await createRole(name);
    const got = await iam.send(new GetRoleCommand({ RoleName: name }));
    for (const doc of [created.Role!.AssumeRolePolicyDocument!, got.Role!.AssumeRolePolicyDocument!]) {
      expect(doc).not.toContain("{");
      expect(doc).not.toContain(" ");
      expect(doc.startsWith("%7B%0A%20%20%22Version%22%3A%20%222012-10-17%22")).toBe(true);
      expect(decodeURIComponent(doc)).toBe(TRUST);
    }
  });

  it("encodes every reserved character (RFC 3986), including ! ' ( ) *", async () => {
    const name = uniqueName();
    const doc = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Sid: "x", Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole", Condition: { StringLike: { "aws:PrincipalTag/team": "it's (ok)! é & <b>" } } }],
    });
    await createRole(name, { AssumeRolePolicyDocument: doc });
    const out = (await iam.send(new GetRoleCommand({ RoleName: name }))).Role!.AssumeRolePolicyDocument!;
    expect(out).toMatch(/^[A-Za-z0-9%._~-]+$/);
    expect(out).toContain("%2A");
    expect(out).toContain("%C3%A9");
    expect(decodeURIComponent(out)).toBe(doc);
  });

  it("carries tags and a permissions boundary", async () => {
    const name = uniqueName();
    const boundary = "arn:aws:iam::aws:policy/PowerUserAccess";
    const { Role } = await createRole(name, {
      Tags: [
        { Key: "Project", Value: "agentcore" },
        { Key: "Équipe", Value: "plateforme données" },
      ],
      PermissionsBoundary: boundary,
    });
    expect(Role?.Tags).toEqual([
      { Key: "Project", Value: "agentcore" },
      { Key: "Équipe", Value: "plateforme données" },
    ]);
    const got = (await iam.send(new GetRoleCommand({ RoleName: name }))).Role!;
    expect(got.PermissionsBoundary).toEqual({ PermissionsBoundaryType: "PermissionsBoundaryPolicy", PermissionsBoundaryArn: boundary });
    expect(got.Tags).toHaveLength(2);
  });

  it("looks role names up case-insensitively and rejects a duplicate in any case with EntityAlreadyExists 409", async () => {
    const name = uniqueName("CaseRole");
    await createRole(name);
    const got = await iam.send(new GetRoleCommand({ RoleName: name.toLowerCase() }));
    expect(got.Role?.RoleName).toBe(name);
    const err = await expectError(() => createRole(name.toUpperCase()), "EntityAlreadyExistsException", 409, `Role with name ${name.toUpperCase()} already exists.`);
    expect(err.Code).toBe("EntityAlreadyExists");
    expect(err.Type).toBe("Sender");
  });

  it("treats names like __proto__ as plain names (role and inline policy)", async () => {
    await createRole("__proto__");
    await iam.send(new PutRolePolicyCommand({ RoleName: "__proto__", PolicyName: "__proto__", PolicyDocument: invokePolicy() }));
    expect((await iam.send(new GetRoleCommand({ RoleName: "__proto__" }))).Role?.Arn).toBe(`arn:aws:iam::${ACCOUNT}:role/__proto__`);
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: "__proto__" }))).PolicyNames).toEqual(["__proto__"]);
    await expectError(() => iam.send(new GetRoleCommand({ RoleName: "constructor" })), "NoSuchEntityException", 404);
    await iam.send(new DeleteRolePolicyCommand({ RoleName: "__proto__", PolicyName: "__proto__" }));
    await iam.send(new DeleteRoleCommand({ RoleName: "__proto__" }));
  });

  it("answers NoSuchEntity 404 for an unknown role", async () => {
    await expectError(() => iam.send(new GetRoleCommand({ RoleName: "no-such-role" })), "NoSuchEntityException", 404, "The role with name no-such-role cannot be found.");
  });

  it("fills RoleLastUsed once the role has been used (test hook)", async () => {
    const name = uniqueName();
    await createRole(name);
    const res = await fetch(`${sandbox.url}/_sandbox/iam/roles/${name}/last-used`, { method: "POST", headers: JSON_CONTENT, body: JSON.stringify({ region: "eu-west-1", date: "2025-03-04T05:06:07Z" }) });
    expect(res.status).toBe(200);
    const got = (await iam.send(new GetRoleCommand({ RoleName: name }))).Role!;
    expect(got.RoleLastUsed?.Region).toBe("eu-west-1");
    expect(got.RoleLastUsed?.LastUsedDate?.toISOString()).toBe("2025-03-04T05:06:07.000Z");
    expect((await fetch(`${sandbox.url}/_sandbox/iam/roles/nope/last-used`, { method: "POST", headers: JSON_CONTENT })).status).toBe(404);
  });

  it("is global: one set of roles whatever the region of the client", async () => {
    const west = iamClient(sandbox, "us-west-2");
    const eu = iamClient(sandbox, "eu-central-1");
    try {
      const name = uniqueName("global");
      await west.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: TRUST }));
      const got = await eu.send(new GetRoleCommand({ RoleName: name }));
      expect(got.Role?.Arn).toBe(`arn:aws:iam::${ACCOUNT}:role/${name}`);
      await expectError(() => eu.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: TRUST })), "EntityAlreadyExistsException", 409);
    } finally {
      west.destroy();
      eu.destroy();
    }
  });
});

describe("the awsQuery wire", () => {
  it("answers XML with IAM's namespace, <member> lists and ResponseMetadata/RequestId", async () => {
    const name = uniqueName("wire");
    await createRole(name, { Tags: [{ Key: "k", Value: "v" }] });
    const res = await rawQuery({ Action: "GetRole", RoleName: name });
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/^<GetRoleResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/"><GetRoleResult><Role>/);
    expect(res.body).toContain(`<RoleName>${name}</RoleName>`);
    expect(res.body).toContain("<Tags><member><Key>k</Key><Value>v</Value></member></Tags>");
    expect(res.body).toMatch(/<CreateDate>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z<\/CreateDate>/);
    const rfc3986 = encodeURIComponent(TRUST).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    expect(res.body).toContain(`<AssumeRolePolicyDocument>${rfc3986}</AssumeRolePolicyDocument>`);
    expect(res.body).toMatch(/<\/GetRoleResult><ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/GetRoleResponse>$/);

    const list = await rawQuery({ Action: "ListRoles", MaxItems: "1" });
    expect(list.body).toMatch(/<ListRolesResult><Roles><member><Path>/);
    expect(list.body).toContain("<IsTruncated>true</IsTruncated><Marker>");
  });

  it("answers errors as IAM's <ErrorResponse> with Type, Code, Message and RequestId", async () => {
    const res = await rawQuery({ Action: "GetRole", RoleName: "missing-role" });
    expect(res.status).toBe(404);
    expect(res.body).toMatch(
      /^<ErrorResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/"><Error><Type>Sender<\/Type><Code>NoSuchEntity<\/Code><Message>The role with name missing-role cannot be found\.<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
    );
    const bad = await rawQuery({ Action: "GetRole", RoleName: "a b" });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain("<Type>Sender</Type><Code>ValidationError</Code>");
  });

  it("reads Tags.member.N forms", async () => {
    const name = uniqueName("form");
    const res = await rawQuery({
      Action: "CreateRole",
      RoleName: name,
      AssumeRolePolicyDocument: TRUST,
      "Tags.member.1.Key": "a",
      "Tags.member.1.Value": "1",
      "Tags.member.2.Key": "b",
      "Tags.member.2.Value": "2",
    });
    expect(res.status).toBe(200);
    const got = await iam.send(new GetRoleCommand({ RoleName: name }));
    expect(got.Role?.Tags).toEqual([
      { Key: "a", Value: "1" },
      { Key: "b", Value: "2" },
    ]);
  });
});

describe("ValidationError (model constraints)", () => {
  it("names the member and value the way IAM does", async () => {
    await expectError(
      () => createRole("bad name"),
      "ValidationError",
      400,
      "1 validation error detected: Value 'bad name' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    );
    await expectError(
      () => createRole("r".repeat(65)),
      "ValidationError",
      400,
      `1 validation error detected: Value '${"r".repeat(65)}' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64`,
    );
    await expectError(() => iam.send(new GetRoleCommand({ RoleName: "" })), "ValidationError", 400, /Value '' at 'roleName' failed to satisfy constraint: Member must have length greater than or equal to 1/);
  });

  it("matches patterns on the whole value (a path must start and end with /)", async () => {
    for (const Path of ["/no-trailing-slash", "no-leading/", "/a b/"]) {
      await expectError(
        () => createRole(uniqueName(), { Path }),
        "ValidationError",
        400,
        `1 validation error detected: Value '${Path}' at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)`,
      );
    }
  });

  it("checks ranges, lengths and several members at once", async () => {
    await expectError(
      () => createRole(uniqueName(), { MaxSessionDuration: 60 }),
      "ValidationError",
      400,
      "1 validation error detected: Value '60' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600",
    );
    const err = await expectError(() => createRole("x y", { Description: "d".repeat(1001), MaxSessionDuration: 43201 }), "ValidationError", 400);
    expect(err.message).toMatch(/^3 validation errors detected: /);
    expect(err.message).toContain("at 'description' failed to satisfy constraint: Member must have length less than or equal to 1000");
    expect(err.message).toContain("Value '43201' at 'maxSessionDuration'");
    expect(err.message).toContain("Value 'x y' at 'roleName'");
  });

  it("names list members tags.N.member.key and accepts any Unicode letter in tags", async () => {
    await expectError(
      () => createRole(uniqueName(), { Tags: [{ Key: "ok", Value: "v" }, { Key: "bad{key}", Value: "v" }] }),
      "ValidationError",
      400,
      "1 validation error detected: Value 'bad{key}' at 'tags.2.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+",
    );
    const tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
    await expectError(() => createRole(uniqueName(), { Tags: tags }), "ValidationError", 400, /at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50$/);
    const { Role } = await createRole(uniqueName(), { Tags: [{ Key: "Ünïcödé 名前", Value: "データ" }] });
    expect(Role?.Tags?.[0].Key).toBe("Ünïcödé 名前");
  });

  it("validates list parameters (MaxItems 1–1000, policy ARN length)", async () => {
    await expectError(
      () => iam.send(new ListRolesCommand({ MaxItems: 0 })),
      "ValidationError",
      400,
      "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    await expectError(() => iam.send(new ListRolesCommand({ MaxItems: 1001 })), "ValidationError", 400, /Value '1001' at 'maxItems'.*less than or equal to 1000$/);
    await expectError(() => iam.send(new ListRolesCommand({ PathPrefix: "nope" })), "ValidationError", 400, /at 'pathPrefix'/);
    await expectError(() => iam.send(new AttachRolePolicyCommand({ RoleName: "r", PolicyArn: "arn:short" })), "ValidationError", 400, /Value 'arn:short' at 'policyArn'.*greater than or equal to 20$/);
  });

  it("reports a missing required member as null", async () => {
    await expectError(
      () => iam.send(new CreateRoleCommand({ RoleName: uniqueName() } as CreateRoleCommandInput)),
      "ValidationError",
      400,
      "1 validation error detected: Value null at 'assumeRolePolicyDocument' failed to satisfy constraint: Member must not be null",
    );
  });
});

describe("MalformedPolicyDocument", () => {
  const trust = (statement: Record<string, unknown>, extra: Record<string, unknown> = { Version: "2012-10-17" }) => JSON.stringify({ ...extra, Statement: [statement] });
  const ok = { Effect: "Allow", Principal: { Service: "bedrock-agentcore.amazonaws.com" }, Action: "sts:AssumeRole" };

  it("rejects trust policies that are not JSON or not policies, with IAM's messages", async () => {
    const cases: [string, string][] = [
      ["not json", "Syntax errors in policy."],
      ["[]", "Syntax errors in policy."],
      [JSON.stringify({ Version: "2012-10-17" }), "Syntax errors in policy."],
      [JSON.stringify({ Version: "2012-10-17", Statement: [] }), "Syntax errors in policy."],
      [trust(ok, { Version: "2013-10-17" }), "Syntax errors in policy."],
      [trust({ ...ok, Effect: "Maybe" }), "Syntax errors in policy."],
      [trust({ Principal: ok.Principal, Action: ok.Action }), "Syntax errors in policy."],
      [trust({ ...ok, Extra: 1 }), "Syntax errors in policy."],
      [trust({ ...ok, Effect: "allow" }), "The policy failed legacy parsing"],
      [trust({ Effect: "Allow", Principal: ok.Principal }), "Policy statement must contain actions."],
      [trust({ Effect: "Allow", Action: "sts:AssumeRole" }), "Missing required field Principal"],
      [trust({ ...ok, Resource: "*" }), "Has prohibited field Resource"],
      [trust({ ...ok, Action: "s3:GetObject" }), "AssumeRole policy may only specify STS AssumeRole actions."],
      [trust({ ...ok, Action: "AssumeRole" }), "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."],
      [trust({ ...ok, Principal: { Service: "not a service" } }), 'Invalid principal in policy: "SERVICE":"not a service"'],
      [trust({ ...ok, Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/does-not-exist` } }), `Invalid principal in policy: "AWS":"arn:aws:iam::${ACCOUNT}:role/does-not-exist"`],
      [trust({ ...ok, Condition: { StringEquals: "x" } }), "Syntax errors in policy."],
      [JSON.stringify({ Version: "2012-10-17", Statement: [{ ...ok, Sid: "a" }, { ...ok, Sid: "a" }] }), "Statement IDs (SID) in a single policy must be unique."],
    ];
    for (const [doc, message] of cases) {
      const err = await expectError(() => createRole(uniqueName(), { AssumeRolePolicyDocument: doc }), "MalformedPolicyDocumentException", 400, message);
      expect(err.Code).toBe("MalformedPolicyDocument");
    }
  });

  it("accepts Version 2008-10-17, no Version, a single statement object, an existing role principal", async () => {
    await createRole(uniqueName(), { AssumeRolePolicyDocument: trust(ok, { Version: "2008-10-17" }) });
    await createRole(uniqueName(), { AssumeRolePolicyDocument: trust(ok, {}) });
    await createRole(uniqueName(), { AssumeRolePolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: ok }) });
    const target = uniqueName("trusted");
    const { Role } = await createRole(target);
    await createRole(uniqueName(), { AssumeRolePolicyDocument: trust({ ...ok, Principal: { AWS: [Role!.Arn!, ACCOUNT] }, Action: ["sts:AssumeRole", "sts:TagSession"] }) });
  });

  it("rejects identity policies with a principal, without resources or with bad actions/resources", async () => {
    const role = uniqueName();
    await createRole(role);
    const put = (doc: string) => iam.send(new PutRolePolicyCommand({ RoleName: role, PolicyName: "p", PolicyDocument: doc }));
    const id = (statement: Record<string, unknown>) => JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
    const cases: [string, string][] = [
      ["{", "Syntax errors in policy."],
      [id({ Effect: "Allow", Action: "s3:GetObject", Resource: "*", Principal: { AWS: "*" } }), "Policy document should not specify a principal."],
      [id({ Effect: "Allow", Action: "s3:GetObject" }), "Policy statement must contain resources."],
      [id({ Effect: "Allow", Resource: "*" }), "Policy statement must contain actions."],
      [id({ Effect: "Allow", Action: "s3:Get:Object", Resource: "*" }), "Actions/Condition can contain only one colon."],
      [id({ Effect: "Allow", Action: "s3:GetObject", Resource: "bucket" }), 'Resource bucket must be in ARN format or "*".'],
      [id({ Effect: "Allow", Action: "s3:GetObject", NotAction: "s3:PutObject", Resource: "*" }), "Syntax errors in policy."],
    ];
    for (const [doc, message] of cases) await expectError(() => put(doc), "MalformedPolicyDocumentException", 400, message);
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: role }))).PolicyNames).toEqual([]);
  });
});

describe("ListRoles", () => {
  let listSandbox: TestSandbox;
  let client: IAMClient;
  const names: string[] = [];

  beforeAll(async () => {
    listSandbox = await startSandbox();
    client = iamClient(listSandbox);
    for (let i = 0; i < 25; i++) {
      const name = `list-role-${String(i).padStart(2, "0")}`;
      names.push(name);
      await client.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: TRUST, Path: i % 5 === 0 ? "/gateways/team-a/" : "/", Tags: [{ Key: "i", Value: String(i) }] }));
    }
  });
  afterAll(async () => {
    client?.destroy();
    await listSandbox?.dispose();
  });

  it("pages with Marker / IsTruncated (25 roles, MaxItems 10 → 10, 10, 5)", async () => {
    const p1 = await client.send(new ListRolesCommand({ MaxItems: 10 }));
    expect(p1.Roles?.map((r) => r.RoleName)).toEqual(names.slice(0, 10));
    expect(p1.IsTruncated).toBe(true);
    expect(p1.Marker).toBeTruthy();
    const p2 = await client.send(new ListRolesCommand({ MaxItems: 10, Marker: p1.Marker }));
    expect(p2.Roles?.map((r) => r.RoleName)).toEqual(names.slice(10, 20));
    expect(p2.IsTruncated).toBe(true);
    const p3 = await client.send(new ListRolesCommand({ MaxItems: 10, Marker: p2.Marker }));
    expect(p3.Roles?.map((r) => r.RoleName)).toEqual(names.slice(20));
    expect(p3.IsTruncated).toBe(false);
    expect(p3.Marker).toBeUndefined();
  });

  it("works with the SDK paginator and returns everything in one page by default", async () => {
    const seen: string[] = [];
    for await (const page of paginateListRoles({ client, pageSize: 7 }, {})) seen.push(...(page.Roles ?? []).map((r) => r.RoleName!));
    expect(seen).toEqual(names);
    const all = await client.send(new ListRolesCommand({}));
    expect(all.Roles).toHaveLength(25);
    expect(all.IsTruncated).toBe(false);
  });

  it("filters by PathPrefix", async () => {
    const out = await client.send(new ListRolesCommand({ PathPrefix: "/gateways/" }));
    expect(out.Roles?.map((r) => r.RoleName)).toEqual(names.filter((_, i) => i % 5 === 0));
    const paged = await client.send(new ListRolesCommand({ PathPrefix: "/gateways/team-a/", MaxItems: 2 }));
    expect(paged.Roles).toHaveLength(2);
    expect(paged.IsTruncated).toBe(true);
    const rest = await client.send(new ListRolesCommand({ PathPrefix: "/gateways/team-a/", Marker: paged.Marker }));
    expect(rest.Roles?.map((r) => r.RoleName)).toEqual(["list-role-10", "list-role-15", "list-role-20"]);
    expect((await client.send(new ListRolesCommand({ PathPrefix: "/nothing-here/" }))).Roles).toEqual([]);
  });

  it("leaves Tags, PermissionsBoundary and RoleLastUsed out of list entries, as IAM does", async () => {
    const out = await client.send(new ListRolesCommand({ MaxItems: 1 }));
    const r = out.Roles![0];
    expect(r.Tags).toBeUndefined();
    expect(r.RoleLastUsed).toBeUndefined();
    expect(r.RoleId).toMatch(/^AROA/);
    expect(decodeURIComponent(r.AssumeRolePolicyDocument!)).toBe(TRUST);
  });

  it("keeps a page boundary stable when roles are deleted in between, and rejects a bad Marker", async () => {
    const p1 = await client.send(new ListRolesCommand({ MaxItems: 3 }));
    await client.send(new DeleteRoleCommand({ RoleName: "list-role-01" }));
    const p2 = await client.send(new ListRolesCommand({ MaxItems: 3, Marker: p1.Marker }));
    expect(p2.Roles?.[0].RoleName).toBe("list-role-03");
    await client.send(new CreateRoleCommand({ RoleName: "list-role-01", AssumeRolePolicyDocument: TRUST }));
    await expectError(() => client.send(new ListRolesCommand({ Marker: "garbage" })), "ValidationError", 400, "Invalid Marker.");
  });

  it("defaults MaxItems to 100", async () => {
    for (let i = 25; i < 101; i++) await client.send(new CreateRoleCommand({ RoleName: `list-role-${i}`, AssumeRolePolicyDocument: TRUST }));
    const out = await client.send(new ListRolesCommand({}));
    expect(out.Roles).toHaveLength(100);
    expect(out.IsTruncated).toBe(true);
    const rest = await client.send(new ListRolesCommand({ Marker: out.Marker }));
    expect(rest.Roles).toHaveLength(1);
    expect(rest.IsTruncated).toBe(false);
  });
});

describe("UpdateAssumeRolePolicy", () => {
  it("replaces the trust policy", async () => {
    const name = uniqueName();
    await createRole(name);
    const next = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] });
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: name, PolicyDocument: next }));
    const got = await iam.send(new GetRoleCommand({ RoleName: name }));
    expect(decodeURIComponent(got.Role!.AssumeRolePolicyDocument!)).toBe(next);
  });

  it("rejects malformed documents, unknown roles and trust policies over 2048 characters", async () => {
    const name = uniqueName();
    await createRole(name);
    await expectError(() => iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: name, PolicyDocument: "nope" })), "MalformedPolicyDocumentException", 400);
    await expectError(() => iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: "missing-role", PolicyDocument: TRUST })), "NoSuchEntityException", 404);
    const big = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "bedrock-agentcore.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceArn": Array.from({ length: 40 }, (_, i) => `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:gateway/gw-${i}`) } } }],
    });
    expect(big.length).toBeGreaterThan(2048);
    await expectError(() => iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: name, PolicyDocument: big })), "LimitExceededException", 409, "Cannot exceed quota for ACLSizePerRole: 2048");
    await expectError(() => createRole(uniqueName(), { AssumeRolePolicyDocument: big }), "LimitExceededException", 409);
    // Whitespace is not counted.
    const pretty = TRUST.replace(/\n/g, `\n${" ".repeat(100)}`);
    expect(pretty.length).toBeGreaterThan(2048);
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: name, PolicyDocument: pretty }));
  });
});

describe("inline role policies", () => {
  it("puts, gets (URL-encoded), lists, overwrites and deletes", async () => {
    const role = uniqueName();
    await createRole(role);
    const doc = JSON.stringify(JSON.parse(invokePolicy()), null, 2);
    await iam.send(new PutRolePolicyCommand({ RoleName: role, PolicyName: "InvokeTargets", PolicyDocument: doc }));
    const got = await iam.send(new GetRolePolicyCommand({ RoleName: role.toUpperCase(), PolicyName: "InvokeTargets" }));
    expect(got.RoleName).toBe(role);
    expect(got.PolicyName).toBe("InvokeTargets");
    expect(got.PolicyDocument).not.toContain("{");
    expect(got.PolicyDocument).toMatch(/^%7B%0A%20%20%22Version%22/);
    expect(decodeURIComponent(got.PolicyDocument!)).toBe(doc);

    await iam.send(new PutRolePolicyCommand({ RoleName: role, PolicyName: "InvokeTargets", PolicyDocument: invokePolicy("other-fn") }));
    const again = await iam.send(new GetRolePolicyCommand({ RoleName: role, PolicyName: "InvokeTargets" }));
    expect(decodeURIComponent(again.PolicyDocument!)).toBe(invokePolicy("other-fn"));

    await iam.send(new PutRolePolicyCommand({ RoleName: role, PolicyName: "A-Secrets", PolicyDocument: invokePolicy() }));
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: role }))).PolicyNames).toEqual(["A-Secrets", "InvokeTargets"]);

    await iam.send(new DeleteRolePolicyCommand({ RoleName: role, PolicyName: "A-Secrets" }));
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: role }))).PolicyNames).toEqual(["InvokeTargets"]);
    await expectError(
      () => iam.send(new GetRolePolicyCommand({ RoleName: role, PolicyName: "A-Secrets" })),
      "NoSuchEntityException",
      404,
      "The role policy with name A-Secrets cannot be found.",
    );
    await expectError(() => iam.send(new DeleteRolePolicyCommand({ RoleName: role, PolicyName: "A-Secrets" })), "NoSuchEntityException", 404);
  });

  it("pages ListRolePolicies with Marker / IsTruncated", async () => {
    const role = uniqueName();
    await createRole(role);
    for (const p of ["p1", "p2", "p3", "p4", "p5"]) await iam.send(new PutRolePolicyCommand({ RoleName: role, PolicyName: p, PolicyDocument: invokePolicy() }));
    const first = await iam.send(new ListRolePoliciesCommand({ RoleName: role, MaxItems: 2 }));
    expect(first.PolicyNames).toEqual(["p1", "p2"]);
    expect(first.IsTruncated).toBe(true);
    const seen: string[] = [];
    for await (const page of paginateListRolePolicies({ client: iam, pageSize: 2 }, { RoleName: role })) seen.push(...(page.PolicyNames ?? []));
    expect(seen).toEqual(["p1", "p2", "p3", "p4", "p5"]);
  });

  it("errors: unknown role, policy name pattern, aggregate size over 10,240 characters", async () => {
    await expectError(
      () => iam.send(new PutRolePolicyCommand({ RoleName: "missing-role", PolicyName: "p", PolicyDocument: invokePolicy() })),
      "NoSuchEntityException",
      404,
      "The role with name missing-role cannot be found.",
    );
    await expectError(() => iam.send(new ListRolePoliciesCommand({ RoleName: "missing-role" })), "NoSuchEntityException", 404);
    const role = uniqueName();
    await createRole(role);
    await expectError(() => iam.send(new PutRolePolicyCommand({ RoleName: role, PolicyName: "bad name", PolicyDocument: invokePolicy() })), "ValidationError", 400, /at 'policyName'/);
    const sized = (fns: number) =>
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "lambda:InvokeFunction", Resource: Array.from({ length: fns }, (_, i) => `arn:aws:lambda:us-east-1:${ACCOUNT}:function:fn-${String(i).padStart(4, "0")}`) }],
      });
    const six = sized(100); // ~6,000 characters
    expect(six.length).toBeGreaterThan(5500);
    await iam.send(new PutRolePolicyCommand({ RoleName: role, PolicyName: "one", PolicyDocument: six }));
    await expectError(
      () => iam.send(new PutRolePolicyCommand({ RoleName: role, PolicyName: "two", PolicyDocument: six })),
      "LimitExceededException",
      409,
      `Maximum policy size of 10240 bytes exceeded for role ${role}`,
    );
    // Replacing a policy counts its new size, not old + new.
    await iam.send(new PutRolePolicyCommand({ RoleName: role, PolicyName: "one", PolicyDocument: sized(150) }));
    await expectError(() => iam.send(new PutRolePolicyCommand({ RoleName: role, PolicyName: "one", PolicyDocument: sized(200) })), "LimitExceededException", 409);
  });
});

describe("managed policy attachments", () => {
  const aws = (name: string) => `arn:aws:iam::aws:policy/${name}`;

  it("attaches AWS managed and customer policies, lists them with PathPrefix, detaches", async () => {
    const role = uniqueName();
    await createRole(role);
    const customer = `arn:aws:iam::${ACCOUNT}:policy/agentcore/GatewayManagement`;
    for (const arn of [aws("BedrockAgentCoreFullAccess"), aws("service-role/AWSLambdaBasicExecutionRole"), customer]) {
      await iam.send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn: arn }));
    }
    // Attaching again is a no-op.
    await iam.send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn: aws("BedrockAgentCoreFullAccess") }));
    const all = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role }));
    expect(all.AttachedPolicies).toEqual([
      { PolicyName: "BedrockAgentCoreFullAccess", PolicyArn: aws("BedrockAgentCoreFullAccess") },
      { PolicyName: "AWSLambdaBasicExecutionRole", PolicyArn: aws("service-role/AWSLambdaBasicExecutionRole") },
      { PolicyName: "GatewayManagement", PolicyArn: customer },
    ]);
    expect(all.IsTruncated).toBe(false);
    const svc = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role, PathPrefix: "/service-role/" }));
    expect(svc.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(["AWSLambdaBasicExecutionRole"]);
    const mine = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role, PathPrefix: "/agentcore/" }));
    expect(mine.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(["GatewayManagement"]);

    await iam.send(new DetachRolePolicyCommand({ RoleName: role, PolicyArn: aws("service-role/AWSLambdaBasicExecutionRole") }));
    const after = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role }));
    expect(after.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(["BedrockAgentCoreFullAccess", "GatewayManagement"]);
    await expectError(
      () => iam.send(new DetachRolePolicyCommand({ RoleName: role, PolicyArn: aws("ReadOnlyAccess") })),
      "NoSuchEntityException",
      404,
      `Policy ${aws("ReadOnlyAccess")} was not found.`,
    );
  });

  it("pages ListAttachedRolePolicies", async () => {
    const role = uniqueName();
    await createRole(role);
    const arns = ["AdministratorAccess", "ReadOnlyAccess", "PowerUserAccess", "IAMReadOnlyAccess", "AmazonBedrockFullAccess"].map(aws);
    for (const PolicyArn of arns) await iam.send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn }));
    const first = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role, MaxItems: 2 }));
    expect(first.AttachedPolicies).toHaveLength(2);
    expect(first.IsTruncated).toBe(true);
    const seen: string[] = [];
    for await (const page of paginateListAttachedRolePolicies({ client: iam, pageSize: 2 }, { RoleName: role })) seen.push(...(page.AttachedPolicies ?? []).map((p) => p.PolicyArn!));
    expect(seen).toEqual(arns);
  });

  it("rejects unknown, foreign, malformed and service-linked policies", async () => {
    const role = uniqueName();
    await createRole(role);
    const attach = (PolicyArn: string) => iam.send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn }));
    await expectError(() => attach(aws("NoSuchManagedPolicy")), "NoSuchEntityException", 404, `Policy ${aws("NoSuchManagedPolicy")} does not exist or is not attachable.`);
    await expectError(() => attach("arn:aws:iam::999999999999:policy/Theirs"), "NoSuchEntityException", 404);
    await expectError(() => attach(`arn:aws:iam::${ACCOUNT}:role/NotAPolicy`), "NoSuchEntityException", 404);
    await expectError(() => attach("this-is-not-an-arn-at-all"), "InvalidInputException", 400, "ARN this-is-not-an-arn-at-all is not valid.");
    await expectError(() => attach(aws("aws-service-role/AWSSupportServiceRolePolicy")), "PolicyNotAttachableException", 400, "Cannot attach a Service Role Policy to a Customer Role.");
    await expectError(() => iam.send(new AttachRolePolicyCommand({ RoleName: "missing-role", PolicyArn: aws("ReadOnlyAccess") })), "NoSuchEntityException", 404, "The role with name missing-role cannot be found.");
    await expectError(() => iam.send(new ListAttachedRolePoliciesCommand({ RoleName: "missing-role" })), "NoSuchEntityException", 404);
    expect((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role }))).AttachedPolicies).toEqual([]);
  });

  it("allows at most 10 managed policies per role (LimitExceeded 409)", async () => {
    const role = uniqueName();
    await createRole(role);
    for (let i = 0; i < 10; i++) await iam.send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/p-${i}` }));
    const err = await expectError(
      () => iam.send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/p-10` })),
      "LimitExceededException",
      409,
      "Cannot exceed quota for PoliciesPerRole: 10",
    );
    expect(err.Code).toBe("LimitExceeded");
    // Re-attaching one already attached is still fine.
    await iam.send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/p-3` }));
  });

  it("rejects an unknown permissions boundary with InvalidInput", async () => {
    const arn = aws("NoSuchBoundary");
    await expectError(() => createRole(uniqueName(), { PermissionsBoundary: arn }), "InvalidInputException", 400, `Scope ARN: ${arn} does not exist or is not attachable.`);
  });
});

describe("DeleteRole", () => {
  it("refuses while inline or attached policies remain (DeleteConflict 409), then deletes", async () => {
    const role = uniqueName();
    await createRole(role);
    await iam.send(new PutRolePolicyCommand({ RoleName: role, PolicyName: "inline", PolicyDocument: invokePolicy() }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }));
    const err = await expectError(() => iam.send(new DeleteRoleCommand({ RoleName: role })), "DeleteConflictException", 409, "Cannot delete entity, must delete policies first.");
    expect(err.Code).toBe("DeleteConflict");
    await iam.send(new DeleteRolePolicyCommand({ RoleName: role, PolicyName: "inline" }));
    await expectError(() => iam.send(new DeleteRoleCommand({ RoleName: role })), "DeleteConflictException", 409, "Cannot delete entity, must detach all policies first.");
    await iam.send(new DetachRolePolicyCommand({ RoleName: role, PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }));
    await iam.send(new DeleteRoleCommand({ RoleName: role.toLowerCase() }));
    await expectError(() => iam.send(new GetRoleCommand({ RoleName: role })), "NoSuchEntityException", 404);
    await expectError(() => iam.send(new DeleteRoleCommand({ RoleName: role })), "NoSuchEntityException", 404);
    // The name is free again.
    await createRole(role);
  });
});

describe("TagRole", () => {
  it("adds tags and overwrites an existing key (case-insensitively)", async () => {
    const role = uniqueName();
    await createRole(role, { Tags: [{ Key: "Team", Value: "a" }] });
    await iam.send(new TagRoleCommand({ RoleName: role, Tags: [{ Key: "team", Value: "b" }, { Key: "Env", Value: "dev" }] }));
    const got = await iam.send(new GetRoleCommand({ RoleName: role }));
    expect(got.Role?.Tags).toEqual([
      { Key: "team", Value: "b" },
      { Key: "Env", Value: "dev" },
    ]);
  });

  it("errors: unknown role, duplicate keys, over 50 tags, bad tag", async () => {
    await expectError(() => iam.send(new TagRoleCommand({ RoleName: "missing-role", Tags: [{ Key: "a", Value: "b" }] })), "NoSuchEntityException", 404);
    const role = uniqueName();
    await createRole(role, { Tags: Array.from({ length: 45 }, (_, i) => ({ Key: `k${i}`, Value: "v" })) });
    await expectError(
      () => iam.send(new TagRoleCommand({ RoleName: role, Tags: [{ Key: "Dup", Value: "1" }, { Key: "dup", Value: "2" }] })),
      "InvalidInputException",
      400,
      "Duplicate tag keys found. Please note that Tag keys are case insensitive.",
    );
    await expectError(
      () => iam.send(new TagRoleCommand({ RoleName: role, Tags: Array.from({ length: 6 }, (_, i) => ({ Key: `new${i}`, Value: "v" })) })),
      "LimitExceededException",
      409,
    );
    // Overwriting existing keys does not count twice.
    await iam.send(new TagRoleCommand({ RoleName: role, Tags: Array.from({ length: 5 }, (_, i) => ({ Key: `k${i}`, Value: "w" })) }));
    await expectError(() => iam.send(new TagRoleCommand({ RoleName: role, Tags: [{ Key: "k", Value: "a|b" }] })), "ValidationError", 400, /Value 'a\|b' at 'tags\.1\.member\.value'/);
  });
});

describe("faults", () => {
  it("injects IAM's Throttling error on the iam service", async () => {
    await withFaults(sandbox, { faults: [{ type: "throttling", service: "iam", operation: "ListRoles", count: 1 }] }, async () => {
      const err = await expectError(() => iam.send(new ListRolesCommand({})), "Throttling", 400);
      expect(err.Code).toBe("Throttling");
      await iam.send(new ListRolesCommand({ MaxItems: 1 }));
    });
  });
});

describe("persistence", () => {
  it("keeps roles, policies, attachments and tags across a restart", async () => {
    let box = await startSandbox();
    let client = iamClient(box);
    try {
      const { Role } = await client.send(
        new CreateRoleCommand({ RoleName: "Persisted", Path: "/keep/", AssumeRolePolicyDocument: TRUST, Description: "kept", Tags: [{ Key: "k", Value: "v" }] }),
      );
      await client.send(new PutRolePolicyCommand({ RoleName: "Persisted", PolicyName: "inline", PolicyDocument: invokePolicy() }));
      await client.send(new AttachRolePolicyCommand({ RoleName: "Persisted", PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }));
      client.destroy();
      box = await box.restart();
      client = iamClient(box);
      const got = (await client.send(new GetRoleCommand({ RoleName: "Persisted" }))).Role!;
      expect(got.RoleId).toBe(Role?.RoleId);
      expect(got.Arn).toBe(`arn:aws:iam::${ACCOUNT}:role/keep/Persisted`);
      expect(got.CreateDate?.toISOString()).toBe(Role?.CreateDate?.toISOString());
      expect(got.Description).toBe("kept");
      expect(got.Tags).toEqual([{ Key: "k", Value: "v" }]);
      expect(decodeURIComponent(got.AssumeRolePolicyDocument!)).toBe(TRUST);
      const policy = await client.send(new GetRolePolicyCommand({ RoleName: "Persisted", PolicyName: "inline" }));
      expect(decodeURIComponent(policy.PolicyDocument!)).toBe(invokePolicy());
      const attached = await client.send(new ListAttachedRolePoliciesCommand({ RoleName: "Persisted" }));
      expect(attached.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(["ReadOnlyAccess"]);
      await expectError(() => client.send(new CreateRoleCommand({ RoleName: "persisted", AssumeRolePolicyDocument: TRUST })), "EntityAlreadyExistsException", 409);
    } finally {
      client.destroy();
      await box.dispose();
    }
  });
});
