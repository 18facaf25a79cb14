// The gateway form's schema: one source of truth for the create/edit forms (client) and the server actions.
import { z } from "zod";
import { roleNameSchema } from "./role";
import { defaultQuickCreateValues, quickCreateSchema, type QuickCreateFormValues } from "./cognito";
import {
  AUTHORIZER_TYPES,
  CLAIM_NAME_MAX,
  CLAIM_NAME_PATTERN,
  CLAIM_OPERATORS,
  CLAIM_VALUE_MAX,
  CLAIM_VALUE_PATTERN,
  CLAIM_VALUE_TYPES,
  DISCOVERY_URL_PATTERN,
  GATEWAY_DESCRIPTION_MAX,
  GATEWAY_NAME_MAX,
  GATEWAY_NAME_PATTERN,
  KMS_KEY_ARN_MAX,
  KMS_KEY_ARN_PATTERN,
  MCP_INSTRUCTIONS_MAX,
  MCP_VERSIONS,
  ROLE_ARN_MAX,
  ROLE_ARN_PATTERN,
  SCOPE_MAX,
  SCOPE_PATTERN,
  TAG_KEY_MAX,
  TAG_PATTERN,
  TAG_VALUE_MAX,
  TAGS_MAX,
} from "./constraints";

const re = (p: string) => new RegExp(p);

export const gatewayNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a gateway name.")
  .max(GATEWAY_NAME_MAX, `Use at most ${GATEWAY_NAME_MAX} characters.`)
  .regex(re(GATEWAY_NAME_PATTERN), "Start with a letter or digit, then use letters, digits and single hyphens (no double hyphens).");

export const descriptionSchema = z.string().max(GATEWAY_DESCRIPTION_MAX, `Use at most ${GATEWAY_DESCRIPTION_MAX} characters.`);

export const roleArnSchema = z
  .string()
  .trim()
  .min(1, "Enter the ARN of the gateway's execution role.")
  .max(ROLE_ARN_MAX, `Use at most ${ROLE_ARN_MAX} characters.`)
  .regex(re(ROLE_ARN_PATTERN), "Enter an IAM role ARN, like arn:aws:iam::123456789012:role/MyGatewayRole.");

export const discoveryUrlSchema = z
  .string()
  .trim()
  .min(1, "Enter the OpenID Connect discovery URL.")
  .regex(re(DISCOVERY_URL_PATTERN), "The discovery URL must end with /.well-known/openid-configuration.")
  .refine((v) => /^https?:\/\/[^/\s]+/.test(v), "Enter a full URL, like https://issuer.example.com/.well-known/openid-configuration.");

export const kmsKeyArnSchema = z
  .string()
  .trim()
  .max(KMS_KEY_ARN_MAX, `Use at most ${KMS_KEY_ARN_MAX} characters.`)
  .refine((v) => v === "" || re(KMS_KEY_ARN_PATTERN).test(v), "Enter a KMS key ARN, like arn:aws:kms:us-east-1:123456789012:key/<key id>.");

/** A list of strings edited row by row: blank rows are ignored, each other row must pass `check`. */
function stringList(check: (v: string) => string | null) {
  return z
    .array(z.string())
    .superRefine((rows, ctx) => {
      rows.forEach((row, i) => {
        const v = row.trim();
        if (v === "") return;
        const problem = check(v);
        if (problem) ctx.addIssue({ code: "custom", path: [i], message: problem });
      });
      const seen = new Set<string>();
      rows.forEach((row, i) => {
        const v = row.trim();
        if (v === "") return;
        if (seen.has(v)) ctx.addIssue({ code: "custom", path: [i], message: "This value is listed twice." });
        seen.add(v);
      });
    })
    .transform((rows) => rows.map((r) => r.trim()).filter((r) => r !== ""));
}

const plainList = stringList((v) => (v.length > 255 ? "Use at most 255 characters." : null));
const scopeList = stringList((v) =>
  v.length > SCOPE_MAX ? `Use at most ${SCOPE_MAX} characters.` : re(SCOPE_PATTERN).test(v) ? null : "A scope is printable ASCII with no spaces, quotes or backslashes.",
);
const claimValueList = stringList((v) =>
  v.length > CLAIM_VALUE_MAX ? `Use at most ${CLAIM_VALUE_MAX} characters.` : re(CLAIM_VALUE_PATTERN).test(v) ? null : "Use letters, digits, '_', '.' and '-' only.",
);

export const customClaimSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "Enter the claim name.")
      .max(CLAIM_NAME_MAX, `Use at most ${CLAIM_NAME_MAX} characters.`)
      .regex(re(CLAIM_NAME_PATTERN), "Use letters, digits, '_', '.', '/' and ':' only."),
    valueType: z.enum(CLAIM_VALUE_TYPES, "Choose the claim's type."),
    operator: z.enum(CLAIM_OPERATORS, "Choose how the claim is matched."),
    values: claimValueList,
  })
  .superRefine((c, ctx) => {
    // AgentCore: EQUALS matches a STRING claim; CONTAINS (one value) and CONTAINS_ANY (a list) match a STRING_ARRAY claim.
    if (c.operator === "EQUALS" && c.valueType !== "STRING")
      ctx.addIssue({ code: "custom", path: ["operator"], message: "EQUALS matches STRING claims; use CONTAINS or CONTAINS_ANY for a STRING_ARRAY claim." });
    if (c.operator !== "EQUALS" && c.valueType !== "STRING_ARRAY")
      ctx.addIssue({ code: "custom", path: ["operator"], message: `${c.operator} matches STRING_ARRAY claims; use EQUALS for a STRING claim.` });
    if (c.values.length === 0) ctx.addIssue({ code: "custom", path: ["values"], message: "Enter the value to match." });
    else if (c.operator !== "CONTAINS_ANY" && c.values.length > 1)
      ctx.addIssue({ code: "custom", path: ["values"], message: `${c.operator} matches exactly one value; use CONTAINS_ANY for several.` });
  });

export const jwtAuthorizerSchema = z
  .object({
    discoveryUrl: discoveryUrlSchema,
    allowedAudience: plainList,
    allowedClients: plainList,
    allowedScopes: scopeList,
    customClaims: z.array(customClaimSchema),
  })
  .superRefine((j, ctx) => {
    if (j.allowedAudience.length + j.allowedClients.length + j.allowedScopes.length + j.customClaims.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["allowedClients"],
        message: "Add at least one allowed client, audience, scope or custom claim, or every token would be accepted.",
      });
    }
  });

export const tagSchema = z.object({
  key: z
    .string()
    .trim()
    .min(1, "Enter the tag key.")
    .max(TAG_KEY_MAX, `Use at most ${TAG_KEY_MAX} characters.`)
    .regex(re(TAG_PATTERN), "Use letters, digits, spaces and _ . : / = + @ - only.")
    .refine((k) => !k.toLowerCase().startsWith("aws:"), "Keys starting with aws: are reserved by AWS."),
  value: z.string().max(TAG_VALUE_MAX, `Use at most ${TAG_VALUE_MAX} characters.`).regex(re(TAG_PATTERN), "Use letters, digits, spaces and _ . : / = + @ - only."),
});

export const mcpOptionsSchema = z.object({
  supportedVersions: z.array(z.enum(MCP_VERSIONS, "Unknown MCP version.")),
  instructions: z.string().max(MCP_INSTRUCTIONS_MAX, `Use at most ${MCP_INSTRUCTIONS_MAX} characters.`),
  semanticSearch: z.boolean(),
});

export const authorizerTypeSchema = z.enum(AUTHORIZER_TYPES, "Choose how callers authenticate.");

export const ROLE_MODES = ["new", "existing", "arn"] as const;
/** Where a JWT authorizer's identity provider comes from: made with the gateway, an existing Cognito pool, or any OIDC provider. */
export const JWT_SOURCES = ["cognito-new", "cognito-existing", "oidc"] as const;

const baseGatewaySchema = z.object({
  name: gatewayNameSchema,
  description: descriptionSchema,
  // How the execution role is given: created with the gateway, picked from the account, or typed as an ARN.
  roleMode: z.enum(ROLE_MODES, "Choose how to give the gateway its execution role."),
  newRoleName: z.string(),
  roleArn: z.string(),
  // "Use it anyway": required to pick an existing role whose trust would not let this gateway assume it.
  roleTrustOverride: z.boolean().optional(),
  authorizerType: authorizerTypeSchema,
  // Kept in the values whatever the type, so switching types never loses what was typed; checked only for CUSTOM_JWT.
  jwtSource: z.enum(JWT_SOURCES, "Choose where the tokens come from."),
  cognito: z.unknown(),
  jwt: z.unknown(),
  mcp: mcpOptionsSchema,
  debugExceptions: z.boolean(),
  kmsKeyArn: kmsKeyArnSchema,
  tags: z.array(tagSchema).max(TAGS_MAX, `A gateway can have at most ${TAGS_MAX} tags.`),
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Everything CreateGateway and UpdateGateway take from the form (UpdateGateway ignores tags: they are managed with TagResource).
 * The cross-field checks run even while other fields have errors, so the user sees every problem at once.
 */
export type GatewaySchemaContext = {
  /**
   * The verdict on an existing role's trust for this gateway name (gatewayTrustVerdict), when known: the browser
   * knows it from the role list, the server from GetRole. A negative verdict needs roleTrustOverride.
   */
  roleTrust?: (roleArn: string, gatewayName: string) => { trusts: boolean; message: string } | undefined;
};

export const ROLE_TRUST_OVERRIDE_HINT = 'Check "Use it anyway" to pick it regardless.';

export const gatewaySchemaWith = (context: GatewaySchemaContext = {}) => baseGatewaySchema
  .superRefine(
    (v, ctx) => {
      const add = (path: (string | number)[], issues: readonly { path: PropertyKey[]; message: string }[]) => {
        for (const issue of issues) ctx.addIssue({ code: "custom", path: [...path, ...(issue.path as (string | number)[])], message: issue.message });
      };
      if (v.roleMode === "new") {
        const r = roleNameSchema.safeParse(v.newRoleName);
        if (!r.success) add(["newRoleName"], r.error.issues);
      } else if (v.roleMode === "existing" && (typeof v.roleArn !== "string" || v.roleArn.trim() === "")) {
        ctx.addIssue({ code: "custom", path: ["roleArn"], message: "Choose a role, or create a new one." });
      } else {
        const r = roleArnSchema.safeParse(v.roleArn);
        if (!r.success) add(["roleArn"], r.error.issues);
      }
      if (v.roleMode === "existing" && typeof v.roleArn === "string" && typeof v.name === "string" && v.roleTrustOverride !== true) {
        const verdict = context.roleTrust?.(v.roleArn.trim(), v.name.trim());
        if (verdict && !verdict.trusts) ctx.addIssue({ code: "custom", path: ["roleTrustOverride"], message: `${verdict.message} ${ROLE_TRUST_OVERRIDE_HINT}` });
      }
      if (v.authorizerType === "CUSTOM_JWT" && v.jwtSource === "cognito-new") {
        const parsed = quickCreateSchema.safeParse(v.cognito);
        if (!parsed.success) add(["cognito"], parsed.error.issues);
      } else if (v.authorizerType === "CUSTOM_JWT") {
        const parsed = jwtAuthorizerSchema.safeParse(v.jwt);
        if (v.jwtSource === "cognito-existing" && isRecord(v.jwt) && !v.jwt.discoveryUrl) {
          ctx.addIssue({ code: "custom", path: ["jwt", "discoveryUrl"], message: "Choose a user pool and an app client." });
        } else if (!parsed.success) add(["jwt"], parsed.error.issues);
      }
      if (Array.isArray(v.tags)) {
        const tagKeys = new Set<string>();
        v.tags.forEach((t: unknown, i: number) => {
          const key = isRecord(t) && typeof t.key === "string" ? t.key.trim() : "";
          if (key === "") return;
          if (tagKeys.has(key)) ctx.addIssue({ code: "custom", path: ["tags", i, "key"], message: "This tag key is used twice." });
          tagKeys.add(key);
        });
      }
    },
    { when: (payload) => isRecord(payload.value) },
  )
  .transform((v) => ({
    ...v,
    roleArn: v.roleArn.trim(),
    newRoleName: v.newRoleName.trim(),
    jwt: v.authorizerType === "CUSTOM_JWT" && v.jwtSource !== "cognito-new" ? jwtAuthorizerSchema.parse(v.jwt) : undefined,
    cognito: v.authorizerType === "CUSTOM_JWT" && v.jwtSource === "cognito-new" ? quickCreateSchema.parse(v.cognito) : undefined,
  }));

export const gatewaySchema = gatewaySchemaWith();

export type GatewayFormValues = {
  name: string;
  description: string;
  roleMode: (typeof ROLE_MODES)[number];
  newRoleName: string;
  roleArn: string;
  /** "Use it anyway" for an existing role whose trust would not let this gateway assume it. */
  roleTrustOverride?: boolean;
  authorizerType: (typeof AUTHORIZER_TYPES)[number];
  jwtSource: (typeof JWT_SOURCES)[number];
  /** The Cognito quick create's names, used when jwtSource is "cognito-new". */
  cognito: QuickCreateFormValues;
  jwt: {
    discoveryUrl: string;
    allowedAudience: string[];
    allowedClients: string[];
    allowedScopes: string[];
    customClaims: { name: string; valueType: (typeof CLAIM_VALUE_TYPES)[number]; operator: (typeof CLAIM_OPERATORS)[number]; values: string[] }[];
  };
  mcp: { supportedVersions: (typeof MCP_VERSIONS)[number][]; instructions: string; semanticSearch: boolean };
  debugExceptions: boolean;
  kmsKeyArn: string;
  tags: { key: string; value: string }[];
};

export type GatewayInput = z.output<typeof gatewaySchema>;

/** A new gateway's form; `suffix` makes the Cognito quick create's names unique (fixed in tests). */
export function emptyGatewayForm(suffix?: string): GatewayFormValues {
  return {
    name: "",
    description: "",
    roleMode: "new",
    newRoleName: "",
    roleArn: "",
    authorizerType: "CUSTOM_JWT",
    jwtSource: "cognito-new",
    cognito: defaultQuickCreateValues(suffix),
    jwt: { discoveryUrl: "", allowedAudience: [], allowedClients: [""], allowedScopes: [], customClaims: [] },
    mcp: { supportedVersions: [], instructions: "", semanticSearch: false },
    debugExceptions: false,
    kmsKeyArn: "",
    tags: [],
  };
}

const COGNITO_DISCOVERY = /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/[^/]+\/\.well-known\/openid-configuration$/;

export function isCognitoDiscoveryUrl(url: string): boolean {
  return COGNITO_DISCOVERY.test(url.trim());
}

/**
 * Cognito access tokens carry client_id and no aud claim: a Cognito authorizer that lists only
 * audiences rejects every token. Returns the warning to show, or null.
 */
export function cognitoAudienceWarning(values: Pick<GatewayFormValues, "authorizerType" | "jwt">): string | null {
  if (values.authorizerType !== "CUSTOM_JWT") return null;
  const { discoveryUrl, allowedAudience, allowedClients } = values.jwt;
  const has = (l: string[]) => l.some((v) => v.trim() !== "");
  if (isCognitoDiscoveryUrl(discoveryUrl) && has(allowedAudience) && !has(allowedClients)) {
    return "Cognito access tokens have no aud claim, so a Cognito authorizer with audiences only rejects every token. Put the app client id in Allowed clients instead.";
  }
  return null;
}
