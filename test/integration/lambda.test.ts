// The sandbox's AWS Lambda service through the real @aws-sdk/client-lambda over HTTP: functions, invoke, permissions, restarts.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strToU8, zipSync } from "fflate";
import {
  AddPermissionCommand,
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetPolicyCommand,
  InvokeCommand,
  LambdaClient,
  ListFunctionsCommand,
  RemovePermissionCommand,
  UpdateFunctionCodeCommand,
  paginateListFunctions,
  type CreateFunctionCommandInput,
} from "@aws-sdk/client-lambda";
import { CREDENTIALS, REGION, catchError, startSandbox, waitFor, type TestSandbox } from "./helpers";
import { invokeFunction } from "../../sandbox/services/lambda/invoke";
import { runtimeFor } from "../../sandbox/services/lambda/runtime";

const ACCOUNT = "123456789012";
const ROLE = `arn:aws:iam::${ACCOUNT}:role/lambda-exec`;

type LambdaError = Error & { name: string; $metadata: { httpStatusCode?: number } };

const ECHO = `
exports.handler = async (event, context) => {
  console.log("echo", JSON.stringify(event));
  return {
    event,
    clientContext: context.clientContext,
    requestId: context.awsRequestId,
    functionName: context.functionName,
    functionVersion: context.functionVersion,
    invokedFunctionArn: context.invokedFunctionArn,
    memoryLimitInMB: context.memoryLimitInMB,
    remaining: context.getRemainingTimeInMillis(),
    env: { greeting: process.env.GREETING, region: process.env.AWS_REGION, name: process.env.AWS_LAMBDA_FUNCTION_NAME, home: process.env.HOME ?? null, keys: Object.keys(process.env).sort() },
    pid: process.pid,
  };
};`;

function zip(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

function lambdaClient(sandbox: { url: string }) {
  return new LambdaClient({ endpoint: sandbox.url, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
}

const decode = (payload: Uint8Array | undefined) => JSON.parse(Buffer.from(payload ?? []).toString("utf8"));

describe("Lambda service", () => {
  let sandbox: TestSandbox;
  let lambda: LambdaClient;

  const create = (name: string, code: Record<string, string>, more: Partial<CreateFunctionCommandInput> = {}) =>
    lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime: "nodejs20.x", Role: ROLE, Handler: "index.handler", Code: { ZipFile: zip(code) }, ...more }));

  beforeAll(async () => {
    sandbox = await startSandbox();
    lambda = lambdaClient(sandbox);
  });
  afterAll(async () => {
    const pids = runtimeFor(sandbox.store).pids();
    await sandbox.dispose();
    // No function process outlives the sandbox.
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  });

  it("creates a function from a zip with Lambda's shapes, and gets it back", async () => {
    const pkg = zip({ "index.js": ECHO });
    const created = await lambda.send(
      new CreateFunctionCommand({ FunctionName: "echo", Runtime: "nodejs20.x", Role: ROLE, Handler: "index.handler", Code: { ZipFile: pkg }, Timeout: 5, MemorySize: 256, Environment: { Variables: { GREETING: "hello" } } }),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created).toMatchObject({
      FunctionName: "echo",
      FunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:echo`,
      Runtime: "nodejs20.x",
      Role: ROLE,
      Handler: "index.handler",
      Timeout: 5,
      MemorySize: 256,
      CodeSize: pkg.length,
      CodeSha256: createHash("sha256").update(pkg).digest("base64"),
      Version: "$LATEST",
      State: "Active",
      PackageType: "Zip",
      Environment: { Variables: { GREETING: "hello" } },
    });
    expect(created.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    expect(created.RevisionId).toMatch(/^[0-9a-f-]{36}$/);
    const got = await lambda.send(new GetFunctionCommand({ FunctionName: created.FunctionArn }));
    expect(got.Configuration?.CodeSha256).toBe(created.CodeSha256);
    // Code.Location serves the package back.
    const back = await fetch(got.Code!.Location!);
    expect(Buffer.from(await back.arrayBuffer()).equals(Buffer.from(pkg))).toBe(true);
    // The code is unpacked beside the state, owner-only.
    const dir = path.join(sandbox.dataDir, "lambda-code", REGION, "echo");
    const version = fs.readdirSync(dir).find((f) => !f.endsWith(".zip"))!;
    expect(fs.statSync(path.join(dir, version)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dir, version, "index.js")).mode & 0o777).toBe(0o600);
  });

  it("invokes with the event and the client context, in its own process with only Lambda's environment", async () => {
    const clientContext = { custom: { bedrockAgentCoreToolName: "target___echo" }, env: { platform: "test" }, client: { app_title: "t" } };
    const res = await lambda.send(
      new InvokeCommand({ FunctionName: "echo", Payload: JSON.stringify({ a: 1 }), ClientContext: Buffer.from(JSON.stringify(clientContext)).toString("base64"), LogType: "Tail" }),
    );
    expect(res.StatusCode).toBe(200);
    expect(res.FunctionError).toBeUndefined();
    expect(res.ExecutedVersion).toBe("$LATEST");
    const out = decode(res.Payload);
    expect(out).toMatchObject({
      event: { a: 1 },
      clientContext,
      functionName: "echo",
      functionVersion: "$LATEST",
      invokedFunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:echo`,
      memoryLimitInMB: "256",
      env: { greeting: "hello", region: REGION, name: "echo", home: null },
    });
    expect(out.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.remaining).toBeGreaterThan(3000);
    expect(out.remaining).toBeLessThanOrEqual(5000);
    expect(out.pid).not.toBe(process.pid);
    // Nothing of the sandbox's environment leaks in (vitest sets many variables in this process).
    expect(out.env.keys).not.toContain("CONSOLE_AUDIT_LOG");
    expect(out.env.keys).not.toContain("AWS_SECRET_ACCESS_KEY");
    const log = Buffer.from(res.LogResult!, "base64").toString("utf8");
    expect(log).toContain(`START RequestId: ${out.requestId} Version: $LATEST`);
    expect(log).toMatch(new RegExp(`\\t${out.requestId}\\tINFO\\techo \\{"a":1\\}`));
    expect(log).toMatch(new RegExp(`REPORT RequestId: ${out.requestId}\tDuration: [\\d.]+ ms\tBilled Duration: \\d+ ms\tMemory Size: 256 MB\tMax Memory Used: [1-9]\\d* MB`));
    // Kept warm: the next invocation runs in the same process.
    const again = decode((await lambda.send(new InvokeCommand({ FunctionName: "echo" }))).Payload);
    expect(again.pid).toBe(out.pid);
    expect(again.event).toEqual({});
    // The sandbox's CloudWatch stand-in has the lines too.
    const kept = await (await fetch(`${sandbox.url}/_sandbox/lambda/functions/echo/logs?region=${REGION}`)).text();
    expect(kept).toContain(`END RequestId: ${out.requestId}`);
  });

  it("the in-process API gives the gateway the same answers", async () => {
    const ok = await invokeFunction(sandbox.store, { region: REGION, accountId: ACCOUNT, functionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:echo`, payload: { q: "x" }, clientContext: { custom: { bedrockAgentCoreToolName: "t___echo" } } });
    expect(ok).toMatchObject({ ok: true, payload: { event: { q: "x" }, clientContext: { custom: { bedrockAgentCoreToolName: "t___echo" } } } });
    const missing = await invokeFunction(sandbox.store, { region: REGION, accountId: ACCOUNT, functionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:nope`, payload: {} });
    expect(missing).toEqual({ ok: false, kind: "not-found", errorType: "ResourceNotFoundException", errorMessage: `Function not found: arn:aws:lambda:${REGION}:${ACCOUNT}:function:nope` });
  });

  it("a thrown error is a function error: 200, X-Amz-Function-Error: Unhandled, Lambda's error payload", async () => {
    await create("fails", { "index.mjs": `export const handler = async () => { class ToolError extends Error { name = "ToolError" }; throw new ToolError("no such city"); };` });
    const res = await lambda.send(new InvokeCommand({ FunctionName: "fails", Payload: "{}" }));
    expect(res.StatusCode).toBe(200);
    expect(res.FunctionError).toBe("Unhandled");
    const err = decode(res.Payload);
    expect(err).toMatchObject({ errorType: "ToolError", errorMessage: "no such city" });
    expect(err.trace[0]).toBe("ToolError: no such city");
    const direct = await invokeFunction(sandbox.store, { region: REGION, accountId: ACCOUNT, functionArn: "fails", payload: {} });
    expect(direct).toMatchObject({ ok: false, kind: "function-error", errorType: "ToolError", errorMessage: "no such city" });
  });

  it("callback-style handlers, a missing handler, and a crash that the next invocation recovers from", async () => {
    await create("cb", { "index.js": `exports.handler = (event, context, callback) => { setTimeout(() => callback(null, { doubled: event.n * 2 }), 5); };` });
    expect(decode((await lambda.send(new InvokeCommand({ FunctionName: "cb", Payload: '{"n":21}' }))).Payload)).toEqual({ doubled: 42 });

    await create("nohandler", { "index.js": "exports.other = async () => 1;" });
    const missing = await lambda.send(new InvokeCommand({ FunctionName: "nohandler" }));
    expect(missing.FunctionError).toBe("Unhandled");
    expect(decode(missing.Payload)).toMatchObject({ errorType: "Runtime.HandlerNotFound", errorMessage: "index.handler is undefined or not exported" });

    await create("crash", { "index.js": `exports.handler = async (e) => { if (e.exit) process.exit(3); return process.pid; };` });
    const crashed = await lambda.send(new InvokeCommand({ FunctionName: "crash", Payload: '{"exit":true}' }));
    expect(crashed.FunctionError).toBe("Unhandled");
    expect(decode(crashed.Payload)).toMatchObject({ errorType: "Runtime.ExitError" });
    expect(decode(crashed.Payload).errorMessage).toContain("Runtime exited with error: exit status 3");
    const after = await lambda.send(new InvokeCommand({ FunctionName: "crash", Payload: "{}" }));
    expect(after.FunctionError).toBeUndefined();
    expect(typeof decode(after.Payload)).toBe("number");
  });

  it("a function past its timeout is killed and answers Task timed out", async () => {
    await create("slow", { "index.js": `exports.handler = async () => { await new Promise((r) => setTimeout(r, 60000)); return "late"; };` }, { Timeout: 1 });
    const started = Date.now();
    const res = await lambda.send(new InvokeCommand({ FunctionName: "slow" }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(res.FunctionError).toBe("Unhandled");
    const err = decode(res.Payload);
    expect(err.errorType).toBe("Sandbox.Timedout");
    expect(err.errorMessage).toMatch(/^RequestId: [0-9a-f-]{36} Error: Task timed out after 1\.00 seconds$/);
    const direct = await invokeFunction(sandbox.store, { region: REGION, accountId: ACCOUNT, functionArn: "slow", payload: {} });
    expect(direct).toMatchObject({ ok: false, kind: "timeout", errorType: "Sandbox.Timedout" });
  });

  it("UpdateFunctionCode replaces the code: the next invocation runs the new code", async () => {
    await create("versioned", { "index.js": `exports.handler = async () => "v1";` });
    expect(decode((await lambda.send(new InvokeCommand({ FunctionName: "versioned" }))).Payload)).toBe("v1");
    const before = await lambda.send(new GetFunctionCommand({ FunctionName: "versioned" }));
    const stale = await catchError<LambdaError>(() => lambda.send(new UpdateFunctionCodeCommand({ FunctionName: "versioned", ZipFile: zip({ "index.js": "" }), RevisionId: "00000000-0000-0000-0000-000000000000" })));
    expect(stale.name).toBe("PreconditionFailedException");
    const updated = await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: "versioned", ZipFile: zip({ "index.js": `exports.handler = async () => "v2";` }), RevisionId: before.Configuration!.RevisionId }));
    expect(updated.CodeSha256).not.toBe(before.Configuration!.CodeSha256);
    expect(updated.RevisionId).not.toBe(before.Configuration!.RevisionId);
    expect(decode((await lambda.send(new InvokeCommand({ FunctionName: "versioned" }))).Payload)).toBe("v2");
  });

  it("lists functions by name, paginated with Marker / MaxItems", async () => {
    for (const n of ["page-a", "page-b", "page-c"]) await create(n, { "index.js": "exports.handler = async () => 1;" });
    const first = await lambda.send(new ListFunctionsCommand({ MaxItems: 2 }));
    expect(first.Functions).toHaveLength(2);
    expect(first.NextMarker).toBeTruthy();
    const names: string[] = [];
    for await (const page of paginateListFunctions({ client: lambda, pageSize: 2 }, {})) names.push(...(page.Functions ?? []).map((f) => f.FunctionName!));
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(["echo", "fails", "page-a", "page-b", "page-c", "slow"]));
    expect(new Set(names).size).toBe(names.length);
    const bad = await catchError<LambdaError>(() => lambda.send(new ListFunctionsCommand({ Marker: "garbage" })));
    expect(bad.name).toBe("InvalidParameterValueException");
    const range = await catchError<LambdaError>(() => lambda.send(new ListFunctionsCommand({ MaxItems: 0 })));
    expect(range.name).toBe("ValidationException");
  });

  it("AddPermission / GetPolicy / RemovePermission keep the resource policy", async () => {
    const sourceArn = `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:gateway/gw-abcdefghij`;
    const added = await lambda.send(new AddPermissionCommand({ FunctionName: "echo", StatementId: "agentcore", Action: "lambda:InvokeFunction", Principal: "bedrock-agentcore.amazonaws.com", SourceArn: sourceArn, SourceAccount: ACCOUNT }));
    expect(JSON.parse(added.Statement!)).toEqual({
      Sid: "agentcore",
      Effect: "Allow",
      Principal: { Service: "bedrock-agentcore.amazonaws.com" },
      Action: "lambda:InvokeFunction",
      Resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:echo`,
      Condition: { StringEquals: { "AWS:SourceAccount": ACCOUNT }, ArnLike: { "AWS:SourceArn": sourceArn } },
    });
    const dup = await catchError<LambdaError>(() => lambda.send(new AddPermissionCommand({ FunctionName: "echo", StatementId: "agentcore", Action: "lambda:InvokeFunction", Principal: ACCOUNT })));
    expect(dup.name).toBe("ResourceConflictException");
    await lambda.send(new AddPermissionCommand({ FunctionName: "echo", StatementId: "account", Action: "lambda:InvokeFunction", Principal: ACCOUNT }));
    const policy = await lambda.send(new GetPolicyCommand({ FunctionName: "echo" }));
    const doc = JSON.parse(policy.Policy!);
    expect(doc).toMatchObject({ Version: "2012-10-17", Id: "default" });
    expect(doc.Statement.map((s: { Sid: string }) => s.Sid)).toEqual(["agentcore", "account"]);
    expect(doc.Statement[1].Principal).toEqual({ AWS: `arn:aws:iam::${ACCOUNT}:root` });
    await lambda.send(new RemovePermissionCommand({ FunctionName: "echo", StatementId: "agentcore" }));
    const gone = await catchError<LambdaError>(() => lambda.send(new RemovePermissionCommand({ FunctionName: "echo", StatementId: "agentcore" })));
    expect(gone.name).toBe("ResourceNotFoundException");
    await lambda.send(new RemovePermissionCommand({ FunctionName: "echo", StatementId: "account" }));
    const empty = await catchError<LambdaError>(() => lambda.send(new GetPolicyCommand({ FunctionName: "echo" })));
    expect(empty.name).toBe("ResourceNotFoundException");
  });

  it("refuses other runtimes, bad packages, bad payloads and duplicates with Lambda's errors", async () => {
    const python = await catchError<LambdaError>(() => create("py", { "index.py": "" }, { Runtime: "python3.12" }));
    expect(python.name).toBe("InvalidParameterValueException");
    expect(python.$metadata.httpStatusCode).toBe(400);
    expect(python.message).toContain("runs Node.js only");
    const unknown = await catchError<LambdaError>(() => create("odd", { "index.js": "" }, { Runtime: "cobol" as never }));
    expect(unknown.message).toContain("runs Node.js only");
    const notZip = await catchError<LambdaError>(() => lambda.send(new CreateFunctionCommand({ FunctionName: "notzip", Runtime: "nodejs22.x", Role: ROLE, Handler: "index.handler", Code: { ZipFile: strToU8("not a zip") } })));
    expect(notZip.name).toBe("InvalidParameterValueException");
    const slip = await catchError<LambdaError>(() => create("slip", { "../evil.js": "x" }));
    expect(slip.name).toBe("InvalidParameterValueException");
    expect(fs.existsSync(path.join(sandbox.dataDir, "lambda-code", REGION, "slip"))).toBe(false);
    const role = await catchError<LambdaError>(() => create("norole", { "index.js": "" }, { Role: "not-a-role" }));
    expect(role.name).toBe("ValidationException");
    expect(role.message).toContain("'role'");
    const reserved = await catchError<LambdaError>(() => create("reserved", { "index.js": "" }, { Environment: { Variables: { AWS_REGION: "x" } } }));
    expect(reserved.name).toBe("InvalidParameterValueException");
    const dup = await catchError<LambdaError>(() => create("echo", { "index.js": "" }));
    expect(dup.name).toBe("ResourceConflictException");
    expect(dup.$metadata.httpStatusCode).toBe(409);
    const payload = await catchError<LambdaError>(() => lambda.send(new InvokeCommand({ FunctionName: "echo", Payload: "{not json" })));
    expect(payload.name).toBe("InvalidRequestContentException");
    const context = await catchError<LambdaError>(() => lambda.send(new InvokeCommand({ FunctionName: "echo", ClientContext: "%%%" })));
    expect(context.name).toBe("InvalidRequestContentException");
    const missing = await catchError<LambdaError>(() => lambda.send(new InvokeCommand({ FunctionName: "nope" })));
    expect(missing.name).toBe("ResourceNotFoundException");
    expect(missing.$metadata.httpStatusCode).toBe(404);
    expect(missing.message).toBe(`Function not found: arn:aws:lambda:${REGION}:${ACCOUNT}:function:nope`);
  });

  it("names such as __proto__ and constructor are ordinary function names", async () => {
    for (const name of ["__proto__", "constructor"]) {
      await create(name, { "index.js": `exports.handler = async () => process.env.AWS_LAMBDA_FUNCTION_NAME;` });
      expect(decode((await lambda.send(new InvokeCommand({ FunctionName: name }))).Payload)).toBe(name);
      await lambda.send(new DeleteFunctionCommand({ FunctionName: name }));
    }
    const missing = await catchError<LambdaError>(() => lambda.send(new GetFunctionCommand({ FunctionName: "toString" })));
    expect(missing.name).toBe("ResourceNotFoundException");
  });

  it("a response over 6 MB is Lambda's Function.ResponseSizeTooLarge", async () => {
    await create("big", { "index.js": `exports.handler = async () => "x".repeat(6_300_000);` });
    const res = await lambda.send(new InvokeCommand({ FunctionName: "big" }));
    expect(res.FunctionError).toBe("Unhandled");
    expect(decode(res.Payload)).toMatchObject({ errorType: "Function.ResponseSizeTooLarge" });
  });

  it("Event invocations answer 202 at once; DryRun 204", async () => {
    const event = await lambda.send(new InvokeCommand({ FunctionName: "echo", InvocationType: "Event", Payload: '{"async":true}' }));
    expect(event.StatusCode).toBe(202);
    await waitFor(() => fetch(`${sandbox.url}/_sandbox/lambda/functions/echo/logs?region=${REGION}`).then((r) => r.text()), (t) => t.includes('echo {"async":true}'));
    const dry = await lambda.send(new InvokeCommand({ FunctionName: "echo", InvocationType: "DryRun" }));
    expect(dry.StatusCode).toBe(204);
  });

  it("DeleteFunction removes the function, its processes and its code", async () => {
    await create("doomed", { "index.js": "exports.handler = async () => process.pid;" });
    const pid = decode((await lambda.send(new InvokeCommand({ FunctionName: "doomed" }))).Payload) as number;
    const res = await lambda.send(new DeleteFunctionCommand({ FunctionName: "doomed" }));
    expect(res.$metadata.httpStatusCode).toBe(204);
    expect(() => process.kill(pid, 0)).toThrow();
    expect(fs.existsSync(path.join(sandbox.dataDir, "lambda-code", REGION, "doomed"))).toBe(false);
    const gone = await catchError<LambdaError>(() => lambda.send(new GetFunctionCommand({ FunctionName: "doomed" })));
    expect(gone.name).toBe("ResourceNotFoundException");
  });

  it("a restart keeps functions and their code, and kills the old processes", async () => {
    const pid = decode((await lambda.send(new InvokeCommand({ FunctionName: "echo" }))).Payload).pid as number;
    sandbox = await sandbox.restart();
    expect(() => process.kill(pid, 0)).toThrow();
    lambda = lambdaClient(sandbox);
    const res = await lambda.send(new InvokeCommand({ FunctionName: "echo", Payload: '{"after":"restart"}' }));
    expect(decode(res.Payload)).toMatchObject({ event: { after: "restart" }, env: { greeting: "hello" } });
    const listed = await lambda.send(new ListFunctionsCommand({}));
    expect(listed.Functions?.map((f) => f.FunctionName)).toContain("versioned");
    expect(decode((await lambda.send(new InvokeCommand({ FunctionName: "versioned" }))).Payload)).toBe("v2");
  });

  it("POST /_sandbox/reset removes every function, its processes and its code", async () => {
    const pid = decode((await lambda.send(new InvokeCommand({ FunctionName: "echo" }))).Payload).pid as number;
    const res = await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(200);
    expect(() => process.kill(pid, 0)).toThrow();
    expect(fs.existsSync(path.join(sandbox.dataDir, "lambda-code"))).toBe(false);
    expect((await lambda.send(new ListFunctionsCommand({}))).Functions).toEqual([]);
    await create("fresh", { "index.js": "exports.handler = async () => 'fresh';" });
    expect(decode((await lambda.send(new InvokeCommand({ FunctionName: "fresh" }))).Payload)).toBe("fresh");
  });
});
