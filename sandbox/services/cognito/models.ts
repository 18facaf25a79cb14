// Cognito user pools state (moto "models"): pools with their clients, resource servers, domain and signing key.
import crypto from "node:crypto";
import { statusAt, type Transition } from "../../core/lifecycle";
import { SANDBOX_ACCOUNT_ID } from "../../core/constants";
import { userPoolArn } from "../../../formats/arn";
import type { SigningKey } from "./jwt";

export const SERVICE_NAME = "cognito";

/** Scopes every pool knows without a resource server. */
export const STANDARD_SCOPES = ["openid", "email", "phone", "profile", "aws.cognito.signin.user.admin"];

export interface ResourceServerScope {
  ScopeName: string;
  ScopeDescription: string;
}

export interface ResourceServerRecord {
  UserPoolId: string;
  Identifier: string;
  Name: string;
  Scopes: ResourceServerScope[];
  seq: number;
}

/** A user pool client, stored as UserPoolClientType (the serializer keeps only modelled members). */
export interface ClientRecord {
  UserPoolId: string;
  ClientName: string;
  ClientId: string;
  ClientSecret?: string;
  CreationDate: string;
  LastModifiedDate: string;
  AccessTokenValidity?: number;
  TokenValidityUnits?: { AccessToken?: string; IdToken?: string; RefreshToken?: string };
  AllowedOAuthFlows?: string[];
  AllowedOAuthScopes?: string[];
  AllowedOAuthFlowsUserPoolClient: boolean;
  seq: number;
  [member: string]: unknown;
}

export interface DomainRecord {
  Domain: string;
  UserPoolId: string;
  region: string;
  AWSAccountId: string;
  S3Bucket: string;
  CloudFrontDistribution: string;
  Version: string;
  ManagedLoginVersion: number;
  CustomDomainConfig?: { CertificateArn: string; SecurityPolicy?: string };
  createdAt: string;
  stableStatus: string;
  transition?: Transition;
}

export interface PoolRecord {
  Id: string;
  region: string;
  seq: number;
  /** UserPoolType members as stored (Domain/CustomDomain are derived from `domain`). */
  attributes: Record<string, unknown>;
  clients: Record<string, ClientRecord>;
  resourceServers: Record<string, ResourceServerRecord>;
  domain?: DomainRecord;
  key: SigningKey;
}

export interface CognitoState {
  seq: number;
  pools: Record<string, PoolRecord>;
}

export const initialState = (): CognitoState => ({ seq: 0, pools: {} });

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

function random(alphabet: string, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += alphabet[crypto.randomInt(alphabet.length)];
  return s;
}

/** `us-east-1_AbCdEfGhI`: the region, an underscore, 9 letters and digits. */
export const newPoolId = (region: string) => `${region}_${random(ALNUM, 9)}`;
/** 26 lowercase letters and digits, like Cognito's app client ids. */
export const newClientId = () => random(LOWER_ALNUM, 26);
/** 51 lowercase letters and digits. */
export const newClientSecret = () => random(LOWER_ALNUM, 51);

export const poolArn = (region: string, poolId: string) => userPoolArn(region, SANDBOX_ACCOUNT_ID, poolId);

/** The pool with this id in this region (pool ids carry their region, but the API answers per region). */
export function findPool(state: CognitoState, region: string, poolId: string): PoolRecord | undefined {
  const p = Object.prototype.hasOwnProperty.call(state.pools, poolId) ? state.pools[poolId] : undefined;
  return p && p.region === region ? p : undefined;
}

/** The pool behind a domain prefix. The sandbox keeps one domain namespace for all regions (see README). */
export function poolByDomain(state: CognitoState, domain: string): PoolRecord | undefined {
  return Object.values(state.pools).find((p) => p.domain?.Domain === domain);
}

/** The pool that owns a client id (client ids are unique across pools). */
export function poolByClientId(state: CognitoState, clientId: string): PoolRecord | undefined {
  return Object.values(state.pools).find((p) => Object.prototype.hasOwnProperty.call(p.clients, clientId));
}

export function domainStatus(d: DomainRecord, now: number): string {
  return statusAt(d.transition, d.stableStatus, now) ?? d.stableStatus;
}

export function poolView(p: PoolRecord): Record<string, unknown> {
  const view: Record<string, unknown> = { ...p.attributes, EstimatedNumberOfUsers: 0 };
  if (p.domain) view[p.domain.CustomDomainConfig ? "CustomDomain" : "Domain"] = p.domain.Domain;
  return view;
}

export function domainView(d: DomainRecord, now: number): Record<string, unknown> {
  return {
    UserPoolId: d.UserPoolId,
    AWSAccountId: d.AWSAccountId,
    Domain: d.Domain,
    S3Bucket: d.S3Bucket,
    CloudFrontDistribution: d.CloudFrontDistribution,
    Version: d.Version,
    Status: domainStatus(d, now),
    CustomDomainConfig: d.CustomDomainConfig,
    ManagedLoginVersion: d.ManagedLoginVersion,
  };
}

/** A random-looking CloudFront host name (`d1a2b3c4d5e6f7.cloudfront.net`). */
export const cloudFrontHost = () => `d${random(LOWER_ALNUM, 13)}.cloudfront.net`;

/** Every scope a pool can grant: the standard ones and `identifier/scopeName` of its resource servers. */
export function resourceServerScopes(p: PoolRecord): Set<string> {
  const out = new Set<string>();
  for (const rs of Object.values(p.resourceServers)) for (const s of rs.Scopes) out.add(`${rs.Identifier}/${s.ScopeName}`);
  return out;
}

const UNIT_SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/** Access token lifetime of a client in seconds (default one hour; the unit defaults to hours). */
export function accessTokenTtlSeconds(c: Pick<ClientRecord, "AccessTokenValidity" | "TokenValidityUnits">): number {
  if (!c.AccessTokenValidity) return 3600;
  return c.AccessTokenValidity * UNIT_SECONDS[c.TokenValidityUnits?.AccessToken ?? "hours"];
}

export function validitySeconds(value: number, unit: string | undefined, fallbackUnit: string): number {
  return value * UNIT_SECONDS[unit ?? fallbackUnit];
}

interface SchemaAttribute {
  Name: string;
  AttributeDataType: string;
  DeveloperOnlyAttribute: boolean;
  Mutable: boolean;
  Required: boolean;
  StringAttributeConstraints?: { MinLength?: string; MaxLength?: string };
  NumberAttributeConstraints?: { MinValue?: string; MaxValue?: string };
}

const str = (Name: string, extra: Partial<SchemaAttribute> = {}): SchemaAttribute => ({
  Name,
  AttributeDataType: "String",
  DeveloperOnlyAttribute: false,
  Mutable: true,
  Required: false,
  StringAttributeConstraints: { MinLength: "0", MaxLength: "2048" },
  ...extra,
});
const bool = (Name: string): SchemaAttribute => ({ Name, AttributeDataType: "Boolean", DeveloperOnlyAttribute: false, Mutable: true, Required: false });

/** The standard attributes every new pool has, in Cognito's order. */
export function standardSchema(): SchemaAttribute[] {
  return [
    str("sub", { Mutable: false, Required: true, StringAttributeConstraints: { MinLength: "1", MaxLength: "2048" } }),
    ...["name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile", "picture", "website", "email"].map((n) => str(n)),
    bool("email_verified"),
    str("gender"),
    str("birthdate", { StringAttributeConstraints: { MinLength: "10", MaxLength: "10" } }),
    str("zoneinfo"),
    str("locale"),
    str("phone_number"),
    bool("phone_number_verified"),
    str("address"),
    { Name: "updated_at", AttributeDataType: "Number", DeveloperOnlyAttribute: false, Mutable: true, Required: false, NumberAttributeConstraints: { MinValue: "0" } },
  ];
}
