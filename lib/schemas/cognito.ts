// Cognito quick-create schema, the Cognito model's name rules, and where a pool's OIDC URLs live (AWS and sandbox). Pure.
import { z } from "zod";
import { awsDiscoveryUrl, awsIssuer, awsTokenEndpoint, regionOfPoolId, sandboxDiscoveryUrl, sandboxIssuer, sandboxTokenEndpoint } from "@/formats/cognito-urls";

// Constraints of cognito-idp 2016-04-18 (sandbox/models/cognito-identity-provider.json); cognito.test.ts checks each one.
export const POOL_NAME_PATTERN = "^[\\w\\s+=,.@-]+$";
export const POOL_NAME_MAX = 128;
export const DOMAIN_PATTERN = "^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$";
export const DOMAIN_MAX = 63;
export const RESOURCE_SERVER_IDENTIFIER_PATTERN = "^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$";
export const RESOURCE_SERVER_IDENTIFIER_MAX = 256;
export const RESOURCE_SERVER_NAME_PATTERN = "^[\\w\\s+=,.@-]+$";
export const RESOURCE_SERVER_NAME_MAX = 256;
export const SCOPE_NAME_PATTERN = "^[\\x21\\x23-\\x2E\\x30-\\x5B\\x5D-\\x7E]+$";
export const SCOPE_NAME_MAX = 256;
/** A scope as an app client lists it (`identifier/scopeName`). */
export const SCOPE_PATTERN = "^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$";
export const SCOPE_MAX = 256;
/** AllowedOAuthScopes holds at most 50 scopes; a resource server at most 100. */
export const CLIENT_SCOPES_MAX = 50;
export const CLIENT_NAME_PATTERN = "^[\\w\\s+=,.@-]+$";
export const CLIENT_NAME_MAX = 128;
export const POOL_ID_PATTERN = "^[\\w-]+_[0-9a-zA-Z]+$";
export const POOL_ID_MAX = 55;
export const CLIENT_ID_PATTERN = "^[\\w+]+$";
export const CLIENT_ID_MAX = 128;
/** Cognito refuses prefix domains containing these words. */
export const RESERVED_DOMAIN_WORDS = ["aws", "amazon", "cognito"] as const;

/** The tag that marks pools the console made for gateways, and the tag naming the quick-create run. */
export const PURPOSE_TAG_KEY = "agentcore-console:purpose";
export const PURPOSE_TAG_VALUE = "gateway-inbound-auth";
export const RUN_TAG_KEY = "agentcore-console:quick-create-id";

const re = (p: string) => new RegExp(p);

export const poolNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a user pool name.")
  .max(POOL_NAME_MAX, `Use at most ${POOL_NAME_MAX} characters.`)
  .regex(re(POOL_NAME_PATTERN), "Use letters, digits, spaces and + = , . @ _ - only.");

export const domainPrefixSchema = z
  .string()
  .trim()
  .min(1, "Enter a domain prefix.")
  .max(DOMAIN_MAX, `Use at most ${DOMAIN_MAX} characters.`)
  .regex(re(DOMAIN_PATTERN), "Use lowercase letters, digits and hyphens, starting and ending with a letter or digit.")
  .refine((v) => !RESERVED_DOMAIN_WORDS.some((w) => v.includes(w)), {
    message: `A Cognito domain prefix cannot contain ${RESERVED_DOMAIN_WORDS.join(", ")}.`,
  });

export const resourceServerIdentifierSchema = z
  .string()
  .trim()
  .min(1, "Enter a resource server identifier.")
  .max(RESOURCE_SERVER_IDENTIFIER_MAX, `Use at most ${RESOURCE_SERVER_IDENTIFIER_MAX} characters.`)
  .regex(re(RESOURCE_SERVER_IDENTIFIER_PATTERN), 'Use printable characters without spaces, quotes (") or backslashes.');

export const resourceServerNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a resource server name.")
  .max(RESOURCE_SERVER_NAME_MAX, `Use at most ${RESOURCE_SERVER_NAME_MAX} characters.`)
  .regex(re(RESOURCE_SERVER_NAME_PATTERN), "Use letters, digits, spaces and + = , . @ _ - only.");

export const clientNameSchema = z
  .string()
  .trim()
  .min(1, "Enter an app client name.")
  .max(CLIENT_NAME_MAX, `Use at most ${CLIENT_NAME_MAX} characters.`)
  .regex(re(CLIENT_NAME_PATTERN), "Use letters, digits, spaces and + = , . @ _ - only.");

export const poolIdSchema = z.string().max(POOL_ID_MAX).regex(re(POOL_ID_PATTERN), "That is not a user pool id.");
export const clientIdSchema = z.string().min(1).max(CLIENT_ID_MAX).regex(re(CLIENT_ID_PATTERN), "That is not an app client id.");

/** Why one scope name is not acceptable, or null. */
export function scopeNameProblem(name: string): string | null {
  if (name.length > SCOPE_NAME_MAX) return `Scope ${name.slice(0, 20)}… is longer than ${SCOPE_NAME_MAX} characters.`;
  if (!re(SCOPE_NAME_PATTERN).test(name)) return `Scope ${name} may not contain /, quotes (") or backslashes.`;
  return null;
}

/** Splits the scopes field (spaces or commas between names). */
export const splitScopes = (text: string) => text.split(/[\s,]+/).filter((s) => s !== "");

export const quickCreateSchema = z
  .object({
    poolName: poolNameSchema,
    domainPrefix: domainPrefixSchema,
    resourceServerIdentifier: resourceServerIdentifierSchema,
    resourceServerName: resourceServerNameSchema,
    scopes: z.string(),
    clientName: clientNameSchema,
  })
  .superRefine((v, ctx) => {
    const names = splitScopes(v.scopes);
    if (names.length === 0) ctx.addIssue({ code: "custom", path: ["scopes"], message: "Enter at least one scope, like invoke." });
    if (names.length > CLIENT_SCOPES_MAX) ctx.addIssue({ code: "custom", path: ["scopes"], message: `Use at most ${CLIENT_SCOPES_MAX} scopes.` });
    const problem = names.map(scopeNameProblem).find(Boolean);
    if (problem) ctx.addIssue({ code: "custom", path: ["scopes"], message: problem });
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) ctx.addIssue({ code: "custom", path: ["scopes"], message: `Scope ${dup} is listed twice.` });
    const long = names.find((n) => `${v.resourceServerIdentifier.trim()}/${n}`.length > SCOPE_MAX);
    if (long) ctx.addIssue({ code: "custom", path: ["scopes"], message: `identifier/${long} would be longer than ${SCOPE_MAX} characters.` });
  })
  .transform((v) => ({ ...v, scopes: [...new Set(splitScopes(v.scopes))] }));

export type QuickCreateFormValues = z.input<typeof quickCreateSchema>;
export type QuickCreateInput = z.output<typeof quickCreateSchema>;

/** The full scope names an app client is given: `identifier/scope`. */
export const fullScopes = (input: Pick<QuickCreateInput, "resourceServerIdentifier" | "scopes">) =>
  input.scopes.map((s) => `${input.resourceServerIdentifier}/${s}`);

// No vowels, so a random suffix can never spell a reserved word (aws, amazon, cognito).
const SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz0123456789";

export function randomSuffix(n = 6, random: () => number = Math.random): string {
  let s = "";
  for (let i = 0; i < n; i++) s += SUFFIX_ALPHABET[Math.floor(random() * SUFFIX_ALPHABET.length)];
  return s;
}

/** Prefilled quick-create names: one suffix shared by the pool, the domain and the client. */
export function defaultQuickCreateValues(suffix = randomSuffix()): QuickCreateFormValues {
  return {
    poolName: `agentcore-gateway-${suffix}`,
    domainPrefix: `agentcore-gateway-${suffix}`,
    resourceServerIdentifier: "agentcore-gateway",
    resourceServerName: "AgentCore Gateway",
    scopes: "invoke",
    clientName: `agentcore-gateway-client-${suffix}`,
  };
}

// ---- quick-create progress ----------------------------------------------------------------------

export const QUICK_CREATE_STEPS = ["pool", "domain", "resourceServer", "client", "domainActive"] as const;
export type QuickCreateStep = (typeof QUICK_CREATE_STEPS)[number];

export const QUICK_CREATE_STEP_LABELS: Record<QuickCreateStep, string> = {
  pool: "User pool",
  domain: "Domain",
  resourceServer: "Resource server and scopes",
  client: "App client (client credentials)",
  domainActive: "Domain ACTIVE",
};

const stepErrorSchema = z.object({ message: z.string().max(2000), errorName: z.string().max(200).optional() });
export type QuickCreateStepError = z.infer<typeof stepErrorSchema>;

/**
 * What a quick create has made so far: ids only (never the client secret), so it can be shown,
 * sent back to resume, or used to clean up.
 */
export const quickCreateReportSchema = z.object({
  runId: z.string().regex(/^[0-9a-f-]{36}$/),
  region: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/),
  input: z.object({
    poolName: poolNameSchema,
    domainPrefix: domainPrefixSchema,
    resourceServerIdentifier: resourceServerIdentifierSchema,
    resourceServerName: resourceServerNameSchema,
    scopes: z.array(z.string().regex(re(SCOPE_NAME_PATTERN)).max(SCOPE_NAME_MAX)).min(1).max(CLIENT_SCOPES_MAX),
    clientName: clientNameSchema,
  }),
  poolId: poolIdSchema.optional(),
  domain: domainPrefixSchema.optional(),
  domainStatus: z.string().max(20).optional(),
  resourceServerIdentifier: resourceServerIdentifierSchema.optional(),
  clientId: clientIdSchema.optional(),
  errors: z.partialRecord(z.enum(QUICK_CREATE_STEPS), stepErrorSchema),
});
export type QuickCreateReport = z.infer<typeof quickCreateReportSchema>;

export function stepDone(report: QuickCreateReport, step: QuickCreateStep): boolean {
  switch (step) {
    case "pool":
      return Boolean(report.poolId);
    case "domain":
      return Boolean(report.domain);
    case "resourceServer":
      return Boolean(report.resourceServerIdentifier);
    case "client":
      return Boolean(report.clientId);
    case "domainActive":
      return report.domainStatus === "ACTIVE";
  }
}

export const quickCreateFailed = (report: QuickCreateReport) => Object.keys(report.errors).length > 0;

/** What a finished quick create hands over: ids and URLs, never the client secret (read on Reveal only). */
export type QuickCreateResult = {
  region: string;
  poolId: string;
  clientId: string;
  discoveryUrl: string;
  tokenEndpoint: string;
  domain: string;
  scopes: string[];
};

// ---- where a pool's OIDC documents live ---------------------------------------------------------

/** Where the console reaches Cognito's OIDC side: AWS, or the sandbox at its base URL. */
export type OidcHost = { backend: "aws" } | { backend: "sandbox"; baseUrl: string };

export function cognitoIssuer(host: OidcHost, poolId: string, region = regionOfPoolId(poolId)): string {
  return host.backend === "aws" ? awsIssuer(poolId, region) : sandboxIssuer(host.baseUrl, poolId);
}

export function cognitoDiscoveryUrl(host: OidcHost, poolId: string, region = regionOfPoolId(poolId)): string {
  return host.backend === "aws" ? awsDiscoveryUrl(poolId, region) : sandboxDiscoveryUrl(host.baseUrl, poolId);
}

/** Token endpoint of a prefix domain, or of a custom domain (its own host) on AWS. */
export function cognitoTokenEndpoint(host: OidcHost, domain: string, region: string, custom = false): string {
  if (host.backend === "sandbox") return sandboxTokenEndpoint(host.baseUrl, domain);
  return custom ? `https://${domain}/oauth2/token` : awsTokenEndpoint(domain, region);
}

/** The pool id (and region) of a Cognito discovery URL on AWS or in the sandbox, else null. */
export function parseCognitoDiscoveryUrl(url: string): { poolId: string; region: string } | null {
  const m = /^(?:https:\/\/cognito-idp\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?|http:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):\d+)\/([\w-]+_[0-9a-zA-Z]+)\/\.well-known\/openid-configuration$/.exec(
    url.trim(),
  );
  if (!m) return null;
  return { poolId: m[2], region: m[1] ?? regionOfPoolId(m[2]) };
}

/** Link to the gateway form with the discovery URL and allowed client filled in (never a secret). */
export function newGatewayHref(discoveryUrl: string, clientId: string): string {
  return `/gateways/new?${new URLSearchParams({ discoveryUrl, clientId }).toString()}`;
}

// ---- the curl for a client-credentials token ----------------------------------------------------

const shellQuote = (v: string) => `'${v.replace(/'/g, `'\\''`)}'`;

/**
 * A ready-to-paste curl for the client-credentials grant. The secret stays a shell variable:
 * the command never contains it.
 */
export function tokenCurlCommand(tokenEndpoint: string, clientId: string, scopes: string[] = []): string {
  const lines = [
    `curl -sS -X POST ${shellQuote(tokenEndpoint)}`,
    `  -H 'Content-Type: application/x-www-form-urlencoded'`,
    `  -u ${shellQuote(`${clientId}:`)}"$CLIENT_SECRET"`,
    `  --data-urlencode 'grant_type=client_credentials'`,
  ];
  if (scopes.length) lines.push(`  --data-urlencode ${shellQuote(`scope=${scopes.join(" ")}`)}`);
  return lines.join(" \\\n");
}
