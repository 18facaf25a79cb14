// Turns pasted text (or an already-parsed value) into a policy's statements, or a precise error.

import { parseJsonText, type DuplicateKey } from "@/formats/json-positions";

export type PolicyParseError =
  | { kind: "json"; message: string; line: number; column: number; position: number }
  | { kind: "policy"; message: string };

export interface ParsedPolicy {
  document: Record<string, unknown>;
  /** Statement as written, always as a list (IAM accepts a single object too). */
  statements: Record<string, unknown>[];
  duplicateKeys: DuplicateKey[];
}

export type ParsePolicyResult = { ok: true; policy: ParsedPolicy } | { ok: false; error: PolicyParseError };

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function notAPolicy(message: string): ParsePolicyResult {
  return { ok: false, error: { kind: "policy", message: `Not a policy: ${message}` } };
}

/** Checks the document-level shape of a parsed JSON value. */
export function readPolicyValue(value: unknown, duplicateKeys: DuplicateKey[] = []): ParsePolicyResult {
  if (!isObject(value)) {
    return notAPolicy(`expected a JSON object with Version and Statement, got ${kindOf(value)}`);
  }
  if (!("Statement" in value)) {
    const near = Object.keys(value).find((k) => k.toLowerCase() === "statement");
    return notAPolicy(
      near === undefined
        ? "Statement missing"
        : `Statement missing (found "${near}"; IAM element names are case-sensitive)`,
    );
  }
  const raw = value.Statement;
  const list = Array.isArray(raw) ? raw : [raw];
  if (!Array.isArray(raw) && !isObject(raw)) {
    return notAPolicy(`Statement must be an object or an array of objects, got ${kindOf(raw)}`);
  }
  if (list.length === 0) return notAPolicy("Statement is an empty array");
  const bad = list.findIndex((s) => !isObject(s));
  if (bad !== -1) return notAPolicy(`Statement[${bad}] must be an object, got ${kindOf(list[bad])}`);
  return { ok: true, policy: { document: value, statements: list as Record<string, unknown>[], duplicateKeys } };
}

export function parsePolicyDocument(text: string): ParsePolicyResult {
  if (typeof text !== "string" || text.trim() === "") {
    return { ok: false, error: { kind: "json", message: "Nothing to check: the text is empty", line: 1, column: 1, position: 0 } };
  }
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, error: { kind: "json", ...json.error } };
  return readPolicyValue(json.value, json.duplicateKeys);
}
