// What the console sends to AgentCore Control for a target form, how an existing target fills the edit form, and where AWS field errors land.
import type { ApiGatewayToolConfiguration, CreateGatewayTargetRequest, GetGatewayTargetResponse } from "@aws-sdk/client-bedrock-agentcore-control";
import { describe, expect, it } from "vitest";
import { emptyTargetForm, targetSchema, type TargetFormValues, type TargetType } from "./target";
import { API_KEY_ARN, form as filledForm, LAMBDA_ARN, OAUTH_ARN, OPENAPI_YAML as OPENAPI, SMITHY } from "@/test/support/target-forms";
import { awsTargetFieldListToFormErrors, targetToFormValues, targetTypeOf, toTargetRequest, type TargetFields } from "./target-mapping";

const TOOLS = [
  {
    name: "get_weather",
    description: "Current weather",
    inputSchema: { type: "object" as const, properties: { city: { type: "string" as const, description: "City name" } }, required: ["city"] },
    outputSchema: { type: "object" as const, properties: { temperature: { type: "number" as const } } },
  },
];
/** A form of the given type with no outbound authorization, then edited. */
const form = (type: TargetType, edit: (v: TargetFormValues) => void = () => {}): TargetFormValues =>
  filledForm(type, (v) => {
    v.auth.type = "NONE";
    v.lambda.inline = JSON.stringify(TOOLS);
    v.openApi.inline = OPENAPI;
    edit(v);
  });

/** The target configuration of the forms' API Gateway (REST API a1b2c3d4e5, stage prod) with these tools. */
const petsApiGateway = (apiGatewayToolConfiguration: ApiGatewayToolConfiguration) => ({ mcp: { apiGateway: { restApiId: "a1b2c3d4e5", stage: "prod", apiGatewayToolConfiguration } } });

/** What the server action sends: the schema's output, mapped. */
const requestFor = (v: TargetFormValues) => toTargetRequest(targetSchema.parse(v));

describe("toTargetRequest: the target configuration of each type", () => {
  it("Lambda with an inline tool schema: the parsed tool definitions, the gateway role", () => {
    const v = form("lambda", (f) => {
      f.name = "  weather  ";
      f.description = "Weather tools";
      f.lambda.arn = ` ${LAMBDA_ARN}:live `;
      f.lambda.inline = JSON.stringify(TOOLS, null, 2);
      f.auth.type = "GATEWAY_IAM_ROLE";
    });
    expect(requestFor(v)).toEqual({
      name: "weather",
      description: "Weather tools",
      targetConfiguration: { mcp: { lambda: { lambdaArn: `${LAMBDA_ARN}:live`, toolSchema: { inlinePayload: TOOLS } } } },
      credentialProviderConfigurations: [{ credentialProviderType: "GATEWAY_IAM_ROLE" }],
    });
  });

  it("Lambda with a tool schema in S3, with and without the bucket owner", () => {
    const s3 = (bucketOwner: string) =>
      requestFor(
        form("lambda", (f) => {
          f.lambda = { ...f.lambda, source: "s3", inline: "ignored", s3Uri: " s3://my-bucket/tools.json ", bucketOwner };
          f.auth.type = "GATEWAY_IAM_ROLE";
        }),
      ).targetConfiguration;
    expect(s3(" 123456789012 ")).toEqual({ mcp: { lambda: { lambdaArn: LAMBDA_ARN, toolSchema: { s3: { uri: "s3://my-bucket/tools.json", bucketOwnerAccountId: "123456789012" } } } } });
    expect(s3("")).toEqual({ mcp: { lambda: { lambdaArn: LAMBDA_ARN, toolSchema: { s3: { uri: "s3://my-bucket/tools.json" } } } } });
  });

  it("OpenAPI: the document text as written (not re-serialized), or its S3 location", () => {
    expect(requestFor(form("openApi")).targetConfiguration).toEqual({ mcp: { openApiSchema: { inlinePayload: OPENAPI } } });
    const s3 = form("openApi", (f) => (f.openApi = { source: "s3", inline: "", s3Uri: "s3://specs/pets.yaml", bucketOwner: "123456789012" }));
    expect(requestFor(s3).targetConfiguration).toEqual({ mcp: { openApiSchema: { s3: { uri: "s3://specs/pets.yaml", bucketOwnerAccountId: "123456789012" } } } });
  });

  it("Smithy: the JSON AST text, or its S3 location", () => {
    const inline = form("smithy", (f) => (f.auth.type = "GATEWAY_IAM_ROLE"));
    expect(requestFor(inline)).toEqual({
      name: "weather",
      targetConfiguration: { mcp: { smithyModel: { inlinePayload: SMITHY } } },
      credentialProviderConfigurations: [{ credentialProviderType: "GATEWAY_IAM_ROLE" }],
    });
    const s3 = form("smithy", (f) => {
      f.smithy = { source: "s3", inline: "", s3Uri: "s3://models/weather.json", bucketOwner: "" };
      f.auth.type = "GATEWAY_IAM_ROLE";
    });
    expect(requestFor(s3).targetConfiguration).toEqual({ mcp: { smithyModel: { s3: { uri: "s3://models/weather.json" } } } });
  });

  it("MCP server: the trimmed endpoint, and no credential configuration for no authorization", () => {
    expect(requestFor(form("mcpServer", (f) => (f.mcpServer.endpoint = "  https://mcp.example.com/mcp  ")))).toEqual({
      name: "weather",
      targetConfiguration: { mcp: { mcpServer: { endpoint: "https://mcp.example.com/mcp" } } },
    });
  });

  it("API Gateway: filters and overrides, trimmed; a blank override description is left out", () => {
    const v = form("apiGateway", (f) => {
      f.apiGateway = {
        restApiId: " a1b2c3d4e5 ",
        stage: " prod ",
        filters: [
          { path: " /pets/* ", methods: ["GET", "POST"] },
          { path: "/orders", methods: ["DELETE"] },
        ],
        overrides: [
          { name: " list_pets ", description: " List the pets ", path: " /pets ", method: "GET" },
          { name: "add_pet", description: "  ", path: "/pets", method: "POST" },
        ],
      };
    });
    expect(requestFor(v).targetConfiguration).toEqual(
      petsApiGateway({
        toolFilters: [
          { filterPath: "/pets/*", methods: ["GET", "POST"] },
          { filterPath: "/orders", methods: ["DELETE"] },
        ],
        toolOverrides: [
          { name: "list_pets", path: "/pets", method: "GET", description: "List the pets" },
          { name: "add_pet", path: "/pets", method: "POST" },
        ],
      }),
    );
  });

  it("API Gateway without overrides sends no toolOverrides", () => {
    expect(requestFor(form("apiGateway")).targetConfiguration).toEqual(petsApiGateway({ toolFilters: [{ filterPath: "/*", methods: ["GET"] }] }));
  });

  it("a blank description is left out; a description is sent as written", () => {
    expect(requestFor(form("mcpServer", (f) => (f.description = "   ")))).not.toHaveProperty("description");
    expect(requestFor(form("mcpServer", (f) => (f.description = " Pets ")))).toHaveProperty("description", " Pets ");
  });

  it("copies the filter methods (the request does not share arrays with the form)", () => {
    const v = form("apiGateway");
    const request = toTargetRequest(v);
    v.apiGateway.filters[0].methods.push("POST");
    expect(request.targetConfiguration?.mcp?.apiGateway?.apiGatewayToolConfiguration?.toolFilters?.[0].methods).toEqual(["GET"]);
  });
});

describe("toTargetRequest: outbound authorization", () => {
  const creds = (v: TargetFormValues) => requestFor(v).credentialProviderConfigurations;

  it("no authorization: no credentialProviderConfigurations member at all", () => {
    for (const type of ["openApi", "mcpServer", "apiGateway"] as const) expect(requestFor(form(type))).not.toHaveProperty("credentialProviderConfigurations");
  });

  it("the gateway role: bare for Lambda, Smithy and API Gateway (the service name typed is not sent)", () => {
    for (const type of ["lambda", "smithy", "apiGateway"] as const) {
      const v = form(type, (f) => {
        f.auth.type = "GATEWAY_IAM_ROLE";
        f.auth.iamService = "execute-api";
        f.auth.iamRegion = "us-west-2";
      });
      expect(creds(v), type).toEqual([{ credentialProviderType: "GATEWAY_IAM_ROLE" }]);
    }
  });

  it("the gateway role for OpenAPI and MCP servers: SigV4 for the service, with the region when given", () => {
    for (const type of ["openApi", "mcpServer"] as const) {
      const iam = (iamRegion: string) =>
        creds(
          form(type, (f) => {
            f.auth.type = "GATEWAY_IAM_ROLE";
            f.auth.iamService = " execute-api ";
            f.auth.iamRegion = iamRegion;
          }),
        );
      expect(iam(""), type).toEqual([{ credentialProviderType: "GATEWAY_IAM_ROLE", credentialProvider: { iamCredentialProvider: { service: "execute-api" } } }]);
      expect(iam(" eu-west-1 "), type).toEqual([
        { credentialProviderType: "GATEWAY_IAM_ROLE", credentialProvider: { iamCredentialProvider: { service: "execute-api", region: "eu-west-1" } } },
      ]);
    }
  });

  it("an API key: the provider and location; the parameter name trimmed, the prefix as typed, each only when given", () => {
    const apiKey = (edit: (k: TargetFormValues["auth"]["apiKey"]) => void) =>
      creds(
        form("openApi", (f) => {
          f.auth.type = "API_KEY";
          f.auth.apiKey.providerArn = ` ${API_KEY_ARN} `;
          edit(f.auth.apiKey);
        }),
      );
    expect(apiKey(() => {})).toEqual([{ credentialProviderType: "API_KEY", credentialProvider: { apiKeyCredentialProvider: { providerArn: API_KEY_ARN, credentialLocation: "HEADER" } } }]);
    expect(
      apiKey((k) => {
        k.location = "QUERY_PARAMETER";
        k.parameterName = " api_key ";
        k.prefix = "Bearer ";
      }),
    ).toEqual([
      {
        credentialProviderType: "API_KEY",
        credentialProvider: { apiKeyCredentialProvider: { providerArn: API_KEY_ARN, credentialLocation: "QUERY_PARAMETER", credentialParameterName: "api_key", credentialPrefix: "Bearer " } },
      },
    ]);
  });

  it("OAuth with client credentials: scopes trimmed, blanks dropped; custom parameters as a map; no return URL", () => {
    const v = form("mcpServer", (f) => {
      f.auth.type = "OAUTH";
      f.auth.oauth = {
        providerArn: ` ${OAUTH_ARN} `,
        scopes: [" read ", "", "write"],
        grantType: "CLIENT_CREDENTIALS",
        customParameters: [
          { key: " audience ", value: " https://api.example.com " },
          { key: "", value: "" },
        ],
        returnUrl: "https://ignored.example.com",
      };
    });
    expect(creds(v)).toEqual([
      {
        credentialProviderType: "OAUTH",
        credentialProvider: {
          oauthCredentialProvider: { providerArn: OAUTH_ARN, scopes: ["read", "write"], grantType: "CLIENT_CREDENTIALS", customParameters: { audience: " https://api.example.com " } },
        },
      },
    ]);
  });

  it("OAuth always sends the scopes (required by the model), even none", () => {
    const v = form("smithy", (f) => {
      f.auth.type = "OAUTH";
      f.auth.oauth.providerArn = OAUTH_ARN;
    });
    expect(creds(v)).toEqual([{ credentialProviderType: "OAUTH", credentialProvider: { oauthCredentialProvider: { providerArn: OAUTH_ARN, scopes: [], grantType: "CLIENT_CREDENTIALS" } } }]);
  });

  it("OAuth with the authorization code grant sends the return URL when given; token exchange never does", () => {
    const oauth = (grantType: TargetFormValues["auth"]["oauth"]["grantType"], returnUrl: string) =>
      creds(
        form("openApi", (f) => {
          f.auth.type = "OAUTH";
          f.auth.oauth = { ...f.auth.oauth, providerArn: OAUTH_ARN, scopes: ["read"], grantType, returnUrl };
        }),
      )?.[0].credentialProvider?.oauthCredentialProvider;
    expect(oauth("AUTHORIZATION_CODE", " https://app.example.com/done ")).toEqual({
      providerArn: OAUTH_ARN,
      scopes: ["read"],
      grantType: "AUTHORIZATION_CODE",
      defaultReturnUrl: "https://app.example.com/done",
    });
    expect(oauth("AUTHORIZATION_CODE", "")).toEqual({ providerArn: OAUTH_ARN, scopes: ["read"], grantType: "AUTHORIZATION_CODE" });
    expect(oauth("TOKEN_EXCHANGE", "https://app.example.com/done")).toEqual({ providerArn: OAUTH_ARN, scopes: ["read"], grantType: "TOKEN_EXCHANGE" });
  });

  it("the result fits the SDK's CreateGatewayTargetRequest", () => {
    const fields: TargetFields = requestFor(form("lambda", (f) => (f.auth.type = "GATEWAY_IAM_ROLE")));
    const request: CreateGatewayTargetRequest = { ...fields, gatewayIdentifier: "gw-abcdefghij", name: fields.name! };
    expect(request.targetConfiguration?.mcp?.lambda?.lambdaArn).toBe(LAMBDA_ARN);
  });
});

describe("targetTypeOf", () => {
  it("names the form type of each MCP target configuration", () => {
    expect(targetTypeOf({ targetConfiguration: { mcp: { lambda: { lambdaArn: LAMBDA_ARN, toolSchema: { inlinePayload: [] } } } } })).toBe("lambda");
    expect(targetTypeOf({ targetConfiguration: { mcp: { openApiSchema: { inlinePayload: "{}" } } } })).toBe("openApi");
    expect(targetTypeOf({ targetConfiguration: { mcp: { smithyModel: { s3: { uri: "s3://b/k" } } } } })).toBe("smithy");
    expect(targetTypeOf({ targetConfiguration: { mcp: { mcpServer: { endpoint: "https://x" } } } })).toBe("mcpServer");
    expect(targetTypeOf({ targetConfiguration: { mcp: { apiGateway: { restApiId: "a", stage: "b", apiGatewayToolConfiguration: { toolFilters: [] } } } } })).toBe("apiGateway");
  });

  it("anything else is 'other'", () => {
    expect(targetTypeOf({})).toBe("other");
    expect(targetTypeOf({ targetConfiguration: { mcp: {} } as never })).toBe("other");
    expect(targetTypeOf({ targetConfiguration: { http: { agentcoreRuntimeConfiguration: { arn: "x" } } } as never })).toBe("other");
  });
});

type Existing = Parameters<typeof targetToFormValues>[0];

describe("targetToFormValues", () => {
  it("a Lambda target: the ARN, the tool schema pretty-printed, the gateway role", () => {
    const v = targetToFormValues({
      name: "weather",
      description: "Weather tools",
      targetConfiguration: { mcp: { lambda: { lambdaArn: LAMBDA_ARN, toolSchema: { inlinePayload: TOOLS } } } },
      credentialProviderConfigurations: [{ credentialProviderType: "GATEWAY_IAM_ROLE" }],
    });
    expect(v).toEqual({
      ...emptyTargetForm(),
      name: "weather",
      description: "Weather tools",
      type: "lambda",
      lambda: { arn: LAMBDA_ARN, source: "inline", inline: JSON.stringify(TOOLS, null, 2), s3Uri: "", bucketOwner: "" },
    });
  });

  it("schemas in S3 fill the S3 fields and leave the inline text empty", () => {
    const v = targetToFormValues({ name: "pets", targetConfiguration: { mcp: { openApiSchema: { s3: { uri: "s3://specs/pets.yaml", bucketOwnerAccountId: "123456789012" } } } } });
    expect(v.type).toBe("openApi");
    expect(v.openApi).toEqual({ source: "s3", inline: "", s3Uri: "s3://specs/pets.yaml", bucketOwner: "123456789012" });
    expect(targetToFormValues({ targetConfiguration: { mcp: { smithyModel: { s3: { uri: "s3://m/w.json" } } } } }).smithy).toEqual({ source: "s3", inline: "", s3Uri: "s3://m/w.json", bucketOwner: "" });
  });

  it("an inline OpenAPI or Smithy document keeps its text exactly", () => {
    expect(targetToFormValues({ targetConfiguration: { mcp: { openApiSchema: { inlinePayload: OPENAPI } } } }).openApi.inline).toBe(OPENAPI);
    expect(targetToFormValues({ targetConfiguration: { mcp: { smithyModel: { inlinePayload: SMITHY } } } }).smithy.inline).toBe(SMITHY);
  });

  it("an API Gateway target: filters and overrides, a missing description as ''", () => {
    const v = targetToFormValues({
      name: "pets",
      targetConfiguration: petsApiGateway({ toolFilters: [{ filterPath: "/pets", methods: ["GET", "POST"] }], toolOverrides: [{ name: "list_pets", path: "/pets", method: "GET" }] }),
    });
    expect(v.apiGateway).toEqual({
      restApiId: "a1b2c3d4e5",
      stage: "prod",
      filters: [{ path: "/pets", methods: ["GET", "POST"] }],
      overrides: [{ name: "list_pets", description: "", path: "/pets", method: "GET" }],
    });
  });

  it("no credential configuration is 'No authorization'", () => {
    expect(targetToFormValues({ targetConfiguration: { mcp: { mcpServer: { endpoint: "https://x.example.com" } } } }).auth.type).toBe("NONE");
    expect(targetToFormValues({ targetConfiguration: { mcp: { mcpServer: { endpoint: "https://x.example.com" } } }, credentialProviderConfigurations: [] }).auth.type).toBe("NONE");
  });

  it("each kind of credential fills its part of the auth fields; the others keep their defaults", () => {
    const empty = emptyTargetForm().auth;
    expect(targetToFormValues({ credentialProviderConfigurations: [{ credentialProviderType: "GATEWAY_IAM_ROLE", credentialProvider: { iamCredentialProvider: { service: "execute-api", region: "eu-west-1" } } }] }).auth).toEqual({
      ...empty,
      type: "GATEWAY_IAM_ROLE",
      iamService: "execute-api",
      iamRegion: "eu-west-1",
    });
    expect(targetToFormValues({ credentialProviderConfigurations: [{ credentialProviderType: "API_KEY", credentialProvider: { apiKeyCredentialProvider: { providerArn: API_KEY_ARN } } }] }).auth).toEqual({
      ...empty,
      type: "API_KEY",
      apiKey: { providerArn: API_KEY_ARN, location: "HEADER", parameterName: "", prefix: "" },
    });
    expect(
      targetToFormValues({
        credentialProviderConfigurations: [
          {
            credentialProviderType: "OAUTH",
            credentialProvider: { oauthCredentialProvider: { providerArn: OAUTH_ARN, scopes: ["read"], customParameters: { audience: "api", resource: "r" }, defaultReturnUrl: "https://d" } },
          },
        ],
      }).auth,
    ).toEqual({
      ...empty,
      type: "OAUTH",
      oauth: {
        providerArn: OAUTH_ARN,
        scopes: ["read"],
        grantType: "CLIENT_CREDENTIALS",
        customParameters: [
          { key: "audience", value: "api" },
          { key: "resource", value: "r" },
        ],
        returnUrl: "https://d",
      },
    });
  });

  it("a target type the form does not edit keeps the empty form's type", () => {
    const v = targetToFormValues({ name: "runtime", targetConfiguration: { http: { agentcoreRuntimeConfiguration: { arn: "x" } } } as never });
    expect(v).toEqual({ ...emptyTargetForm(), name: "runtime", auth: { ...emptyTargetForm().auth, type: "NONE" } });
  });
});

describe("round trip: toTargetRequest(targetToFormValues(target)) is the target", () => {
  const targets: Record<string, Existing> = {
    "Lambda, inline, gateway role": {
      name: "weather",
      description: "Weather tools",
      targetConfiguration: { mcp: { lambda: { lambdaArn: `${LAMBDA_ARN}:$LATEST`, toolSchema: { inlinePayload: TOOLS } } } },
      credentialProviderConfigurations: [{ credentialProviderType: "GATEWAY_IAM_ROLE" }],
    },
    "Lambda, S3, gateway role": {
      name: "weather-s3",
      targetConfiguration: { mcp: { lambda: { lambdaArn: LAMBDA_ARN, toolSchema: { s3: { uri: "s3://my-bucket/tools.json", bucketOwnerAccountId: "123456789012" } } } } },
      credentialProviderConfigurations: [{ credentialProviderType: "GATEWAY_IAM_ROLE" }],
    },
    "OpenAPI YAML, API key in a query parameter": {
      name: "pets",
      targetConfiguration: { mcp: { openApiSchema: { inlinePayload: OPENAPI } } },
      credentialProviderConfigurations: [
        {
          credentialProviderType: "API_KEY",
          credentialProvider: { apiKeyCredentialProvider: { providerArn: API_KEY_ARN, credentialLocation: "QUERY_PARAMETER", credentialParameterName: "key", credentialPrefix: "Token " } },
        },
      ],
    },
    "OpenAPI in S3, SigV4 through the gateway role": {
      name: "pets-s3",
      targetConfiguration: { mcp: { openApiSchema: { s3: { uri: "s3://specs/pets.json" } } } },
      credentialProviderConfigurations: [{ credentialProviderType: "GATEWAY_IAM_ROLE", credentialProvider: { iamCredentialProvider: { service: "execute-api", region: "eu-west-1" } } }],
    },
    "Smithy, OAuth client credentials": {
      name: "weather-smithy",
      description: "Smithy",
      targetConfiguration: { mcp: { smithyModel: { inlinePayload: SMITHY } } },
      credentialProviderConfigurations: [
        { credentialProviderType: "OAUTH", credentialProvider: { oauthCredentialProvider: { providerArn: OAUTH_ARN, scopes: ["read", "write"], grantType: "CLIENT_CREDENTIALS" } } },
      ],
    },
    "MCP server, no authorization": {
      name: "mcp",
      targetConfiguration: { mcp: { mcpServer: { endpoint: "https://mcp.example.com/mcp" } } },
    },
    "MCP server, OAuth authorization code with parameters and a return URL": {
      name: "mcp-oauth",
      targetConfiguration: { mcp: { mcpServer: { endpoint: "https://mcp.example.com/mcp" } } },
      credentialProviderConfigurations: [
        {
          credentialProviderType: "OAUTH",
          credentialProvider: {
            oauthCredentialProvider: { providerArn: OAUTH_ARN, scopes: ["mcp"], grantType: "AUTHORIZATION_CODE", customParameters: { audience: "https://mcp.example.com" }, defaultReturnUrl: "https://app.example.com/done" },
          },
        },
      ],
    },
    "API Gateway, filters and overrides, API key": {
      name: "pets-apigw",
      targetConfiguration: petsApiGateway({
        toolFilters: [
          { filterPath: "/pets", methods: ["GET", "POST"] },
          { filterPath: "/pets/*", methods: ["DELETE"] },
        ],
        toolOverrides: [{ name: "list_pets", path: "/pets", method: "GET", description: "List the pets" }],
      }),
      credentialProviderConfigurations: [{ credentialProviderType: "API_KEY", credentialProvider: { apiKeyCredentialProvider: { providerArn: API_KEY_ARN, credentialLocation: "HEADER" } } }],
    },
  };

  it.each(Object.entries(targets))("%s", (_name, target) => {
    const values = targetToFormValues(target);
    expect(toTargetRequest(values)).toEqual(target);
    // The edit form opens valid: saving it unchanged sends the same request.
    expect(requestFor(values)).toEqual(target);
  });

  it("works from a whole GetGatewayTarget response (read-only members are ignored)", () => {
    const target = targets["Smithy, OAuth client credentials"];
    const response: Omit<GetGatewayTargetResponse, "$metadata"> = {
      gatewayArn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/gw-abcdefghij",
      targetId: "ABCDEFGHIJ",
      name: target.name!,
      description: target.description,
      targetConfiguration: target.targetConfiguration!,
      credentialProviderConfigurations: target.credentialProviderConfigurations!,
      createdAt: new Date(),
      updatedAt: new Date(),
      status: "READY",
      statusReasons: [],
      lastSynchronizedAt: new Date(),
    };
    expect(toTargetRequest(targetToFormValues(response))).toEqual(target);
  });
});

describe("awsTargetFieldListToFormErrors", () => {
  const place = (name: string, type: TargetType = "lambda") => Object.keys(awsTargetFieldListToFormErrors([{ name, message: "m" }], type));

  it.each([
    ["name", "name"],
    ["description", "description"],
    ["targetConfiguration.mcp.lambda.lambdaArn", "lambda.arn"],
    ["targetConfiguration.mcp.lambda.toolSchema.s3.uri", "lambda.s3Uri"],
    ["targetConfiguration.mcp.lambda.toolSchema.s3.bucketOwnerAccountId", "lambda.bucketOwner"],
    ["targetConfiguration.mcp.lambda.toolSchema.inlinePayload", "lambda.inline"],
    ["targetConfiguration.mcp.lambda.toolSchema.inlinePayload[0].inputSchema.type", "lambda.inline"],
    ["targetConfiguration.mcp.openApiSchema.s3.uri", "openApi.s3Uri"],
    ["targetConfiguration.mcp.openApiSchema.inlinePayload", "openApi.inline"],
    ["targetConfiguration.mcp.smithyModel.s3.uri", "smithy.s3Uri"],
    ["targetConfiguration.mcp.smithyModel.inlinePayload", "smithy.inline"],
    ["targetConfiguration.mcp.mcpServer.endpoint", "mcpServer.endpoint"],
    ["targetConfiguration.mcp.apiGateway.restApiId", "apiGateway.restApiId"],
    ["targetConfiguration.mcp.apiGateway.stage", "apiGateway.stage"],
    ["targetConfiguration.mcp.apiGateway.apiGatewayToolConfiguration.toolFilters", "apiGateway.filters"],
    ["targetConfiguration.mcp.apiGateway.apiGatewayToolConfiguration.toolFilters[1].filterPath", "apiGateway.filters"],
    ["credentialProviderConfigurations[0].credentialProvider.apiKeyCredentialProvider.providerArn", "auth.apiKey.providerArn"],
    ["credentialProviderConfigurations[0].credentialProvider.oauthCredentialProvider.providerArn", "auth.oauth.providerArn"],
    ["credentialProviderConfigurations[0].credentialProvider.oauthCredentialProvider.scopes[0]", "auth.oauth.scopes"],
    ["credentialProviderConfigurations[0].credentialProvider.iamCredentialProvider.service", "auth.iamService"],
    ["credentialProviderConfigurations[0].credentialProviderType", "auth.type"],
    ["credentialProviderConfigurations", "auth.type"],
    ["gatewayIdentifier", "_form"],
    ["clientToken", "_form"],
    ["", "_form"],
    ["targetConfiguration.mcp.openApiSchema.s3.bucketOwnerAccountId", "openApi.bucketOwner"],
    ["targetConfiguration.mcp.smithyModel.s3.bucketOwnerAccountId", "smithy.bucketOwner"],
    ["credentialProviderConfigurations[0].credentialProvider.oauthCredentialProvider.grantType", "auth.oauth.grantType"],
    ["credentialProviderConfigurations[0].credentialProvider.oauthCredentialProvider.defaultReturnUrl", "auth.oauth.returnUrl"],
    ["credentialProviderConfigurations[0].credentialProvider.oauthCredentialProvider.customParameters", "auth.oauth.customParameters"],
    ["credentialProviderConfigurations[0].credentialProvider.apiKeyCredentialProvider.credentialParameterName", "auth.apiKey.parameterName"],
    ["credentialProviderConfigurations[0].credentialProvider.apiKeyCredentialProvider.credentialPrefix", "auth.apiKey.prefix"],
    ["credentialProviderConfigurations[0].credentialProvider.iamCredentialProvider.region", "auth.iamRegion"],
  ])("%j → %s", (name, key) => {
    expect(place(name)).toEqual([key]);
  });

  it("a member of the configuration the form has no field for goes to the chosen type", () => {
    expect(place("targetConfiguration.mcp", "smithy")).toEqual(["smithy"]);
  });

  it("messages for the same field are joined; a missing message says 'Invalid value.'", () => {
    expect(
      awsTargetFieldListToFormErrors(
        [
          { name: "name", message: "Too long." },
          { name: "name", message: "Bad pattern." },
          { name: "targetConfiguration.mcp.mcpServer.endpoint" },
          {},
        ],
        "mcpServer",
      ),
    ).toEqual({ name: "Too long. Bad pattern.", "mcpServer.endpoint": "Invalid value.", _form: "Invalid value." });
  });
});
