// A small JSON parser that keeps the source offset of every key and value, with plain-English syntax errors.

/** 1-based line and column; columns count UTF-16 code units, as browser editors do. */
export interface TextPosition {
  line: number;
  column: number;
}

interface Span {
  /** Offset of the value's first character. */
  start: number;
  /** Offset just past the value's last character. */
  end: number;
}

export type JsonNode =
  | (Span & { kind: "object"; entries: JsonEntry[] })
  | (Span & { kind: "array"; items: JsonNode[] })
  | (Span & { kind: "string"; value: string })
  | (Span & { kind: "number"; value: number })
  | (Span & { kind: "boolean"; value: boolean })
  | (Span & { kind: "null"; value: null });

export type JsonObjectNode = Extract<JsonNode, { kind: "object" }>;

export interface JsonEntry {
  key: string;
  keyStart: number;
  value: JsonNode;
}

export interface JsonSyntaxError extends TextPosition {
  offset: number;
  message: string;
}

export type JsonParseResult = { ok: true; root: JsonNode } | { ok: false; error: JsonSyntaxError };

/** Maps offsets to line/column; build once per text when placing many offsets. */
export function lineIndex(text: string): (offset: number) => TextPosition {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - starts[lo] + 1 };
  };
}

export function positionAt(text: string, offset: number): TextPosition {
  return lineIndex(text)(offset);
}

/** The entry JSON.parse would keep for a key: the last one. */
export function getEntry(node: JsonObjectNode, key: string): JsonEntry | undefined {
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i].key === key) return node.entries[i];
  return undefined;
}

/** Entries whose key already appeared earlier in the same object. */
export function duplicateEntries(node: JsonObjectNode): JsonEntry[] {
  const seen = new Set<string>();
  return node.entries.filter((e) => (seen.has(e.key) ? true : (seen.add(e.key), false)));
}

/** The plain value, as JSON.parse would return it (last duplicate key wins). */
export function jsonToValue(node: JsonNode): unknown {
  switch (node.kind) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const e of node.entries) {
        // defineProperty, so a "__proto__" key stays data as it does with JSON.parse.
        Object.defineProperty(out, e.key, { value: jsonToValue(e.value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case "array":
      return node.items.map(jsonToValue);
    default:
      return node.value;
  }
}

const MAX_DEPTH = 512;

class Syntax {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

const WORD = /[A-Za-z_$][A-Za-z0-9_$]*/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

const isInvisible = (cp: number) => cp === 0xa0 || cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0xfeff || (cp >= 0x2000 && cp <= 0x200f) || cp === 0x2028 || cp === 0x2029;

/** "Unexpected X — why", where a stray invisible character (often pasted from a web page) gets its own why. */
function unexpected(text: string, at: number, why: string): string {
  const cp = text.codePointAt(at);
  if (cp !== undefined && isInvisible(cp)) return `Unexpected ${describeChar(text, at)} — only spaces, tabs and line breaks may separate JSON tokens`;
  return `Unexpected ${describeChar(text, at)} — ${why}`;
}

/** How a character is named in a message. */
function describeChar(text: string, at: number): string {
  if (at >= text.length) return "the end of the text";
  const cp = text.codePointAt(at)!;
  if (cp === 0xa0) return "non-breaking space (U+00A0)";
  if (isInvisible(cp)) return `invisible character U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  const ch = String.fromCodePoint(cp);
  return ch === "'" ? `"'"` : `'${ch}'`;
}

function wordAt(text: string, at: number): string | undefined {
  WORD.lastIndex = at;
  return WORD.exec(text)?.[0];
}

/** Why a character cannot start a value, for the most common slips. */
function badValueStart(text: string, at: number): string {
  const c = text[at];
  const word = wordAt(text, at);
  if (word !== undefined) {
    if (["true", "false", "null"].includes(word.toLowerCase())) {
      return `Unexpected '${word}' — JSON literals are lowercase: true, false and null`;
    }
    if (["undefined", "NaN", "Infinity"].includes(word)) return `Unexpected '${word}' — JSON has no ${word}: use null or a number`;
    return `Unexpected '${word}' — text must be in double quotes ("${word}")`;
  }
  if (c === "'") return `Unexpected "'" — JSON strings use double quotes, not single quotes`;
  if (c === "\u201c" || c === "\u201d" || c === "\u2018" || c === "\u2019") {
    return `Unexpected ${describeChar(text, at)} — use straight double quotes (") in JSON, not typographic quotes`;
  }
  if (c === "+") return "Unexpected '+' — JSON numbers cannot start with '+'";
  if (c === ".") return "Unexpected '.' — a number must start with a digit (write 0.5, not .5)";
  if (c === "/" && (text[at + 1] === "/" || text[at + 1] === "*")) return "Comments are not allowed in JSON";
  return unexpected(text, at, "expected a value (a string, number, object, array, true, false or null)");
}

const startsValue = (c: string | undefined) => c !== undefined && /["{[\-0-9tfn]/.test(c);

/** Parses JSON text, keeping every key's and value's offset; the first syntax error is placed and explained. */
export function parseJsonWithPositions(text: string): JsonParseResult {
  const at = lineIndex(text);
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  /** Offsets of the brackets still open, innermost last. */
  const open: number[] = [];
  /** Whether the token just read was a string: a stray word after it usually means a missing quote. */
  let afterString = false;

  const fail = (offset: number, message: string): never => {
    throw new Syntax(offset, message);
  };
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else if (c === 47 && (text[i + 1] === "/" || text[i + 1] === "*")) fail(i, "Comments are not allowed in JSON");
      else return;
    }
  };
  const unclosed = (): never => {
    if (!open.length) return fail(i, "Unexpected end of the text — expected a value");
    const o = open[open.length - 1];
    const close = text[o] === "{" ? "}" : "]";
    return fail(o, `Unclosed '${text[o]}' — the text ends before its matching '${close}'`);
  };
  const mismatch = (c: string): never => {
    const o = open[open.length - 1];
    const p = at(o);
    const close = text[o] === "{" ? "}" : "]";
    return fail(i, `Unexpected '${c}' — the '${text[o]}' at line ${p.line}, column ${p.column} must be closed with '${close}' first`);
  };
  /** After a value inside a container: a stray word right after a string usually means a missing quote. */
  const expectedSeparator = (close: "}" | "]"): never => {
    const word = wordAt(text, i);
    if (afterString && word !== undefined) return fail(i, `Unexpected '${word}' — the string before it is probably missing its closing '"'`);
    if (close === "}" && text[i] === '"') return fail(i, "Missing ',' between two properties");
    if (close === "]" && startsValue(text[i])) return fail(i, "Missing ',' between two array items");
    return fail(i, unexpected(text, i, `expected ',' or '${close}'`));
  };

  const string = (): Extract<JsonNode, { kind: "string" }> => {
    const start = i;
    i++;
    let value = "";
    let chunk = i;
    for (;;) {
      if (i >= text.length || text[i] === "\n" || text[i] === "\r") {
        return fail(start, `Unterminated string — add the closing '"' (a line break inside a string must be written as \\n)`);
      }
      const c = text.charCodeAt(i);
      if (c === 34) {
        value += text.slice(chunk, i);
        i++;
        afterString = true;
        return { kind: "string", value, start, end: i };
      }
      if (c === 9) fail(i, "A tab inside a string must be written as \\t");
      if (c < 32) fail(i, `The control character U+${c.toString(16).toUpperCase().padStart(4, "0")} must be escaped inside a string`);
      if (c === 92) {
        value += text.slice(chunk, i);
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e !== undefined && e in simple) {
          value += simple[e];
          i += 2;
        } else if (e === "u") {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail(i, "Invalid Unicode escape — \\u must be followed by four hex digits");
          value += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (e === undefined || e === "\n" || e === "\r") {
          return fail(start, `Unterminated string — add the closing '"' (a line break inside a string must be written as \\n)`);
        } else {
          fail(i, `Invalid escape '\\${e}' — valid escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX (write \\\\ for a backslash)`);
        }
        chunk = i;
        continue;
      }
      i++;
    }
  };

  const number = (): JsonNode => {
    const start = i;
    if (text[i] === "-" && !/[0-9]/.test(text[i + 1] ?? "")) {
      const word = wordAt(text, i + 1);
      if (word === "Infinity") fail(i, "Unexpected '-Infinity' — JSON has no Infinity: use null or a number");
      fail(i, "Unexpected '-' — expected a digit after the minus sign");
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text)!;
    i += m[0].length;
    const next = text[i];
    if (/[0-9]/.test(next ?? "") && /^-?0$/.test(m[0])) fail(start + m[0].length - 1, "Leading zeros are not allowed in JSON numbers");
    if (next === ".") fail(i, m[0].includes(".") || /[eE]/.test(m[0]) ? "Unexpected '.' — a number has at most one decimal point" : "Expected a digit after the decimal point");
    if (next === "e" || next === "E") fail(i, "Expected a digit in the exponent");
    afterString = false;
    return { kind: "number", value: Number(m[0]), start, end: i };
  };

  const value = (): JsonNode => {
    ws();
    if (i >= text.length) return unclosed();
    if (open.length >= MAX_DEPTH) fail(i, `Nesting is too deep — more than ${MAX_DEPTH} levels of objects and arrays`);
    const c = text[i];
    const start = i;
    if (c === "{") {
      open.push(i);
      i++;
      const entries: JsonEntry[] = [];
      ws();
      if (text[i] === "}") {
        i++;
        open.pop();
        afterString = false;
        return { kind: "object", entries, start, end: i };
      }
      for (;;) {
        ws();
        if (i >= text.length) return unclosed();
        if (text[i] !== '"') {
          const word = wordAt(text, i);
          if (word !== undefined) fail(i, `Unexpected '${word}' — a key must be in double quotes ("${word}")`);
          if (text[i] === "'") fail(i, `Unexpected "'" — JSON keys use double quotes, not single quotes`);
          if (text[i] === "]") mismatch("]");
          fail(i, unexpected(text, i, "expected a key in double quotes"));
        }
        const keyStart = i;
        const key = string().value;
        ws();
        if (i >= text.length) return unclosed();
        if (text[i] !== ":") {
          const hint = key.includes(":") ? ` — is the key missing its closing '"'?` : "";
          fail(i, `Expected ':' after the key "${key}" but found ${describeChar(text, i)}${hint}`);
        }
        i++;
        entries.push({ key, keyStart, value: value() });
        ws();
        if (text[i] === ",") {
          const comma = i;
          i++;
          ws();
          if (text[i] === "}") fail(comma, "Unexpected ',' — a trailing comma is not allowed in JSON");
          afterString = false;
          continue;
        }
        if (text[i] === "}") {
          i++;
          open.pop();
          afterString = false;
          return { kind: "object", entries, start, end: i };
        }
        if (i >= text.length) return unclosed();
        if (text[i] === "]") mismatch("]");
        expectedSeparator("}");
      }
    }
    if (c === "[") {
      open.push(i);
      i++;
      const items: JsonNode[] = [];
      ws();
      if (text[i] === "]") {
        i++;
        open.pop();
        afterString = false;
        return { kind: "array", items, start, end: i };
      }
      for (;;) {
        ws();
        if (text[i] === "}") mismatch("}");
        if (text[i] === ",") fail(i, "Unexpected ',' — expected a value before it");
        items.push(value());
        ws();
        if (text[i] === ",") {
          const comma = i;
          i++;
          ws();
          if (text[i] === "]") fail(comma, "Unexpected ',' — a trailing comma is not allowed in JSON");
          afterString = false;
          continue;
        }
        if (text[i] === "]") {
          i++;
          open.pop();
          afterString = false;
          return { kind: "array", items, start, end: i };
        }
        if (i >= text.length) return unclosed();
        if (text[i] === "}") mismatch("}");
        expectedSeparator("]");
      }
    }
    if (c === '"') return string();
    if (c === "-" || (c >= "0" && c <= "9")) return number();
    const word = wordAt(text, i);
    if (word === "true" || word === "false" || word === "null") {
      i += word.length;
      afterString = false;
      if (word === "null") return { kind: "null", value: null, start, end: i };
      return { kind: "boolean", value: word === "true", start, end: i };
    }
    if ((c === "}" || c === "]") && open.length) return fail(i, `Unexpected '${c}' — expected a value`);
    return fail(i, badValueStart(text, i));
  };

  try {
    ws();
    if (i >= text.length) fail(0, "The text is empty — expected a JSON value");
    const root = value();
    ws();
    if (i < text.length) {
      if (text[i] === ",") fail(i, "Unexpected ',' after the end of the JSON value — to list several values, wrap them in [ ]");
      fail(i, `Unexpected ${describeChar(text, i)} after the end of the JSON value`);
    }
    return { ok: true, root };
  } catch (e) {
    if (!(e instanceof Syntax)) throw e;
    return { ok: false, error: { offset: e.offset, message: e.message, ...at(e.offset) } };
  }
}

/** A key written twice in one object (JSON.parse silently keeps the last one). */
export interface DuplicateKey {
  /** Where the object holding the key sits, e.g. `Statement[0].Condition`; "" for the top level. */
  path: string;
  key: string;
  line: number;
  column: number;
}

export interface JsonTextError extends TextPosition {
  /** "Invalid JSON at line L, column C: why". */
  message: string;
  /** 0-based offset into the text. */
  position: number;
}

export type JsonTextResult = { ok: true; value: unknown; duplicateKeys: DuplicateKey[] } | { ok: false; error: JsonTextError };

/** 1-based line and column of an offset (one-off; use lineIndex for many). */
export function lineAndColumn(text: string, position: number): TextPosition {
  return positionAt(text, position);
}

/** Parses JSON into its plain value plus every duplicated key with its path and place (for policy documents). */
export function parseJsonText(text: string): JsonTextResult {
  const parsed = parseJsonWithPositions(text);
  if (!parsed.ok) {
    const { offset, line, column, message } = parsed.error;
    return { ok: false, error: { message: `Invalid JSON at line ${line}, column ${column}: ${message}`, position: offset, line, column } };
  }
  const at = lineIndex(text);
  const duplicateKeys: DuplicateKey[] = [];
  // Document order: a duplicate is reported where it is written, before anything nested under it.
  const walk = (node: JsonNode, path: string) => {
    if (node.kind === "array") node.items.forEach((item, i) => walk(item, `${path}[${i}]`));
    if (node.kind !== "object") return;
    const seen = new Set<string>();
    for (const entry of node.entries) {
      if (seen.has(entry.key)) duplicateKeys.push({ path, key: entry.key, ...at(entry.keyStart) });
      seen.add(entry.key);
      walk(entry.value, path === "" ? entry.key : `${path}.${entry.key}`);
    }
  };
  walk(parsed.root, "");
  return { ok: true, value: jsonToValue(parsed.root), duplicateKeys };
}
