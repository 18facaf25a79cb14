// The credential provider forms' rules as a user meets them, the requests they become, and their constants checked against the model extract.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { issuesToFieldErrors, type FieldErrors } from "./form-errors";
import {
  API_KEY_MAX,
  apiKeyProviderSchema,
  awsFieldListToProviderFormErrors,
  CLIENT_ID_MAX,
  CLIENT_SECRET_MAX,
  CREDENTIAL_PROVIDER_VENDORS,
  emptyApiKeyProviderForm,
  emptyOauth2ProviderForm,
  isHttpsUrl,
  OAUTH2_DISCOVERY_URL_PATTERN,
  oauth2ProviderSchema,
  PROVIDER_NAME_MAX,
  PROVIDER_NAME_PATTERN,
  TENANT_ID_MAX,
  toOauth2ProviderRequest,
  TOKEN_AUTH_METHODS,
  vendorLabel,
  VENDORS,
  type CredentialProviderVendor,
  type Oauth2ProviderFormValues,
} from "./credential-provider";

type Traits = { "smithy.api#pattern"?: string; "smithy.api#length"?: { min?: number; max?: number }; "smithy.api#enumValue"?: string; "smithy.api#required"?: object };
type Shape = { type: string; traits?: Traits; members?: Record<string, { target: string; traits?: Traits }>; member?: { target: string } };
const NS = "com.amazonaws.bedrockagentcorecontrol#";
const model = JSON.parse(readFileSync(new URL("../../sandbox/models/bedrock-agentcore-control.json", import.meta.url), "utf8")) as { shapes: Record<string, Shape> };
const shape = (name: string) => {
  const s = model.shapes[NS + name];
  if (!s) throw new Error(`no shape ${name}`);
  return s;
};
const target = (structure: string, member: string) => shape(structure).members?.[member]?.target.replace(NS, "");

const DISCOVERY = "https://idp.example.com/.well-known/openid-configuration";

function apiKeyErrors(values: unknown): FieldErrors {
  const r = apiKeyProviderSchema.safeParse(values);
  return r.success ? {} : issuesToFieldErrors(r.error.issues);
}

function oauth(over: Partial<Oauth2ProviderFormValues> = {}): Oauth2ProviderFormValues {
  return { ...emptyOauth2ProviderForm(), name: "my-idp", clientId: "client-1", clientSecret: "s3cr3t", discoveryUrl: DISCOVERY, ...over };
}

function oauthErrors(values: unknown): FieldErrors {
  const r = oauth2ProviderSchema.safeParse(values);
  return r.success ? {} : issuesToFieldErrors(r.error.issues);
}

const request = (values: Oauth2ProviderFormValues) => toOauth2ProviderRequest(oauth2ProviderSchema.parse(values));

describe("constants equal the model's", () => {
  it("the provider name's pattern and length", () => {
    expect(target("CreateApiKeyCredentialProviderRequest", "name")).toBe("CredentialProviderName");
    expect(target("CreateOauth2CredentialProviderRequest", "name")).toBe("CredentialProviderName");
    expect(shape("CredentialProviderName").traits?.["smithy.api#pattern"]).toBe(PROVIDER_NAME_PATTERN);
    expect(shape("CredentialProviderName").traits?.["smithy.api#length"]).toEqual({ min: 1, max: PROVIDER_NAME_MAX });
  });

  it("the API key, client id, client secret and tenant lengths", () => {
    expect(target("CreateApiKeyCredentialProviderRequest", "apiKey")).toBe("DefaultApiKeyType");
    expect(shape("DefaultApiKeyType").traits?.["smithy.api#length"]?.max).toBe(API_KEY_MAX);
    expect(target("GoogleOauth2ProviderConfigInput", "clientId")).toBe("ClientIdType");
    expect(shape("ClientIdType").traits?.["smithy.api#length"]).toEqual({ min: 1, max: CLIENT_ID_MAX });
    expect(target("GoogleOauth2ProviderConfigInput", "clientSecret")).toBe("DefaultClientSecretType");
    expect(shape("DefaultClientSecretType").traits?.["smithy.api#length"]?.max).toBe(CLIENT_SECRET_MAX);
    expect(target("MicrosoftOauth2ProviderConfigInput", "tenantId")).toBe("TenantIdType");
    expect(shape("TenantIdType").traits?.["smithy.api#length"]).toEqual({ min: 1, max: TENANT_ID_MAX });
  });

  it("the OAuth2 discovery URL pattern and token auth methods", () => {
    expect(target("Oauth2Discovery", "discoveryUrl")).toBe("DiscoveryUrlType");
    expect(shape("DiscoveryUrlType").traits?.["smithy.api#pattern"]).toBe(OAUTH2_DISCOVERY_URL_PATTERN);
    const alternatives = /^\^\((.*)\)\$$/.exec(shape("TokenAuthMethod").traits?.["smithy.api#pattern"] ?? "")?.[1].split("|");
    expect(alternatives?.sort()).toEqual([...TOKEN_AUTH_METHODS].sort());
    expect(shape("TokenEndpointAuthMethodsType").traits?.["smithy.api#length"]).toEqual({ min: 1, max: 2 });
  });

  it("the vendors are CredentialProviderVendorType's values, each with a config member the union has", () => {
    const s = shape("CredentialProviderVendorType");
    const values = Object.entries(s.members ?? {}).map(([k, m]) => m.traits?.["smithy.api#enumValue"] ?? k);
    expect([...CREDENTIAL_PROVIDER_VENDORS]).toEqual(values);
    const members = Object.keys(shape("Oauth2ProviderConfigInput").members ?? {});
    for (const v of CREDENTIAL_PROVIDER_VENDORS) expect(members).toContain(VENDORS[v].member);
  });

  it("the metadata's required members are the ones the form requires", () => {
    const m = shape("Oauth2AuthorizationServerMetadata").members ?? {};
    const required = Object.entries(m).filter(([, x]) => x.traits?.["smithy.api#required"]).map(([k]) => k);
    expect(required.sort()).toEqual(["authorizationEndpoint", "issuer", "tokenEndpoint"]);
  });
});

describe("vendor labels", () => {
  it("names the common vendors as people know them, and falls back to the raw value", () => {
    expect(vendorLabel("GithubOauth2")).toBe("GitHub");
    expect(vendorLabel("LinkedinOauth2")).toBe("LinkedIn");
    expect(vendorLabel("MicrosoftOauth2")).toBe("Microsoft (Entra ID)");
    expect(vendorLabel("SomethingNewOauth2")).toBe("SomethingNewOauth2");
    const common = CREDENTIAL_PROVIDER_VENDORS.filter((v) => VENDORS[v].common);
    expect(common.sort()).toEqual(
      ["AtlassianOauth2", "CustomOauth2", "GithubOauth2", "GoogleOauth2", "LinkedinOauth2", "MicrosoftOauth2", "SalesforceOauth2", "SlackOauth2"].sort(),
    );
  });
});

describe("isHttpsUrl", () => {
  it.each([
    ["https://idp.example.com", true],
    ["https://idp.example.com/oauth2/token?x=1", true],
    ["http://idp.example.com", false],
    ["idp.example.com", false],
    ["https://", false],
    ["", false],
  ])("%s → %s", (v, ok) => expect(isHttpsUrl(v)).toBe(ok));
});

describe("API key provider", () => {
  it("accepts a name and a key, trimming the name but sending the key as typed", () => {
    expect(apiKeyProviderSchema.parse({ name: "  weather-api_1 ", apiKey: "abc 123" })).toEqual({ name: "weather-api_1", apiKey: "abc 123" });
  });

  it("starts empty and invalid", () => {
    expect(apiKeyErrors(emptyApiKeyProviderForm())).toEqual({ name: "Enter a name for the provider.", apiKey: "Enter the API key." });
  });

  it.each([
    ["a", true],
    ["A-Z_0-9", true],
    ["x".repeat(128), true],
    ["x".repeat(129), false],
    ["has space", false],
    ["dot.ted", false],
    ["slash/ed", false],
    ["ünïcode", false],
  ])("name %j valid: %s", (name, ok) => {
    const e = apiKeyErrors({ name, apiKey: "k" });
    expect(e.name === undefined).toBe(ok);
  });

  it("explains each name rule", () => {
    expect(apiKeyErrors({ name: "x".repeat(129), apiKey: "k" }).name).toBe("Use at most 128 characters.");
    expect(apiKeyErrors({ name: "a b", apiKey: "k" }).name).toBe("Use letters, digits, hyphens and underscores only.");
  });

  it("limits the key to the model's 65536 characters", () => {
    expect(apiKeyErrors({ name: "n", apiKey: "k".repeat(65536) })).toEqual({});
    expect(apiKeyErrors({ name: "n", apiKey: "k".repeat(65537) }).apiKey).toBe("Use at most 65536 characters.");
  });

  it("refuses a key pasted with a space or line break at either end", () => {
    expect(apiKeyErrors({ name: "n", apiKey: "key\n" }).apiKey).toBe("The API key starts or ends with a space or line break. Remove it.");
    expect(apiKeyErrors({ name: "n", apiKey: " key" }).apiKey).toBe("The API key starts or ends with a space or line break. Remove it.");
  });

  it("refuses what is not a form", () => {
    expect(apiKeyProviderSchema.safeParse(null).success).toBe(false);
    expect(apiKeyErrors({ name: 1, apiKey: ["k"] })).toMatchObject({ name: expect.any(String), apiKey: expect.any(String) });
  });
});

describe("OAuth2 provider: what every vendor needs", () => {
  it("starts as a custom provider by discovery URL, with nothing filled in", () => {
    expect(oauthErrors(emptyOauth2ProviderForm())).toEqual({
      name: "Enter a name for the provider.",
      clientId: "Enter the client ID.",
      clientSecret: "Enter the client secret.",
      discoveryUrl: "Enter the discovery URL.",
    });
  });

  it.each(CREDENTIAL_PROVIDER_VENDORS.map((v) => [v]))("%s needs a client id and a client secret", (vendor) => {
    const e = oauthErrors(oauth({ vendor, clientId: " ", clientSecret: "", issuer: "https://tenant.example.com" }));
    expect(e.clientId).toBe("Enter the client ID.");
    expect(e.clientSecret).toBe("Enter the client secret.");
  });

  it("limits the client id and secret to the model's lengths", () => {
    expect(oauthErrors(oauth({ clientId: "c".repeat(256), clientSecret: "s".repeat(2048) }))).toEqual({});
    expect(oauthErrors(oauth({ clientId: "c".repeat(257) })).clientId).toBe("Use at most 256 characters.");
    expect(oauthErrors(oauth({ clientSecret: "s".repeat(2049) })).clientSecret).toBe("Use at most 2048 characters.");
    expect(oauthErrors(oauth({ clientSecret: "secret " })).clientSecret).toBe("The client secret starts or ends with a space or line break. Remove it.");
  });

  it("checks the name like the API key form does", () => {
    expect(oauthErrors(oauth({ name: "bad name" })).name).toBe("Use letters, digits, hyphens and underscores only.");
  });

  it("refuses an unknown vendor", () => {
    expect(oauthErrors(oauth({ vendor: "MySpaceOauth2" as CredentialProviderVendor })).vendor).toBe("Choose the OAuth2 provider.");
  });

  it("reports the vendor-specific errors together with the common ones", () => {
    const e = oauthErrors(oauth({ name: "", discoveryUrl: "https://idp.example.com" }));
    expect(Object.keys(e).sort()).toEqual(["discoveryUrl", "name"]);
  });
});

describe("OAuth2 provider: custom by discovery URL", () => {
  it.each([
    ["https://idp.example.com/.well-known/openid-configuration", undefined],
    ["https://idp.example.com/realms/x/.well-known/oauth-authorization-server", undefined],
    ["  https://idp.example.com/.well-known/openid-configuration  ", undefined],
    ["https://idp.example.com", "The discovery URL must end with /.well-known/openid-configuration or /.well-known/oauth-authorization-server."],
    ["https://idp.example.com/.well-known/openid-configuration/", "The discovery URL must end with /.well-known/openid-configuration or /.well-known/oauth-authorization-server."],
    ["http://idp.example.com/.well-known/openid-configuration", "Enter a full https URL, like https://idp.example.com/.well-known/openid-configuration."],
    ["idp.example.com/.well-known/openid-configuration", "Enter a full https URL, like https://idp.example.com/.well-known/openid-configuration."],
  ])("%j → %s", (discoveryUrl, message) => {
    expect(oauthErrors(oauth({ discoveryUrl })).discoveryUrl).toBe(message);
  });

  it("becomes customOauth2ProviderConfig with the discovery URL, the client id and the secret", () => {
    expect(request(oauth({ discoveryUrl: ` ${DISCOVERY} `, clientId: " client-1 " }))).toEqual({
      name: "my-idp",
      credentialProviderVendor: "CustomOauth2",
      oauth2ProviderConfigInput: { customOauth2ProviderConfig: { oauthDiscovery: { discoveryUrl: DISCOVERY }, clientId: "client-1", clientSecret: "s3cr3t" } },
    });
  });

  it("ignores the metadata fields while the discovery URL is chosen", () => {
    expect(oauthErrors(oauth({ issuer: "not a url", responseTypes: "!!" }))).toEqual({});
  });
});

describe("OAuth2 provider: custom by authorization server metadata", () => {
  const meta = (over: Partial<Oauth2ProviderFormValues> = {}) =>
    oauth({
      discoveryMode: "metadata",
      discoveryUrl: "",
      issuer: "https://idp.example.com",
      authorizationEndpoint: "https://idp.example.com/authorize",
      tokenEndpoint: "https://idp.example.com/token",
      ...over,
    });

  it("requires the issuer and both endpoints as https URLs", () => {
    expect(oauthErrors(meta({ issuer: "", authorizationEndpoint: "", tokenEndpoint: "" }))).toEqual({
      issuer: "Enter the issuer URL.",
      authorizationEndpoint: "Enter the authorization endpoint.",
      tokenEndpoint: "Enter the token endpoint.",
    });
    expect(oauthErrors(meta({ issuer: "http://idp.example.com", authorizationEndpoint: "/authorize", tokenEndpoint: "token" }))).toEqual({
      issuer: "Enter an https URL, like https://idp.example.com.",
      authorizationEndpoint: "Enter an https URL, like https://idp.example.com/oauth2/authorize.",
      tokenEndpoint: "Enter an https URL, like https://idp.example.com/oauth2/token.",
    });
  });

  it.each([
    ["code", undefined],
    ["code, token, code id_token", undefined],
    ["", undefined],
    [" code ,  ", undefined],
    ["code, code", "code is listed twice."],
    ["Code!", '"Code!" is not a response type. Use values like code or id_token, separated by commas.'],
  ])("response types %j → %s", (responseTypes, message) => {
    expect(oauthErrors(meta({ responseTypes })).responseTypes).toBe(message);
  });

  it("accepts one or both token endpoint auth methods, each once", () => {
    expect(oauthErrors(meta({ tokenEndpointAuthMethods: ["client_secret_post", "client_secret_basic"] }))).toEqual({});
    expect(oauthErrors(meta({ tokenEndpointAuthMethods: ["client_secret_post", "client_secret_post"] })).tokenEndpointAuthMethods).toBe("A method is listed twice.");
    expect(oauthErrors(meta({ tokenEndpointAuthMethods: ["private_key_jwt" as "client_secret_post"] }))["tokenEndpointAuthMethods.0"]).toBe(
      "Choose client_secret_basic or client_secret_post.",
    );
  });

  it("ignores the discovery URL while metadata is chosen", () => {
    expect(oauthErrors(meta({ discoveryUrl: "nonsense" }))).toEqual({});
  });

  it("becomes authorizationServerMetadata, omitting empty lists", () => {
    expect(request(meta({ responseTypes: "code, code  id_token", tokenEndpointAuthMethods: ["client_secret_basic"] })).oauth2ProviderConfigInput).toEqual({
      customOauth2ProviderConfig: {
        oauthDiscovery: {
          authorizationServerMetadata: {
            issuer: "https://idp.example.com",
            authorizationEndpoint: "https://idp.example.com/authorize",
            tokenEndpoint: "https://idp.example.com/token",
            responseTypes: ["code", "code id_token"],
            tokenEndpointAuthMethods: ["client_secret_basic"],
          },
        },
        clientId: "client-1",
        clientSecret: "s3cr3t",
      },
    });
    const bare = request(meta({ responseTypes: "", tokenEndpointAuthMethods: [] })).oauth2ProviderConfigInput;
    expect(bare).toEqual({
      customOauth2ProviderConfig: {
        oauthDiscovery: { authorizationServerMetadata: { issuer: "https://idp.example.com", authorizationEndpoint: "https://idp.example.com/authorize", tokenEndpoint: "https://idp.example.com/token" } },
        clientId: "client-1",
        clientSecret: "s3cr3t",
      },
    });
  });
});

describe("OAuth2 provider: vendors with their own config", () => {
  it.each([
    ["GoogleOauth2", "googleOauth2ProviderConfig"],
    ["GithubOauth2", "githubOauth2ProviderConfig"],
    ["SlackOauth2", "slackOauth2ProviderConfig"],
    ["SalesforceOauth2", "salesforceOauth2ProviderConfig"],
    ["AtlassianOauth2", "atlassianOauth2ProviderConfig"],
    ["LinkedinOauth2", "linkedinOauth2ProviderConfig"],
  ] as const)("%s becomes %s with the client id and secret only", (vendor, member) => {
    // Whatever was typed for another vendor (discovery URL, issuer…) is neither checked nor sent.
    const values = oauth({ vendor, discoveryUrl: "junk", issuer: "junk", tenantId: "a b" });
    expect(oauthErrors(values)).toEqual({});
    expect(request(values)).toEqual({ name: "my-idp", credentialProviderVendor: vendor, oauth2ProviderConfigInput: { [member]: { clientId: "client-1", clientSecret: "s3cr3t" } } });
  });

  it("Microsoft takes an optional tenant", () => {
    expect(request(oauth({ vendor: "MicrosoftOauth2" })).oauth2ProviderConfigInput).toEqual({ microsoftOauth2ProviderConfig: { clientId: "client-1", clientSecret: "s3cr3t" } });
    expect(request(oauth({ vendor: "MicrosoftOauth2", tenantId: " contoso.onmicrosoft.com " })).oauth2ProviderConfigInput).toEqual({
      microsoftOauth2ProviderConfig: { clientId: "client-1", clientSecret: "s3cr3t", tenantId: "contoso.onmicrosoft.com" },
    });
    expect(oauthErrors(oauth({ vendor: "MicrosoftOauth2", tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47" }))).toEqual({});
    expect(oauthErrors(oauth({ vendor: "MicrosoftOauth2", tenantId: "my tenant" })).tenantId).toBe(
      "Enter the directory (tenant) ID, a domain like contoso.onmicrosoft.com, or common, organizations or consumers.",
    );
    expect(oauthErrors(oauth({ vendor: "MicrosoftOauth2", tenantId: "t".repeat(2049) })).tenantId).toBe("Use at most 2048 characters.");
  });
});

describe("OAuth2 provider: the other vendors (includedOauth2ProviderConfig)", () => {
  it("a vendor with a fixed authorization server needs only the client credentials", () => {
    expect(oauthErrors(oauth({ vendor: "ZoomOauth2" }))).toEqual({});
    expect(request(oauth({ vendor: "ZoomOauth2" })).oauth2ProviderConfigInput).toEqual({ includedOauth2ProviderConfig: { clientId: "client-1", clientSecret: "s3cr3t" } });
  });

  it.each(CREDENTIAL_PROVIDER_VENDORS.filter((v) => VENDORS[v].needsIssuer).map((v) => [v]))("%s needs the issuer of your tenant", (vendor) => {
    const e = oauthErrors(oauth({ vendor }));
    expect(e.issuer).toMatch(/runs on your own tenant: enter its issuer URL, like https:\/\//);
    expect(oauthErrors(oauth({ vendor, issuer: "https://tenant.example.com" }))).toEqual({});
    // Both endpoints instead of the issuer are enough too.
    expect(oauthErrors(oauth({ vendor, authorizationEndpoint: "https://t.example.com/a", tokenEndpoint: "https://t.example.com/t" }))).toEqual({});
  });

  it("the two endpoints go together, and each must be an https URL", () => {
    expect(oauthErrors(oauth({ vendor: "ZoomOauth2", authorizationEndpoint: "https://t.example.com/a" })).tokenEndpoint).toBe(
      "Enter the token endpoint too: the two endpoints go together.",
    );
    expect(oauthErrors(oauth({ vendor: "ZoomOauth2", tokenEndpoint: "https://t.example.com/t" })).authorizationEndpoint).toBe(
      "Enter the authorization endpoint too: the two endpoints go together.",
    );
    expect(oauthErrors(oauth({ vendor: "OktaOauth2", issuer: "ftp://x" })).issuer).toBe("Enter an https URL, like https://idp.example.com.");
  });

  it("sends the issuer and endpoints only when given", () => {
    expect(request(oauth({ vendor: "OktaOauth2", issuer: " https://acme.okta.com/oauth2/default " })).oauth2ProviderConfigInput).toEqual({
      includedOauth2ProviderConfig: { clientId: "client-1", clientSecret: "s3cr3t", issuer: "https://acme.okta.com/oauth2/default" },
    });
    expect(request(oauth({ vendor: "Auth0Oauth2", authorizationEndpoint: "https://a.example.com/authorize", tokenEndpoint: "https://a.example.com/oauth/token" })).oauth2ProviderConfigInput).toEqual({
      includedOauth2ProviderConfig: { clientId: "client-1", clientSecret: "s3cr3t", authorizationEndpoint: "https://a.example.com/authorize", tokenEndpoint: "https://a.example.com/oauth/token" },
    });
  });
});

describe("AWS field errors land on the form's fields", () => {
  it("maps nested member paths to the field and the rest to the form", () => {
    expect(
      awsFieldListToProviderFormErrors([
        { name: "name", message: "bad name" },
        { name: "apiKey", message: "bad key" },
        { name: "oauth2ProviderConfigInput.googleOauth2ProviderConfig.clientId", message: "bad id" },
        { name: "oauth2ProviderConfigInput.customOauth2ProviderConfig.oauthDiscovery.discoveryUrl", message: "bad url" },
        { name: "oauth2ProviderConfigInput.customOauth2ProviderConfig.oauthDiscovery.authorizationServerMetadata.tokenEndpointAuthMethods.0", message: "bad m" },
        { name: "oauth2ProviderConfigInput", message: "wrong member" },
        { name: "credentialProviderVendor", message: "bad vendor" },
        { name: "tags", message: "bad tags" },
        { name: "tags.x", message: "more" },
      ]),
    ).toEqual({
      name: "bad name",
      apiKey: "bad key",
      clientId: "bad id",
      discoveryUrl: "bad url",
      tokenEndpointAuthMethods: "bad m",
      vendor: "wrong member bad vendor",
      _form: "bad tags more",
    });
  });
});
