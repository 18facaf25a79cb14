// IAM policy document types shared by the builders and the linter, and the canonical copy text.

export const POLICY_VERSION = "2012-10-17";

export type ConditionValues = Record<string, string | string[]>;
export type ConditionBlock = Record<string, ConditionValues>;
export type PrincipalBlock = "*" | Record<string, string | string[]>;

export interface PolicyStatement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Principal?: PrincipalBlock;
  NotPrincipal?: PrincipalBlock;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: ConditionBlock;
}

export interface PolicyDocument {
  Version: typeof POLICY_VERSION;
  Id?: string;
  Statement: PolicyStatement[];
}

/** Why a generated statement exists, so the UI can explain it next to the JSON. */
export interface StatementExplanation {
  sid: string;
  why: string;
}

/** The exact text the UI shows and copies. */
export function formatPolicy(doc: PolicyDocument): string {
  return JSON.stringify(doc, null, 2);
}

export function toArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Deduplicated and sorted by code unit, so output never depends on the runtime's locale. */
export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** IAM style: a single value as a string, several as an array. */
export function oneOrMany(values: string[]): string | string[] {
  return values.length === 1 ? values[0] : values;
}
