// Strict JSON parser for pasted policies: exact line/column errors and duplicate-key detection.

export interface JsonTextError {
  message: string;
  /** 0-based offset into the text. */
  position: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

export interface DuplicateKey {
  /** Where the object holding the key sits, e.g. `Statement[0].Condition`; "" for the top level. */
  path: string;
  key: string;
  line: number;
  column: number;
}

export type JsonTextResult =
  | { ok: true; value: unknown; duplicateKeys: DuplicateKey[] }
  | { ok: false; error: JsonTextError };

const MAX_DEPTH = 64;

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

function describe(ch: string | undefined): string {
  if (ch === undefined) return "end of input";
  if (ch === "\n") return "a line break";
  return `'${ch}'`;
}

export function parseJsonText(text: string): JsonTextResult {
  let pos = 0;
  const duplicateKeys: DuplicateKey[] = [];

  const fail = (message: string, at = pos): never => {
    throw new JsonSyntaxError(message, at);
  };

  const skipWhitespace = () => {
    for (;;) {
      const ch = text[pos];
      if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
        pos++;
      } else if (ch === "/" && (text[pos + 1] === "/" || text[pos + 1] === "*")) {
        fail("comments are not allowed in JSON");
      } else {
        return;
      }
    }
  };

  const parseString = (): string => {
    if (text[pos] === "'") fail("strings and property names must use double quotes");
    const start = pos;
    pos++; // opening quote
    let out = "";
    for (;;) {
      const ch = text[pos];
      if (ch === undefined) fail("unterminated string", start);
      if (ch === '"') {
        pos++;
        return out;
      }
      if (ch === "\\") {
        const esc = text[pos + 1];
        const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (esc !== undefined && esc in simple) {
          out += simple[esc];
          pos += 2;
        } else if (esc === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else {
          fail(`invalid escape sequence \\${esc ?? ""}`);
        }
      } else if (ch < " ") {
        fail("unescaped control character (such as a line break) inside a string");
      } else {
        out += ch;
        pos++;
      }
    }
  };

  const parseNumber = (): number => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(pos));
    if (!match || match[0] === "-") fail("invalid number");
    pos += match![0].length;
    return Number(match![0]);
  };

  const parseValue = (path: string, depth: number): unknown => {
    if (depth > MAX_DEPTH) fail("nested too deeply");
    skipWhitespace();
    const ch = text[pos];
    if (ch === "{") return parseObject(path, depth);
    if (ch === "[") return parseArray(path, depth);
    if (ch === '"' || ch === "'") return parseString();
    if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) return parseNumber();
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return value;
      }
    }
    return fail(ch === undefined ? "unexpected end of input: a value is missing" : `unexpected ${describe(ch)}: expected a value`);
  };

  const parseObject = (path: string, depth: number): Record<string, unknown> => {
    pos++; // {
    const obj: Record<string, unknown> = {};
    const seen = new Set<string>();
    skipWhitespace();
    if (text[pos] === "}") {
      pos++;
      return obj;
    }
    for (;;) {
      skipWhitespace();
      const ch = text[pos];
      if (ch === "}") fail("trailing comma before '}'");
      if (ch !== '"' && ch !== "'") fail(`unexpected ${describe(ch)}: expected a double-quoted property name`);
      const keyPos = pos;
      const key = parseString();
      if (seen.has(key)) duplicateKeys.push({ path, key, ...lineAndColumn(text, keyPos) });
      seen.add(key);
      skipWhitespace();
      if (text[pos] !== ":") fail(`unexpected ${describe(text[pos])}: expected ':' after property name "${key}"`);
      pos++;
      const childPath = path === "" ? key : `${path}.${key}`;
      // defineProperty keeps "__proto__" an ordinary key instead of changing the prototype.
      Object.defineProperty(obj, key, { value: parseValue(childPath, depth + 1), enumerable: true, writable: true, configurable: true });
      skipWhitespace();
      const next = text[pos];
      if (next === ",") {
        pos++;
        continue;
      }
      if (next === "}") {
        pos++;
        return obj;
      }
      fail(`unexpected ${describe(next)}: expected ',' or '}' after the value of "${key}"`);
    }
  };

  const parseArray = (path: string, depth: number): unknown[] => {
    pos++; // [
    const arr: unknown[] = [];
    skipWhitespace();
    if (text[pos] === "]") {
      pos++;
      return arr;
    }
    for (;;) {
      skipWhitespace();
      if (text[pos] === "]") fail("trailing comma before ']'");
      arr.push(parseValue(`${path}[${arr.length}]`, depth + 1));
      skipWhitespace();
      const next = text[pos];
      if (next === ",") {
        pos++;
        continue;
      }
      if (next === "]") {
        pos++;
        return arr;
      }
      fail(`unexpected ${describe(next)}: expected ',' or ']' in the array`);
    }
  };

  try {
    if (text.charCodeAt(0) === 0xfeff) pos = 1; // byte order mark from some editors
    const value = parseValue("", 0);
    skipWhitespace();
    if (pos < text.length) fail(`unexpected ${describe(text[pos])} after the end of the JSON value`);
    return { ok: true, value, duplicateKeys };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = lineAndColumn(text, error.position);
    return {
      ok: false,
      error: {
        message: `Invalid JSON at line ${line}, column ${column}: ${error.message}`,
        position: error.position,
        line,
        column,
      },
    };
  }
}
