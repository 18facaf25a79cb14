// Cross-cutting sandbox behaviour through real SDK clients: STS, persistence, faults, latency, in-process transport.
import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { BedrockAgentCoreControlClient, CreateGatewayCommand, GetGatewayCommand, ListGatewaysCommand } from "@aws-sdk/client-bedrock-agentcore-control";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { createSandboxCore } from "../../sandbox/core/server";
import { CREDENTIALS, JSON_CONTENT, REGION, ROLE_ARN, agentCoreClient, catchError, clearFaults, clients, setFaults, startSandbox, stsClient, type TestSandbox } from "./helpers";

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function sandboxFor(options: Parameters<typeof startSandbox>[0] = {}): Promise<TestSandbox> {
  const sb = await startSandbox(options);
  cleanup.push(() => sb.dispose());
  return sb;
}

describe("STS", () => {
  it("GetCallerIdentity answers as the sandbox account", async () => {
    const sb = await sandboxFor();
    const out = await stsClient(sb).send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe("123456789012");
    expect(out.Arn).toBe("arn:aws:iam::123456789012:user/sandbox");
    expect(out.UserId).toMatch(/^AIDA/);
    expect(out.$metadata.requestId).toBeTruthy();
  });
});

describe("persistence", () => {
  it("keeps gateways across a restart on the same data dir", async () => {
    let sb = await startSandbox({ lifecycleDelayMs: 60_000 });
    const created = await agentCoreClient(sb).send(new CreateGatewayCommand({ name: "persisted", roleArn: ROLE_ARN, authorizerType: "AWS_IAM" }));
    expect(fs.readdirSync(sb.dataDir)).toContain("agentcore-control.json");
    sb = await sb.restart();
    cleanup.push(() => sb.dispose());
    const c = agentCoreClient(sb);
    const got = await c.send(new GetGatewayCommand({ gatewayIdentifier: created.gatewayId }));
    expect(got.name).toBe("persisted");
    // The lifecycle is computed from timestamps, so it carries on across the restart.
    expect(got.status).toBe("CREATING");
    const list = await c.send(new ListGatewaysCommand({}));
    expect(list.items?.map((g) => g.gatewayId)).toEqual([created.gatewayId]);
  });

  it("POST /_sandbox/reset wipes the state", async () => {
    const sb = await sandboxFor();
    const c = agentCoreClient(sb);
    await c.send(new CreateGatewayCommand({ name: "to-wipe", roleArn: ROLE_ARN, authorizerType: "NONE" }));
    const res = await fetch(`${sb.url}/_sandbox/reset`, { method: "POST", headers: JSON_CONTENT });
    expect(res.status).toBe(200);
    expect((await c.send(new ListGatewaysCommand({}))).items).toEqual([]);
    const again = await sb.restart();
    cleanup.push(() => again.dispose());
    expect((await agentCoreClient(again).send(new ListGatewaysCommand({}))).items).toEqual([]);
  });
});

describe("faults", () => {
  it("throttling → ThrottlingException (429) for the next N calls only", async () => {
    const sb = await sandboxFor();
    await setFaults(sb, { faults: [{ type: "throttling", operation: "ListGateways", count: 1 }] });
    const c = agentCoreClient(sb, { maxAttempts: 1 });
    const err = await catchError(() => c.send(new ListGatewaysCommand({})));
    expect(err.name).toBe("ThrottlingException");
    expect(err.$metadata.httpStatusCode).toBe(429);
    await expect(c.send(new ListGatewaysCommand({}))).resolves.toBeDefined();
  });

  it("the SDK retries throttling and gives up after maxAttempts", async () => {
    const sb = await sandboxFor();
    await setFaults(sb, { faults: [{ type: "throttling", service: "agentcore-control" }] });
    const c = agentCoreClient(sb, { maxAttempts: 2 });
    const err = await catchError(() => c.send(new ListGatewaysCommand({})));
    expect(err.name).toBe("ThrottlingException");
    expect(err.$metadata.attempts).toBe(2);
    // A 500 on the first attempt is retried transparently.
    await setFaults(sb, { faults: [{ type: "internal", operation: "CreateGateway", count: 1 }] });
    const ok = agentCoreClient(sb, { maxAttempts: 3 });
    const created = await ok.send(new CreateGatewayCommand({ name: "retried", roleArn: ROLE_ARN, authorizerType: "NONE" }));
    expect(created.$metadata.attempts).toBe(2);
  });

  it("internal → InternalServerException (500); other services unaffected by a scoped rule", async () => {
    const sb = await sandboxFor();
    await setFaults(sb, { faults: [{ type: "internal", service: "agentcore-control" }] });
    const { agentcore, sts } = clients(sb, { maxAttempts: 1 });
    const err = await catchError(() => agentcore.send(new ListGatewaysCommand({})));
    expect(err.name).toBe("InternalServerException");
    expect(err.$metadata.httpStatusCode).toBe(500);
    await expect(sts.send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Account: "123456789012" });
    await clearFaults(sb);
    await expect(agentcore.send(new ListGatewaysCommand({}))).resolves.toBeDefined();
  });

  it("STS throttling is the awsQuery Throttling error", async () => {
    const sb = await sandboxFor({ faults: { faults: [{ type: "throttling", service: "sts", count: 1 }] } });
    const err = await catchError(() => stsClient(sb, { maxAttempts: 1 }).send(new GetCallerIdentityCommand({})));
    expect(err.name).toBe("Throttling");
  });

  it("rejects an invalid fault config", async () => {
    const sb = await sandboxFor();
    const res = await fetch(`${sb.url}/_sandbox/faults`, { method: "POST", headers: JSON_CONTENT, body: JSON.stringify({ faults: [{ type: "explode" }] }) });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toContain("type");
  });

  it("adds latency", async () => {
    const sb = await sandboxFor();
    const c = agentCoreClient(sb);
    await c.send(new ListGatewaysCommand({})); // warm the connection
    await setFaults(sb, { latencyMs: 150 });
    const t0 = performance.now();
    await c.send(new ListGatewaysCommand({}));
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    const health = await (await fetch(`${sb.url}/_sandbox/health`)).json();
    expect(health).toMatchObject({ status: "ok", accountId: "123456789012", faults: { latencyMs: 150 } });
  });
});

describe("in-process transport", () => {
  it("serves real SDK clients through requestHandler with no socket", async () => {
    const core = createSandboxCore({ dataDir: null, lifecycleDelayMs: 0 });
    const config = { region: REGION, credentials: CREDENTIALS, endpoint: "http://sandbox.local", requestHandler: core.requestHandler };
    const c = new BedrockAgentCoreControlClient(config);
    const created = await c.send(new CreateGatewayCommand({ name: "in-proc", roleArn: ROLE_ARN, authorizerType: "NONE" }));
    expect(created.status).toBe("CREATING");
    expect((await c.send(new GetGatewayCommand({ gatewayIdentifier: created.gatewayId }))).status).toBe("READY");
    const err = await catchError(() => c.send(new GetGatewayCommand({ gatewayIdentifier: "nope-abcdefghij" })));
    expect(err.name).toBe("ResourceNotFoundException");
    const who = await new STSClient(config).send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe("123456789012");
  });
});
