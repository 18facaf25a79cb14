// The target form's rules as a user meets them: what is accepted, and which message shows under which field.
import { describe, expect, it } from "vitest";
import { fieldErrors, form, LAMBDA_ARN, OPENAPI_JSON, OPENAPI_YAML, SMITHY, withAuth } from "@/test/support/target-forms";
import { OUTBOUND_AUTH_LABELS, TARGET_TYPE_LABELS } from "./labels";
import {
  emptyTargetForm,
  OUTBOUND_AUTH_BY_TYPE,
  OUTBOUND_AUTH_TYPES,
  TARGET_TYPES,
  targetSchema,
  type OutboundAuthType,
  type TargetFormValues,
  type TargetType,
} from "./target";

const MSG = {
  nameEmpty: "Enter a target name.",
  nameLong: "Use at most 100 characters.",
  namePattern: "Start with a letter or digit, then use letters, digits and single hyphens (no double hyphens).",
  descriptionLong: "Use at most 200 characters.",
  type: "Choose the target type.",
  lambdaArnEmpty: "Enter the Lambda function ARN.",
  lambdaArn: "Enter a Lambda function ARN, like arn:aws:lambda:us-east-1:123456789012:function:my-tools (an alias or version may follow).",
  toolSchemaEmpty: "Paste the tool schema: a JSON array of tool definitions.",
  s3Empty: "Enter the S3 URI of the schema, like s3://my-bucket/schemas/tools.json.",
  s3Uri: "Enter an S3 object URI: s3://bucket/key (the bucket name in lowercase, then the object key).",
  bucketOwner: "The bucket owner is a 12-digit AWS account id.",
  openApiEmpty: "Paste or upload the OpenAPI document.",
  smithyEmpty: "Paste or upload the Smithy model (JSON AST).",
  endpointEmpty: "Enter the MCP server's endpoint URL.",
  endpointHttps: "The MCP server endpoint must be an https:// URL.",
  restApiId: "Enter the REST API id: 10 lowercase letters and digits, like a1b2c3d4e5.",
  stage: "Enter the stage name: letters, digits and underscores, like prod.",
  noFilters: "Add at least one tool filter: which paths and methods become tools.",
  filterPath: "A filter path starts with /, like /orders or /orders/*.",
  filterMethods: "Choose at least one method.",
  overrideName: "A tool name uses letters, digits, _ and - (at most 64).",
  overridePath: "The path starts with /.",
  iamService: "Enter the service name requests are signed for (SigV4), like execute-api, lambda or bedrock-agentcore.",
  iamRegion: "Enter a region like us-east-1, or leave empty for the gateway's region.",
  apiKeyProvider: "Choose an API key credential provider.",
  at64: "Use at most 64 characters.",
  oauthProvider: "Choose an OAuth credential provider.",
  tooManyScopes: "At most 100 scopes.",
  scope: "A scope has no spaces and at most 64 characters.",
  smithyGrant: "Smithy targets support the client credentials grant only.",
  returnUrl: "Enter a URL, like https://app.example.com/oauth/done.",
  tooManyParameters: "At most 10 custom parameters.",
  parameterKey: "Write the parameter as name=value.",
  incomplete: "The target settings are incomplete.",
} as const;

/** Every issue as [path, message]. */
function issues(values: unknown): [string, string][] {
  const r = targetSchema.safeParse(values);
  return r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message]);
}

const errorOn = (path: string, message: string) => ({ [path]: message });

/** Each inline document of a `type` target is refused with its message at the inline field. */
function expectRefused(type: "openApi" | "smithy", cases: [inline: string, message: string][]) {
  for (const [inline, message] of cases) expect(fieldErrors(form(type, (v) => (v[type].inline = inline))), inline).toEqual(errorOn(`${type}.inline`, message));
}

describe("emptyTargetForm", () => {
  it("starts as a Lambda target with the gateway role and one GET filter for API Gateway", () => {
    expect(emptyTargetForm()).toEqual({
      name: "",
      description: "",
      type: "lambda",
      lambda: { arn: "", source: "inline", inline: "", s3Uri: "", bucketOwner: "" },
      openApi: { source: "inline", inline: "", s3Uri: "", bucketOwner: "" },
      smithy: { source: "inline", inline: "", s3Uri: "", bucketOwner: "" },
      mcpServer: { endpoint: "" },
      apiGateway: { restApiId: "", stage: "", filters: [{ path: "/*", methods: ["GET"] }], overrides: [] },
      auth: {
        type: "GATEWAY_IAM_ROLE",
        iamService: "",
        iamRegion: "",
        apiKey: { providerArn: "", location: "HEADER", parameterName: "", prefix: "" },
        oauth: { providerArn: "", scopes: [], grantType: "CLIENT_CREDENTIALS", customParameters: [], returnUrl: "" },
      },
    });
  });

  it("returns a fresh object each time (editing one form never changes another)", () => {
    const a = emptyTargetForm();
    a.apiGateway.filters[0].methods.push("POST");
    a.auth.oauth.scopes.push("read");
    a.lambda.arn = "x";
    expect(emptyTargetForm().apiGateway.filters[0].methods).toEqual(["GET"]);
    expect(emptyTargetForm().auth.oauth.scopes).toEqual([]);
    expect(emptyTargetForm().lambda.arn).toBe("");
  });

  it("the empty form asks for a name, the ARN and the tool schema", () => {
    expect(fieldErrors(emptyTargetForm())).toEqual({ name: MSG.nameEmpty, "lambda.arn": MSG.lambdaArnEmpty, "lambda.inline": MSG.toolSchemaEmpty });
  });
});

describe("OUTBOUND_AUTH_BY_TYPE", () => {
  it("lists the outbound auth of each target type, the default first", () => {
    expect(OUTBOUND_AUTH_BY_TYPE).toEqual({
      lambda: ["GATEWAY_IAM_ROLE"],
      openApi: ["API_KEY", "OAUTH", "GATEWAY_IAM_ROLE", "NONE"],
      smithy: ["GATEWAY_IAM_ROLE", "OAUTH"],
      mcpServer: ["NONE", "OAUTH", "GATEWAY_IAM_ROLE", "API_KEY"],
      apiGateway: ["GATEWAY_IAM_ROLE", "API_KEY", "NONE"],
    });
    for (const type of TARGET_TYPES) {
      expect(new Set(OUTBOUND_AUTH_BY_TYPE[type]).size).toBe(OUTBOUND_AUTH_BY_TYPE[type].length);
      for (const auth of OUTBOUND_AUTH_BY_TYPE[type]) expect(OUTBOUND_AUTH_TYPES).toContain(auth);
    }
  });

  it("every default form of every type is valid", () => {
    for (const type of TARGET_TYPES) expect(fieldErrors(form(type)), type).toEqual({});
  });
});

describe("target name", () => {
  it.each(["t", "weather", "Weather2", "a-b-c-1-2-3", "0", "weather-", "a".repeat(100), "a-".repeat(49) + "ab"])("accepts %j", (name) => {
    expect(fieldErrors(form("lambda", (v) => (v.name = name)))).toEqual({});
  });

  it("trims the spaces around the name", () => {
    expect(targetSchema.parse(form("lambda", (v) => (v.name = "  weather  "))).name).toBe("weather");
  });

  it.each(["", "   "])("asks for a name when it is %j", (name) => {
    expect(fieldErrors(form("lambda", (v) => (v.name = name)))).toEqual(errorOn("name", MSG.nameEmpty));
  });

  it("refuses 101 characters, also when the model's pattern alone would allow it", () => {
    expect(fieldErrors(form("lambda", (v) => (v.name = "a".repeat(101))))).toEqual(errorOn("name", MSG.nameLong));
    const hyphenated = "a-".repeat(50) + "a";
    expect(hyphenated).toHaveLength(101);
    expect(new RegExp("^([0-9a-zA-Z][-]?){1,100}$").test(hyphenated)).toBe(true);
    expect(fieldErrors(form("lambda", (v) => (v.name = hyphenated)))).toEqual(errorOn("name", MSG.nameLong));
  });

  it.each([
    ["a leading hyphen", "-weather"],
    ["a double hyphen", "weather--tools"],
    ["an underscore", "weather_tools"],
    ["a space inside", "weather tools"],
    ["a dot", "weather.tools"],
    ["an accented letter", "météo"],
    ["an emoji", "tools😀"],
  ])("refuses a name with %s", (_what, name) => {
    expect(fieldErrors(form("lambda", (v) => (v.name = name)))).toEqual(errorOn("name", MSG.namePattern));
  });
});

describe("description", () => {
  it("is optional and may have up to 200 characters", () => {
    expect(fieldErrors(form("lambda", (v) => (v.description = "")))).toEqual({});
    expect(fieldErrors(form("lambda", (v) => (v.description = "d".repeat(200))))).toEqual({});
  });

  it("refuses 201 characters", () => {
    expect(fieldErrors(form("lambda", (v) => (v.description = "d".repeat(201))))).toEqual(errorOn("description", MSG.descriptionLong));
  });
});

describe("target type", () => {
  it.each(["", "http", "LAMBDA", 3, undefined])("refuses %j", (type) => {
    expect(fieldErrors({ ...form(), type })).toEqual(errorOn("type", MSG.type));
  });

  it("refuses values that are not a form object", () => {
    expect(targetSchema.safeParse(null).success).toBe(false);
    expect(targetSchema.safeParse("weather").success).toBe(false);
  });

  it("reports every problem at once: name, settings and auth", () => {
    const v = form("openApi", (f) => {
      f.name = "";
      f.openApi.inline = "";
      f.auth.type = "API_KEY";
      f.auth.apiKey.providerArn = "";
    });
    expect(fieldErrors(v)).toEqual({ name: MSG.nameEmpty, "openApi.inline": MSG.openApiEmpty, "auth.apiKey.providerArn": MSG.apiKeyProvider });
  });

  it("returns the form values, with the name trimmed", () => {
    const v = form("apiGateway", (f) => (f.name = " weather "));
    expect(targetSchema.parse(v)).toEqual({ ...v, name: "weather" });
  });
});

describe("Lambda targets", () => {
  it.each([
    LAMBDA_ARN,
    "arn:aws:lambda:us-east-1:123456789012:function:weather-tools:$LATEST",
    "arn:aws:lambda:us-east-1:123456789012:function:weather-tools:live",
    "arn:aws:lambda:us-east-1:123456789012:function:weather-tools:7",
    "arn:aws:lambda:us-east-1:123456789012:function:weather_tools.v2",
    "arn:aws-cn:lambda:cn-north-1:123456789012:function:weather",
    "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:weather",
    `  ${LAMBDA_ARN}  `,
  ])("accepts the ARN %s", (arn) => {
    expect(fieldErrors(form("lambda", (v) => (v.lambda.arn = arn)))).toEqual({});
  });

  it.each(["", "   "])("asks for the ARN when it is %j", (arn) => {
    expect(fieldErrors(form("lambda", (v) => (v.lambda.arn = arn)))).toEqual(errorOn("lambda.arn", MSG.lambdaArnEmpty));
  });

  it.each([
    ["a function name only", "weather-tools"],
    ["another service", "arn:aws:s3:us-east-1:123456789012:function:weather"],
    ["an 11-digit account", "arn:aws:lambda:us-east-1:12345678901:function:weather"],
    ["no region", "arn:aws:lambda::123456789012:function:weather"],
    ["a layer instead of a function", "arn:aws:lambda:us-east-1:123456789012:layer:weather"],
    ["a qualifier with a dot", "arn:aws:lambda:us-east-1:123456789012:function:weather:v1.2"],
    ["a $ qualifier other than $LATEST", "arn:aws:lambda:us-east-1:123456789012:function:weather:$PROD"],
    ["an upper-case region", "arn:aws:lambda:US-EAST-1:123456789012:function:weather"],
    ["a partition that is not aws", "arn:azure:lambda:us-east-1:123456789012:function:weather"],
    ["more than 170 characters", `arn:aws:lambda:us-east-1:123456789012:function:${"f".repeat(124)}`],
  ])("refuses an ARN with %s", (_what, arn) => {
    expect(fieldErrors(form("lambda", (v) => (v.lambda.arn = arn)))).toEqual(errorOn("lambda.arn", MSG.lambdaArn));
  });

  it("accepts an ARN of exactly 170 characters", () => {
    const arn = `arn:aws:lambda:us-east-1:123456789012:function:${"f".repeat(123)}`;
    expect(arn).toHaveLength(170);
    expect(fieldErrors(form("lambda", (v) => (v.lambda.arn = arn)))).toEqual({});
  });

  it.each(["", " \n "])("asks for the inline tool schema when it is %j", (inline) => {
    expect(fieldErrors(form("lambda", (v) => (v.lambda.inline = inline)))).toEqual(errorOn("lambda.inline", MSG.toolSchemaEmpty));
  });

  it("shows a JSON syntax error with its line and column", () => {
    const inline = '[\n  {\n    "name": "get_weather",\n    "description": "x"\n    "inputSchema": {"type": "object"}\n  }\n]';
    expect(fieldErrors(form("lambda", (v) => (v.lambda.inline = inline)))).toEqual(errorOn("lambda.inline", "Line 5, column 5: Missing ',' between two properties"));
  });

  it("shows each schema problem with its line, column and path", () => {
    const inline = '[\n  {"name": "get weather", "description": "x", "inputSchema": {"type": "string"}}\n]';
    expect(fieldErrors(form("lambda", (v) => (v.lambda.inline = inline)))).toEqual(
      errorOn(
        "lambda.inline",
        [
          "Line 2, column 12 ([0].name): Tool name 'get weather' is not valid: use only letters, digits, '_', '-' and '.' (no spaces)",
          "Line 2, column 71 ([0].inputSchema.type): The input schema must have type 'object': a tool's arguments are always a JSON object",
        ].join("\n"),
      ),
    );
  });

  it("shows at most five problems, then how many more there are", () => {
    const inline = JSON.stringify([{}, {}], null, 2);
    expect(fieldErrors(form("lambda", (v) => (v.lambda.inline = inline)))).toEqual(
      errorOn(
        "lambda.inline",
        [
          "Line 2, column 3 ([0].name): Missing 'name': every tool needs a name",
          "Line 2, column 3 ([0].description): Missing 'description': every tool needs a description, which agents read to choose it",
          `Line 2, column 3 ([0].inputSchema): Missing 'inputSchema': every tool needs one (use {"type": "object"} for a tool without inputs)`,
          "Line 3, column 3 ([1].name): Missing 'name': every tool needs a name",
          "Line 3, column 3 ([1].description): Missing 'description': every tool needs a description, which agents read to choose it",
          "…and 1 more.",
        ].join("\n"),
      ),
    );
  });

  it("a document-level problem has no path", () => {
    expect(fieldErrors(form("lambda", (v) => (v.lambda.inline = "{}")))).toEqual(errorOn("lambda.inline", "Line 1, column 1: The tool schema must be a JSON array of tool definitions"));
    expect(fieldErrors(form("lambda", (v) => (v.lambda.inline = "[]")))).toEqual(errorOn("lambda.inline", "Line 1, column 1: The tool schema must define at least one tool"));
  });

  it("from S3: the URI is required and must name a bucket and a key; the owner is optional", () => {
    const s3 = (s3Uri: string, bucketOwner = "") =>
      fieldErrors(
        form("lambda", (v) => {
          v.lambda = { ...v.lambda, source: "s3", inline: "not even JSON", s3Uri, bucketOwner };
        }),
      );
    expect(s3("s3://my-bucket/schemas/tools.json")).toEqual({});
    expect(s3(" s3://my-bucket/schemas/tools.json ", " 123456789012 ")).toEqual({});
    expect(s3("s3://my.bucket-1/tools.json", "123456789012")).toEqual({});
    expect(s3("")).toEqual(errorOn("lambda.s3Uri", MSG.s3Empty));
    expect(s3("  ")).toEqual(errorOn("lambda.s3Uri", MSG.s3Empty));
    for (const bad of ["https://my-bucket.s3.amazonaws.com/tools.json", "s3://my-bucket", "s3://my-bucket/", "s3://My-Bucket/tools.json", "s3://ab/tools.json", "my-bucket/tools.json", `s3://b${"b".repeat(63)}/k`]) {
      expect(s3(bad), bad).toEqual(errorOn("lambda.s3Uri", MSG.s3Uri));
    }
    // At most 2043 characters after s3:// (the model pattern).
    expect(s3(`s3://my-bucket/${"k".repeat(2033)}`)).toEqual({});
    expect(s3(`s3://my-bucket/${"k".repeat(2034)}`)).toEqual(errorOn("lambda.s3Uri", MSG.s3Uri));
    for (const owner of ["12345678901", "1234567890123", "12345678901a"]) {
      expect(s3("s3://my-bucket/tools.json", owner), owner).toEqual(errorOn("lambda.bucketOwner", MSG.bucketOwner));
    }
    expect(s3("", "nope")).toEqual({ "lambda.s3Uri": MSG.s3Empty, "lambda.bucketOwner": MSG.bucketOwner });
  });
});

describe.each([
  ["openApi", MSG.openApiEmpty],
  ["smithy", MSG.smithyEmpty],
] as const)("%s targets: the document", (type, emptyMessage) => {
  const withInline = (inline: string) => fieldErrors(form(type, (v) => (v[type].inline = inline)));

  it.each(["", "  \n"])("asks for the document when it is %j", (inline) => {
    expect(withInline(inline)).toEqual(errorOn(`${type}.inline`, emptyMessage));
  });

  it("places a JSON syntax error", () => {
    expect(withInline('{\n  "a": 1,\n}')).toEqual(errorOn(`${type}.inline`, "Line 2, column 9: Unexpected ',' — a trailing comma is not allowed in JSON"));
  });

  it("from S3: URI and bucket owner, the inline text not checked", () => {
    const s3 = (s3Uri: string, bucketOwner = "") =>
      fieldErrors(
        form(type, (v) => {
          v[type] = { source: "s3", inline: "{", s3Uri, bucketOwner };
        }),
      );
    expect(s3("s3://my-bucket/api.json", "123456789012")).toEqual({});
    expect(s3("")).toEqual(errorOn(`${type}.s3Uri`, MSG.s3Empty));
    expect(s3("s3://my-bucket")).toEqual(errorOn(`${type}.s3Uri`, MSG.s3Uri));
    expect(s3("s3://my-bucket/api.json", "42")).toEqual(errorOn(`${type}.bucketOwner`, MSG.bucketOwner));
  });
});

describe("OpenAPI targets", () => {
  const withInline = (inline: string) => fieldErrors(form("openApi", (v) => (v.openApi.inline = inline)));

  it("accepts OpenAPI 3.0 and 3.1, JSON or YAML", () => {
    expect(withInline(OPENAPI_JSON)).toEqual({});
    expect(withInline(OPENAPI_YAML)).toEqual({});
  });

  it("places YAML syntax errors", () => {
    expectRefused("openApi", [
      ["openapi: 3.0.0\n\tinfo: {}\n", "Line 2, column 1: Tabs are not allowed for indentation in YAML — indent with spaces"],
      ["openapi: 3.0.0\nopenapi: 3.0.1\n", "Line 2, column 1: Duplicate key 'openapi' — each key may appear only once in a mapping"],
    ]);
  });

  it("places what the document lacks or gets wrong", () => {
    expectRefused("openApi", [
      ['{"openapi": "3.0.0"}', "Line 1, column 1: Missing 'info' — the document needs an info object with title and version"],
      ['{"swagger": "2.0"}', "Line 1, column 13: Swagger 2.0 documents are not supported — AgentCore Gateway accepts OpenAPI 3.0 and 3.1; convert the document to OpenAPI 3"],
      ['openapi: 3.0.0\ninfo:\n  title: x\n  version: "1"\npaths: {}\n', "Line 5, column 8: 'paths' defines no operations — AgentCore Gateway makes one tool per operation, so add at least one (get, post, ...)"],
    ]);
  });
});

describe("Smithy targets", () => {
  const withInline = (inline: string) => fieldErrors(form("smithy", (v) => (v.smithy.inline = inline)));

  it("accepts a JSON AST model", () => {
    expect(withInline(SMITHY)).toEqual({});
  });

  it("refuses the IDL and a model without operations, with the position", () => {
    expectRefused("smithy", [
      ['$version: "2"\nnamespace example.weather\n', "Line 1, column 1: Only Smithy JSON AST models are supported, not the Smithy IDL — convert the model to its JSON AST (for example with `smithy ast`)"],
      ['{\n  "smithy": "2.0",\n  "shapes": {}\n}', "Line 3, column 13: The model defines no service or operation shape — AgentCore Gateway makes its tools from operations"],
    ]);
  });
});

describe("MCP server targets", () => {
  const withEndpoint = (endpoint: string) => fieldErrors(form("mcpServer", (v) => (v.mcpServer.endpoint = endpoint)));

  it.each(["https://mcp.example.com/mcp", "https://mcp.example.com", "  https://10.0.0.1:8443/mcp  "])("accepts %j", (endpoint) => {
    expect(withEndpoint(endpoint)).toEqual({});
  });

  it.each(["", "  "])("asks for the endpoint when it is %j", (endpoint) => {
    expect(withEndpoint(endpoint)).toEqual(errorOn("mcpServer.endpoint", MSG.endpointEmpty));
  });

  it.each(["http://mcp.example.com/mcp", "mcp.example.com", "https://", "https:///mcp", "HTTPS://mcp.example.com", "wss://mcp.example.com"])("refuses %j", (endpoint) => {
    expect(withEndpoint(endpoint)).toEqual(errorOn("mcpServer.endpoint", MSG.endpointHttps));
  });
});

describe("API Gateway targets", () => {
  const apiGateway = (edit: (a: TargetFormValues["apiGateway"]) => void) => fieldErrors(form("apiGateway", (v) => edit(v.apiGateway)));

  it("accepts a REST API id, a stage, filters and overrides", () => {
    expect(
      apiGateway((a) => {
        a.restApiId = " a1b2c3d4e5 ";
        a.stage = "prod_v2";
        a.filters = [{ path: "/pets/*", methods: ["GET", "POST"] }];
        a.overrides = [{ name: "list_pets-1", description: "", path: "/pets", method: "GET" }];
      }),
    ).toEqual({});
  });

  it.each(["", "A1B2C3D4E5", "a1b2c3d4e", "a1b2c3d4e5f", "a1b2c3d4-5"])("refuses the REST API id %j", (id) => {
    expect(apiGateway((a) => (a.restApiId = id))).toEqual(errorOn("apiGateway.restApiId", MSG.restApiId));
  });

  it.each(["", "pro-d", "prod stage", "s".repeat(129)])("refuses the stage %j", (stage) => {
    expect(apiGateway((a) => (a.stage = stage))).toEqual(errorOn("apiGateway.stage", MSG.stage));
  });

  it("accepts a 128-character stage", () => {
    expect(apiGateway((a) => (a.stage = "s".repeat(128)))).toEqual({});
  });

  it("needs at least one filter, each with a / path and a method", () => {
    expect(apiGateway((a) => (a.filters = []))).toEqual(errorOn("apiGateway.filters", MSG.noFilters));
    expect(
      apiGateway((a) => {
        a.filters = [
          { path: "/ok", methods: ["GET"] },
          { path: "pets", methods: [] },
        ];
      }),
    ).toEqual({ "apiGateway.filters.1.path": MSG.filterPath, "apiGateway.filters.1.methods": MSG.filterMethods });
  });

  it("an override needs a tool name (letters, digits, _ and -, at most 64) and a / path", () => {
    const override = (name: string, path = "/pets") =>
      apiGateway((a) => {
        a.overrides = [{ name, description: "", path, method: "GET" }];
      });
    expect(override("n".repeat(64))).toEqual({});
    for (const name of ["", "list pets", "list.pets", "n".repeat(65)]) expect(override(name), name).toEqual(errorOn("apiGateway.overrides.0.name", MSG.overrideName));
    expect(override("list_pets", "pets")).toEqual(errorOn("apiGateway.overrides.0.path", MSG.overridePath));
  });
});

describe("only the chosen type's settings are checked", () => {
  it("leaves the other types' half-filled settings alone", () => {
    const v = form("mcpServer", (f) => {
      f.lambda = { arn: "nope", source: "s3", inline: "", s3Uri: "x", bucketOwner: "y" };
      f.openApi.inline = "{";
      f.smithy.inline = "";
      f.apiGateway = { restApiId: "", stage: "", filters: [], overrides: [] };
    });
    expect(fieldErrors(v)).toEqual({});
  });

  it("the other types' settings may hold anything, even null", () => {
    expect(fieldErrors({ ...form("apiGateway"), lambda: null, openApi: "x", smithy: 42, mcpServer: [] })).toEqual({});
  });

  it("the chosen type's settings with a field missing are reported as incomplete", () => {
    expect(fieldErrors({ ...form("lambda"), lambda: {} })).toEqual(errorOn("lambda", MSG.incomplete));
    expect(fieldErrors({ ...form("apiGateway"), apiGateway: { restApiId: "a1b2c3d4e5", stage: "prod" } })).toEqual(errorOn("apiGateway", MSG.incomplete));
  });

  it("the chosen type's settings or the auth missing altogether are reported, not accepted", () => {
    expect(fieldErrors({ ...form("mcpServer"), mcpServer: null })).toEqual(errorOn("mcpServer", MSG.incomplete));
    expect(fieldErrors({ ...form("mcpServer"), auth: undefined })).not.toEqual({});
  });
});

describe("outbound auth per target type", () => {
  const combos = TARGET_TYPES.flatMap((type) => OUTBOUND_AUTH_TYPES.map((auth) => [type, auth] as const));

  it.each(combos.filter(([type, auth]) => OUTBOUND_AUTH_BY_TYPE[type].includes(auth)))("%s accepts %s", (type, auth) => {
    expect(fieldErrors(withAuth(type, auth))).toEqual({});
  });

  it.each(combos.filter(([type, auth]) => !OUTBOUND_AUTH_BY_TYPE[type].includes(auth)))("%s refuses %s and lists what it supports", (type, auth) => {
    const list = OUTBOUND_AUTH_BY_TYPE[type].map((t) => OUTBOUND_AUTH_LABELS[t]).join(", ");
    expect(fieldErrors(withAuth(type, auth))).toEqual(errorOn("auth.type", `${TARGET_TYPE_LABELS[type].label} targets support ${list}.`));
  });

  it("the exact sentences", () => {
    expect(fieldErrors(withAuth("lambda", "API_KEY"))).toEqual(errorOn("auth.type", "Lambda function targets support Gateway IAM role."));
    expect(fieldErrors(withAuth("smithy", "NONE"))).toEqual(errorOn("auth.type", "Smithy model targets support Gateway IAM role, OAuth."));
    expect(fieldErrors(withAuth("apiGateway", "OAUTH"))).toEqual(errorOn("auth.type", "API Gateway stage targets support Gateway IAM role, API key, No authorization."));
  });

  it("a refused auth type is not checked further", () => {
    const v = withAuth("lambda", "OAUTH", (f) => {
      f.auth.oauth.providerArn = "";
      f.auth.oauth.scopes = ["has space"];
    });
    expect(issues(v)).toEqual([["auth.type", "Lambda function targets support Gateway IAM role."]]);
  });

  it("an unknown auth type is refused", () => {
    expect(fieldErrors(withAuth("openApi", "JWT_PASSTHROUGH" as OutboundAuthType))).toEqual(errorOn("auth.type", "OpenAPI schema targets support API key, OAuth, Gateway IAM role, No authorization."));
  });
});

describe("gateway IAM role", () => {
  it.each(["openApi", "mcpServer"] as const)("%s needs the SigV4 service name, and takes an optional region", (type) => {
    const iam = (iamService: string, iamRegion = "") =>
      fieldErrors(
        withAuth(type, "GATEWAY_IAM_ROLE", (v) => {
          v.auth.iamService = iamService;
          v.auth.iamRegion = iamRegion;
        }),
      );
    expect(iam("execute-api")).toEqual({});
    expect(iam(" bedrock-agentcore ", " us-west-2 ")).toEqual({});
    expect(iam("s3.amazonaws_x-1", "us-gov-west-1")).toEqual({});
    expect(iam("s".repeat(64))).toEqual({});
    for (const bad of ["", "  ", "execute api", "execute:api", "s".repeat(65)]) expect(iam(bad), bad).toEqual(errorOn("auth.iamService", MSG.iamService));
    for (const bad of ["us-east", "US-EAST-1", "useast1", "us-east-1a", "eu-central-12"]) expect(iam("execute-api", bad), bad).toEqual(errorOn("auth.iamRegion", MSG.iamRegion));
    expect(iam("", "nope")).toEqual({ "auth.iamService": MSG.iamService, "auth.iamRegion": MSG.iamRegion });
  });

  it.each(["lambda", "smithy", "apiGateway"] as const)("%s needs no service name (whatever is typed there is ignored)", (type) => {
    expect(
      fieldErrors(
        withAuth(type, "GATEWAY_IAM_ROLE", (v) => {
          v.auth.iamService = "not a service!";
          v.auth.iamRegion = "nowhere";
        }),
      ),
    ).toEqual({});
  });
});

describe("API key", () => {
  const apiKey = (type: TargetType, edit: (k: TargetFormValues["auth"]["apiKey"]) => void) => fieldErrors(withAuth(type, "API_KEY", (v) => edit(v.auth.apiKey)));

  it.each(["openApi", "mcpServer", "apiGateway"] as const)("%s needs a credential provider ARN", (type) => {
    expect(apiKey(type, () => {})).toEqual({});
    expect(apiKey(type, (k) => (k.providerArn = ""))).toEqual(errorOn("auth.apiKey.providerArn", MSG.apiKeyProvider));
    expect(apiKey(type, (k) => (k.providerArn = "pets-key"))).toEqual(errorOn("auth.apiKey.providerArn", MSG.apiKeyProvider));
    expect(apiKey(type, (k) => (k.providerArn = "arn:aws:bedrock-agentcore:us-east-1:1234:token-vault/default/apikeycredentialprovider/k"))).toEqual(
      errorOn("auth.apiKey.providerArn", MSG.apiKeyProvider),
    );
  });

  it("parameter name and prefix: optional, at most 64 characters", () => {
    expect(
      apiKey("openApi", (k) => {
        k.location = "QUERY_PARAMETER";
        k.parameterName = "p".repeat(64);
        k.prefix = "B".repeat(64);
      }),
    ).toEqual({});
    expect(
      apiKey("openApi", (k) => {
        k.parameterName = "p".repeat(65);
        k.prefix = "B".repeat(65);
      }),
    ).toEqual({ "auth.apiKey.parameterName": MSG.at64, "auth.apiKey.prefix": MSG.at64 });
  });
});

describe("OAuth", () => {
  const oauth = (type: TargetType, edit: (o: TargetFormValues["auth"]["oauth"]) => void) => fieldErrors(withAuth(type, "OAUTH", (v) => edit(v.auth.oauth)));

  it.each(["openApi", "mcpServer", "smithy"] as const)("%s needs a credential provider ARN", (type) => {
    expect(oauth(type, () => {})).toEqual({});
    expect(oauth(type, (o) => (o.providerArn = " "))).toEqual(errorOn("auth.oauth.providerArn", MSG.oauthProvider));
  });

  it("scopes: blanks are ignored; each has no spaces and at most 64 characters; at most 100", () => {
    expect(oauth("openApi", (o) => (o.scopes = ["read", " write ", "", "s".repeat(64)]))).toEqual({});
    expect(oauth("openApi", (o) => (o.scopes = ["read", "read write"]))).toEqual(errorOn("auth.oauth.scopes.1", MSG.scope));
    expect(oauth("openApi", (o) => (o.scopes = ["s".repeat(65)]))).toEqual(errorOn("auth.oauth.scopes.0", MSG.scope));
    expect(oauth("openApi", (o) => (o.scopes = Array.from({ length: 100 }, (_, i) => `s${i}`)))).toEqual({});
    expect(oauth("openApi", (o) => (o.scopes = Array.from({ length: 101 }, (_, i) => `s${i}`)))).toEqual(errorOn("auth.oauth.scopes", MSG.tooManyScopes));
  });

  it("a bad scope after a blank row is reported on its own row", () => {
    expect(oauth("openApi", (o) => (o.scopes = ["", "read write"]))).toEqual(errorOn("auth.oauth.scopes.1", MSG.scope));
  });

  it("Smithy: the client credentials grant only; OpenAPI and MCP servers: every grant", () => {
    for (const grantType of ["AUTHORIZATION_CODE", "TOKEN_EXCHANGE"] as const) {
      expect(oauth("smithy", (o) => (o.grantType = grantType)), grantType).toEqual(errorOn("auth.oauth.grantType", MSG.smithyGrant));
      expect(oauth("openApi", (o) => (o.grantType = grantType)), grantType).toEqual({});
      expect(oauth("mcpServer", (o) => (o.grantType = grantType)), grantType).toEqual({});
    }
  });

  it("the return URL is checked with the authorization code grant only, and is optional", () => {
    const code = (returnUrl: string) =>
      oauth("openApi", (o) => {
        o.grantType = "AUTHORIZATION_CODE";
        o.returnUrl = returnUrl;
      });
    expect(code("")).toEqual({});
    expect(code("https://app.example.com/oauth/done")).toEqual({});
    expect(code("myapp://callback")).toEqual({});
    expect(code("not a url")).toEqual(errorOn("auth.oauth.returnUrl", MSG.returnUrl));
    expect(code("app.example.com/done")).toEqual(errorOn("auth.oauth.returnUrl", MSG.returnUrl));
    expect(oauth("openApi", (o) => (o.returnUrl = "not a url"))).toEqual({});
  });

  it("custom parameters: name=value rows, blank rows ignored, at most 10", () => {
    const params = (rows: { key: string; value: string }[]) => oauth("mcpServer", (o) => (o.customParameters = rows));
    expect(params([{ key: "audience", value: "https://api.example.com" }, { key: "", value: "" }])).toEqual({});
    expect(params([{ key: "", value: "orphan" }])).toEqual(errorOn("auth.oauth.customParameters.0.key", MSG.parameterKey));
    expect(params(Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: "v" })))).toEqual({});
    expect(params(Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, value: "v" })))).toEqual(errorOn("auth.oauth.customParameters", MSG.tooManyParameters));
  });

  it("custom parameters without a value, or named twice, are reported on their row", () => {
    const params = (rows: { key: string; value: string }[]) => oauth("mcpServer", (o) => (o.customParameters = rows));
    expect(params([{ key: "audience", value: "" }])).toHaveProperty(["auth.oauth.customParameters.0.value"]);
    expect(params([{ key: "a", value: "1" }, { key: "a", value: "2" }])).toHaveProperty(["auth.oauth.customParameters.1.key"]);
  });

  it("no authorization needs nothing more", () => {
    expect(fieldErrors(withAuth("mcpServer", "NONE", (v) => (v.auth.oauth.providerArn = "")))).toEqual({});
  });
});
