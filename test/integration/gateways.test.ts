// AgentCore Control gateways through the real SDK client over HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CreateGatewayCommand,
  DeleteGatewayCommand,
  GetGatewayCommand,
  ListGatewaysCommand,
  UpdateGatewayCommand,
  paginateListGateways,
  type BedrockAgentCoreControlClient,
  type CreateGatewayCommandInput,
} from "@aws-sdk/client-bedrock-agentcore-control";
import { DISCOVERY_URL, JSON_CONTENT, REGION, ROLE_ARN, agentCoreClient, catchError, gatewayTargets, seedGatewayTarget, startSandbox, startWithClient, stopWithClient, waitFor, type TestSandbox, type ValidationError } from "./helpers";

let sandbox: TestSandbox;
let client: BedrockAgentCoreControlClient;
let n = 0;
const uniqueName = (prefix = "gw") => `${prefix}-${Date.now().toString(36)}-${++n}`;

const jwtGateway = (name = uniqueName()): CreateGatewayCommandInput => ({
  name,
  roleArn: ROLE_ARN,
  protocolType: "MCP",
  authorizerType: "CUSTOM_JWT",
  authorizerConfiguration: { customJWTAuthorizer: { discoveryUrl: DISCOVERY_URL, allowedClients: ["client-1"] } },
  description: "test gateway",
  exceptionLevel: "DEBUG",
  protocolConfiguration: { mcp: { searchType: "SEMANTIC", supportedVersions: ["2025-03-26"], instructions: "be nice" } },
  tags: { team: "platform" },
});

beforeAll(async () => {
  ({ sandbox, client } = await startWithClient(agentCoreClient));
});
afterAll(() => stopWithClient(sandbox, client));
beforeEach(() => {
  sandbox.settings.lifecycleDelayMs = 0;
});

describe("CreateGateway", () => {
  it("returns a realistic gateway in CREATING", async () => {
    const out = await client.send(new CreateGatewayCommand(jwtGateway("My-Gateway-1")));
    expect(out.$metadata.httpStatusCode).toBe(202);
    expect(out.gatewayId).toMatch(/^my-gateway-1-[a-z0-9]{10}$/);
    expect(out.gatewayArn).toBe(`arn:aws:bedrock-agentcore:${REGION}:123456789012:gateway/${out.gatewayId}`);
    // The sandbox serves the gateway itself: its URL is a working MCP endpoint on the sandbox's own address.
    expect(out.gatewayUrl).toBe(`${sandbox.url}/gateway-runtime/${REGION}/${out.gatewayId}/mcp`);
    expect(out.workloadIdentityDetails?.workloadIdentityArn).toBe(
      `arn:aws:bedrock-agentcore:${REGION}:123456789012:workload-identity-directory/default/workload-identity/${out.gatewayId}`,
    );
    expect(out.status).toBe("CREATING");
    expect(out.createdAt).toBeInstanceOf(Date);
    expect(out.updatedAt).toBeInstanceOf(Date);
    expect(out.protocolType).toBe("MCP");
    expect(out.authorizerConfiguration?.customJWTAuthorizer?.allowedClients).toEqual(["client-1"]);
    expect(out.protocolConfiguration?.mcp?.searchType).toBe("SEMANTIC");
    expect(out.exceptionLevel).toBe("DEBUG");
  });

  it("defaults protocolType to MCP and accepts NONE / AWS_IAM without an authorizer configuration", async () => {
    const a = await client.send(new CreateGatewayCommand({ name: uniqueName(), roleArn: ROLE_ARN, authorizerType: "NONE" }));
    expect(a.protocolType).toBe("MCP");
    expect(a.authorizerConfiguration).toBeUndefined();
    const b = await client.send(new CreateGatewayCommand({ name: uniqueName(), roleArn: ROLE_ARN, authorizerType: "AWS_IAM" }));
    expect(b.authorizerType).toBe("AWS_IAM");
  });

  it("rejects a duplicate name with ConflictException", async () => {
    const name = uniqueName("dup");
    await client.send(new CreateGatewayCommand(jwtGateway(name)));
    const err = await catchError(() => client.send(new CreateGatewayCommand(jwtGateway(name))));
    expect(err.name).toBe("ConflictException");
    expect(err.$metadata.httpStatusCode).toBe(409);
  });

  it("is idempotent on clientToken", async () => {
    const input = { ...jwtGateway(), clientToken: "idem-token-0123456789-0123456789-abcdef" };
    const first = await client.send(new CreateGatewayCommand(input));
    const second = await client.send(new CreateGatewayCommand(input));
    expect(second.gatewayId).toBe(first.gatewayId);
    const all = await client.send(new ListGatewaysCommand({ maxResults: 1000 }));
    expect(all.items?.filter((g) => g.name === input.name)).toHaveLength(1);

    const err = await catchError<ValidationError>(() => client.send(new CreateGatewayCommand({ ...input, description: "other" })));
    expect(err.name).toBe("ValidationException");
    expect(err.reason).toBe("IdempotentParameterMismatchException");
  });

  describe("validation", () => {
    const fieldNames = (e: ValidationError) => e.fieldList?.map((f) => f.name);

    it("bad discovery URL", async () => {
      const input = jwtGateway();
      input.authorizerConfiguration = { customJWTAuthorizer: { discoveryUrl: "https://example.com/oidc", allowedClients: ["c"] } };
      const err = await catchError<ValidationError>(() => client.send(new CreateGatewayCommand(input)));
      expect(err.name).toBe("ValidationException");
      expect(err.$metadata.httpStatusCode).toBe(400);
      expect(err.reason).toBe("FieldValidationFailed");
      expect(err.fieldList).toEqual([
        {
          name: "authorizerConfiguration.customJWTAuthorizer.discoveryUrl",
          message:
            "Value at 'authorizerConfiguration.customJWTAuthorizer.discoveryUrl' failed to satisfy constraint: Member must satisfy regular expression pattern: ^.+/\\.well-known/openid-configuration$",
        },
      ]);
      expect(err.message).toMatch(/^1 validation error detected: /);
    });

    it("name longer than 48 characters", async () => {
      const err = await catchError<ValidationError>(() => client.send(new CreateGatewayCommand(jwtGateway("a".repeat(49)))));
      expect(fieldNames(err)).toEqual(["name"]);
      expect(err.fieldList?.[0].message).toContain("^([0-9a-zA-Z][-]?){1,48}$");
      await expect(client.send(new CreateGatewayCommand(jwtGateway("a".repeat(48))))).resolves.toBeDefined();
    });

    it("missing required members", async () => {
      const err = await catchError<ValidationError>(() =>
        client.send(new CreateGatewayCommand({ name: uniqueName() } as CreateGatewayCommandInput)),
      );
      expect(fieldNames(err)?.sort()).toEqual(["authorizerType", "roleArn"]);
      expect(err.fieldList?.[0].message).toMatch(/Member must not be null$/);
      expect(err.message).toMatch(/^2 validation errors detected: /);
    });

    it("two union members set", async () => {
      const input = jwtGateway();
      input.authorizerConfiguration = {
        customJWTAuthorizer: {
          discoveryUrl: DISCOVERY_URL,
          customClaims: [
            {
              inboundTokenClaimName: "groups",
              inboundTokenClaimValueType: "STRING",
              authorizingClaimMatchValue: { claimMatchOperator: "EQUALS", claimMatchValue: { matchValueString: "a", matchValueStringList: ["b"] } as never },
            },
          ],
        },
      };
      const err = await catchError<ValidationError>(() => client.send(new CreateGatewayCommand(input)));
      const name = "authorizerConfiguration.customJWTAuthorizer.customClaims[0].authorizingClaimMatchValue.claimMatchValue";
      expect(fieldNames(err)).toEqual([name]);
      expect(err.fieldList?.[0].message).toBe(
        `Value at '${name}' failed to satisfy constraint: Member must have exactly one of [matchValueString, matchValueStringList] set`,
      );
    });

    it("list item, map key and enum constraints", async () => {
      const input = jwtGateway();
      input.authorizerConfiguration = { customJWTAuthorizer: { discoveryUrl: DISCOVERY_URL, allowedClients: ["ok", "bad client!"] } };
      input.tags = { "bad key!": "v" };
      input.exceptionLevel = "VERBOSE" as never;
      const err = await catchError<ValidationError>(() => client.send(new CreateGatewayCommand(input)));
      const names = fieldNames(err);
      expect(names).toContain("tags.key");
      expect(names).toContain("exceptionLevel");
      expect(err.fieldList?.find((f) => f.name === "exceptionLevel")?.message).toContain("Member must satisfy enum value set: [DEBUG]");
    });

    it("description too long", async () => {
      const input = { ...jwtGateway(), description: "d".repeat(201) };
      const err = await catchError<ValidationError>(() => client.send(new CreateGatewayCommand(input)));
      expect(err.fieldList).toEqual([
        { name: "description", message: "Value at 'description' failed to satisfy constraint: Member must have length less than or equal to 200" },
      ]);
    });

    it("CUSTOM_JWT needs an authorizer configuration", async () => {
      const input = jwtGateway();
      delete input.authorizerConfiguration;
      const err = await catchError<ValidationError>(() => client.send(new CreateGatewayCommand(input)));
      expect(err.name).toBe("ValidationException");
      expect(fieldNames(err)).toEqual(["authorizerConfiguration"]);
    });

    it("CUSTOM_JWT needs at least one of audiences, clients, scopes, claims", async () => {
      const input = jwtGateway();
      input.authorizerConfiguration = { customJWTAuthorizer: { discoveryUrl: DISCOVERY_URL } };
      const err = await catchError<ValidationError>(() => client.send(new CreateGatewayCommand(input)));
      expect(fieldNames(err)).toEqual(["authorizerConfiguration.customJWTAuthorizer"]);
      for (const ok of [{ allowedAudience: ["a"] }, { allowedScopes: ["s"] }]) {
        const g = jwtGateway();
        g.authorizerConfiguration = { customJWTAuthorizer: { discoveryUrl: DISCOVERY_URL, ...ok } };
        await expect(client.send(new CreateGatewayCommand(g))).resolves.toBeDefined();
      }
    });

    it("NONE / AWS_IAM must not carry an authorizer configuration", async () => {
      for (const authorizerType of ["NONE", "AWS_IAM"] as const) {
        const err = await catchError<ValidationError>(() => client.send(new CreateGatewayCommand({ ...jwtGateway(), authorizerType })));
        expect(err.name).toBe("ValidationException");
        expect(fieldNames(err)).toEqual(["authorizerConfiguration"]);
      }
    });

    it("a body that is not JSON → CannotParse", async () => {
      const res = await fetch(`${sandbox.url}/gateways/`, {
        method: "POST",
        headers: { authorization: "AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/bedrock-agentcore/aws4_request, SignedHeaders=host, Signature=0", "content-type": "application/json" },
        body: "{not json",
      });
      expect(res.status).toBe(400);
      expect(res.headers.get("x-amzn-errortype")).toBe("ValidationException");
      expect(await res.json()).toMatchObject({ reason: "CannotParse" });
    });
  });
});

describe("GetGateway", () => {
  it("returns the gateway, READY after the lifecycle", async () => {
    const created = await client.send(new CreateGatewayCommand(jwtGateway()));
    const got = await client.send(new GetGatewayCommand({ gatewayIdentifier: created.gatewayId }));
    expect(got.status).toBe("READY");
    expect(got.name).toBe(created.name);
    expect(got.authorizerConfiguration).toEqual(created.authorizerConfiguration);
    expect(got.createdAt?.toISOString()).toBe(created.createdAt?.toISOString());
  });

  it("unknown id → ResourceNotFoundException", async () => {
    const err = await catchError(() => client.send(new GetGatewayCommand({ gatewayIdentifier: "nope-abcdefghij" })));
    expect(err.name).toBe("ResourceNotFoundException");
    expect(err.$metadata.httpStatusCode).toBe(404);
  });

  it("an ARN instead of an id → ValidationException on gatewayIdentifier", async () => {
    const err = await catchError<ValidationError>(() =>
      client.send(new GetGatewayCommand({ gatewayIdentifier: "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/x-abcdefghij" })),
    );
    expect(err.name).toBe("ValidationException");
    expect(err.fieldList?.map((f) => f.name)).toEqual(["gatewayIdentifier"]);
  });
});

describe("lifecycle", () => {
  it("CREATING → READY, UPDATING → READY, DELETING → gone", async () => {
    sandbox.settings.lifecycleDelayMs = 1000;
    const get = (id: string) => client.send(new GetGatewayCommand({ gatewayIdentifier: id }));
    const created = await client.send(new CreateGatewayCommand(jwtGateway()));
    const id = created.gatewayId!;
    expect((await get(id)).status).toBe("CREATING");
    await waitFor(() => get(id), (g) => g.status === "READY");

    const updated = await client.send(new UpdateGatewayCommand({ ...jwtGateway(created.name), gatewayIdentifier: id }));
    expect(updated.status).toBe("UPDATING");
    expect((await get(id)).status).toBe("UPDATING");
    await waitFor(() => get(id), (g) => g.status === "READY");

    const deleted = await client.send(new DeleteGatewayCommand({ gatewayIdentifier: id }));
    expect(deleted).toMatchObject({ gatewayId: id, status: "DELETING" });
    expect((await get(id)).status).toBe("DELETING");
    const err = await waitFor(
      () => get(id).then(() => undefined, (e: Error) => e),
      (e) => e !== undefined,
    );
    expect(err?.name).toBe("ResourceNotFoundException");
  });
});

describe("UpdateGateway", () => {
  it("replaces the whole configuration: omitted members are cleared", async () => {
    const created = await client.send(new CreateGatewayCommand(jwtGateway()));
    const updated = await client.send(
      new UpdateGatewayCommand({
        gatewayIdentifier: created.gatewayId,
        name: created.name,
        roleArn: "arn:aws:iam::123456789012:role/Other",
        authorizerType: "CUSTOM_JWT",
        authorizerConfiguration: { customJWTAuthorizer: { discoveryUrl: DISCOVERY_URL, allowedScopes: ["read"] } },
      }),
    );
    expect(updated.$metadata.httpStatusCode).toBe(202);
    const got = await client.send(new GetGatewayCommand({ gatewayIdentifier: created.gatewayId }));
    expect(got.roleArn).toBe("arn:aws:iam::123456789012:role/Other");
    expect(got.description).toBeUndefined();
    expect(got.exceptionLevel).toBeUndefined();
    expect(got.protocolConfiguration).toBeUndefined();
    expect(got.protocolType).toBe("MCP");
    expect(got.authorizerConfiguration).toEqual({ customJWTAuthorizer: { discoveryUrl: DISCOVERY_URL, allowedScopes: ["read"] } });
    expect(got.gatewayUrl).toBe(created.gatewayUrl);
    expect(got.createdAt?.toISOString()).toBe(created.createdAt?.toISOString());
    expect(got.updatedAt!.getTime()).toBeGreaterThanOrEqual(created.updatedAt!.getTime());
  });

  it("refuses an authorizer type change", async () => {
    const created = await client.send(new CreateGatewayCommand(jwtGateway()));
    const err = await catchError<ValidationError>(() =>
      client.send(new UpdateGatewayCommand({ gatewayIdentifier: created.gatewayId, name: created.name, roleArn: ROLE_ARN, authorizerType: "NONE" })),
    );
    expect(err.name).toBe("ValidationException");
    expect(err.fieldList?.map((f) => f.name)).toEqual(["authorizerType"]);
  });

  it("refuses dropping the authorizer configuration of a CUSTOM_JWT gateway", async () => {
    const created = await client.send(new CreateGatewayCommand(jwtGateway()));
    const err = await catchError<ValidationError>(() =>
      client.send(new UpdateGatewayCommand({ gatewayIdentifier: created.gatewayId, name: created.name, roleArn: ROLE_ARN, authorizerType: "CUSTOM_JWT" })),
    );
    expect(err.fieldList?.map((f) => f.name)).toEqual(["authorizerConfiguration"]);
  });

  it("renaming onto another gateway's name → ConflictException; unknown id → ResourceNotFoundException", async () => {
    const a = await client.send(new CreateGatewayCommand(jwtGateway()));
    const b = await client.send(new CreateGatewayCommand(jwtGateway()));
    const err = await catchError(() => client.send(new UpdateGatewayCommand({ ...jwtGateway(a.name), gatewayIdentifier: b.gatewayId })));
    expect(err.name).toBe("ConflictException");
    const missing = await catchError(() => client.send(new UpdateGatewayCommand({ ...jwtGateway(), gatewayIdentifier: "nope-abcdefghij" })));
    expect(missing.name).toBe("ResourceNotFoundException");
  });

  it("validates the input like CreateGateway", async () => {
    const created = await client.send(new CreateGatewayCommand(jwtGateway()));
    const err = await catchError<ValidationError>(() =>
      client.send(new UpdateGatewayCommand({ ...jwtGateway(created.name), gatewayIdentifier: created.gatewayId, roleArn: "not-an-arn" })),
    );
    expect(err.fieldList?.map((f) => f.name)).toEqual(["roleArn"]);
  });
});

describe("DeleteGateway", () => {
  it("refuses while the gateway has targets, then succeeds once they are gone", async () => {
    const created = await client.send(new CreateGatewayCommand(jwtGateway()));
    const target = seedGatewayTarget(sandbox.store, REGION, created.gatewayId!, { name: "lambda-target" });
    const err = await catchError(() => client.send(new DeleteGatewayCommand({ gatewayIdentifier: created.gatewayId })));
    expect(err.name).toBe("ConflictException");
    expect(err.$metadata.httpStatusCode).toBe(409);

    const res = await fetch(`${sandbox.url}/_sandbox/agentcore-control/gateways/${created.gatewayId}/targets/${target.targetId}?region=${REGION}`, { method: "DELETE", headers: JSON_CONTENT });
    expect(res.status).toBe(200);
    const out = await client.send(new DeleteGatewayCommand({ gatewayIdentifier: created.gatewayId }));
    expect(out.$metadata.httpStatusCode).toBe(202);
    expect(out.status).toBe("DELETING");
  });

  it("seeding through the control endpoint works too", async () => {
    const created = await client.send(new CreateGatewayCommand(jwtGateway()));
    const res = await fetch(`${sandbox.url}/_sandbox/agentcore-control/gateways/${created.gatewayId}/targets`, { method: "POST", headers: JSON_CONTENT, body: JSON.stringify({ region: REGION, name: "t1" }) });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ name: "t1", gatewayArn: created.gatewayArn });
    const listed = await (await fetch(`${sandbox.url}/_sandbox/agentcore-control/gateways/${created.gatewayId}/targets?region=${REGION}`)).json();
    expect(listed.items.map((t: { name: string }) => t.name)).toEqual(["t1"]);
    expect(gatewayTargets(sandbox.store, REGION, created.gatewayId!).map((t) => t.name)).toEqual(["t1"]);
    const err = await catchError(() => client.send(new DeleteGatewayCommand({ gatewayIdentifier: created.gatewayId })));
    expect(err.name).toBe("ConflictException");
  });

  it("unknown id → ResourceNotFoundException", async () => {
    const err = await catchError(() => client.send(new DeleteGatewayCommand({ gatewayIdentifier: "nope-abcdefghij" })));
    expect(err.name).toBe("ResourceNotFoundException");
  });

  it("frees the name once deleted", async () => {
    const name = uniqueName();
    const created = await client.send(new CreateGatewayCommand(jwtGateway(name)));
    await client.send(new DeleteGatewayCommand({ gatewayIdentifier: created.gatewayId }));
    const again = await client.send(new CreateGatewayCommand(jwtGateway(name)));
    expect(again.gatewayId).not.toBe(created.gatewayId);
  });
});

describe("ListGateways", () => {
  it("pages through 25 gateways 10 at a time", async () => {
    const own = await startSandbox();
    const c = agentCoreClient(own);
    try {
      const names: string[] = [];
      for (let i = 0; i < 25; i++) {
        const name = `page-${String(i).padStart(2, "0")}`;
        names.push(name);
        await c.send(new CreateGatewayCommand({ name, roleArn: ROLE_ARN, authorizerType: "NONE" }));
      }
      const pages: number[] = [];
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const page = await c.send(new ListGatewaysCommand({ maxResults: 10, nextToken: token }));
        pages.push(page.items!.length);
        seen.push(...page.items!.map((g) => g.name!));
        for (const g of page.items!) {
          expect(g).toMatchObject({ status: "READY", authorizerType: "NONE", protocolType: "MCP" });
          expect(g.createdAt).toBeInstanceOf(Date);
        }
        token = page.nextToken;
      } while (token);
      expect(pages).toEqual([10, 10, 5]);
      expect(seen).toEqual(names);

      const viaPaginator: string[] = [];
      for await (const page of paginateListGateways({ client: c, pageSize: 7 }, {})) viaPaginator.push(...page.items!.map((g) => g.name!));
      expect(viaPaginator).toEqual(names);

      const all = await c.send(new ListGatewaysCommand({}));
      expect(all.items).toHaveLength(25);
      expect(all.nextToken).toBeUndefined();
    } finally {
      c.destroy();
      await own.dispose();
    }
  });

  it("rejects maxResults 0 and 1001, and a bad token", async () => {
    for (const maxResults of [0, 1001]) {
      const err = await catchError<ValidationError>(() => client.send(new ListGatewaysCommand({ maxResults })));
      expect(err.name).toBe("ValidationException");
      expect(err.fieldList?.map((f) => f.name)).toEqual(["maxResults"]);
    }
    const err = await catchError<ValidationError>(() => client.send(new ListGatewaysCommand({ nextToken: "garbage" })));
    expect(err.name).toBe("ValidationException");
    expect(err.fieldList?.map((f) => f.name)).toEqual(["nextToken"]);
  });

  it("keeps regions apart", async () => {
    const eu = agentCoreClient(sandbox, { region: "eu-west-1" });
    const created = await eu.send(new CreateGatewayCommand(jwtGateway()));
    expect(created.gatewayArn).toContain(":eu-west-1:");
    const euList = await eu.send(new ListGatewaysCommand({}));
    expect(euList.items?.map((g) => g.gatewayId)).toEqual([created.gatewayId]);
    const err = await catchError(() => client.send(new GetGatewayCommand({ gatewayIdentifier: created.gatewayId })));
    expect(err.name).toBe("ResourceNotFoundException");
    eu.destroy();
  });
});

describe("custom claim rules", () => {
  const withClaim = (valueType: "STRING" | "STRING_ARRAY", operator: "EQUALS" | "CONTAINS" | "CONTAINS_ANY", value: { matchValueString?: string; matchValueStringList?: string[] }): CreateGatewayCommandInput => ({
    name: uniqueName("claims"),
    roleArn: ROLE_ARN,
    authorizerType: "CUSTOM_JWT",
    authorizerConfiguration: {
      customJWTAuthorizer: {
        discoveryUrl: DISCOVERY_URL,
        customClaims: [{ inboundTokenClaimName: "groups", inboundTokenClaimValueType: valueType, authorizingClaimMatchValue: { claimMatchOperator: operator, claimMatchValue: value as never } }],
      },
    },
  });

  it("accepts EQUALS on STRING, CONTAINS with one string and CONTAINS_ANY with a list on STRING_ARRAY", async () => {
    await client.send(new CreateGatewayCommand(withClaim("STRING", "EQUALS", { matchValueString: "eng" })));
    await client.send(new CreateGatewayCommand(withClaim("STRING_ARRAY", "CONTAINS", { matchValueString: "eng" })));
    await client.send(new CreateGatewayCommand(withClaim("STRING_ARRAY", "CONTAINS_ANY", { matchValueStringList: ["eng", "ops"] })));
  });

  it.each([
    ["EQUALS on a STRING_ARRAY claim", withClaim("STRING_ARRAY", "EQUALS", { matchValueString: "eng" }), "claimMatchOperator"],
    ["CONTAINS on a STRING claim", withClaim("STRING", "CONTAINS", { matchValueString: "eng" }), "claimMatchOperator"],
    ["CONTAINS with a list", withClaim("STRING_ARRAY", "CONTAINS", { matchValueStringList: ["eng"] }), "claimMatchValue"],
    ["CONTAINS_ANY with one string", withClaim("STRING_ARRAY", "CONTAINS_ANY", { matchValueString: "eng" }), "claimMatchValue"],
  ])("refuses %s with a ValidationException on the field", async (_what, input, field) => {
    const err = await catchError<{ name: string; fieldList?: { name: string }[] }>(() => client.send(new CreateGatewayCommand(input)));
    expect(err.name).toBe("ValidationException");
    expect(err.fieldList?.[0]?.name).toBe(`authorizerConfiguration.customJWTAuthorizer.customClaims[0].authorizingClaimMatchValue.${field}`);
  });
});
