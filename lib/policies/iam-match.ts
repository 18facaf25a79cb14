// How IAM matches Action and Resource patterns (wildcards, escapes, ARN segments) for the linter.

const ESCAPES: Record<string, string> = { "${*}": "*", "${?}": "?", "${$}": "$" };

function globToRegExpSource(pattern: string): string {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const escape = pattern.slice(i, i + 4);
    if (escape in ESCAPES) {
      out += ESCAPES[escape].replace(/[$*?]/, "\\$&");
      i += 3;
      continue;
    }
    if (pattern.startsWith("${", i)) {
      // Another policy variable (${aws:username}…): its value is unknown here, so it may be anything.
      const end = pattern.indexOf("}", i);
      if (end !== -1) {
        out += ".*";
        i = end;
        continue;
      }
    }
    const ch = pattern[i];
    if (ch === "*") out += ".*";
    else if (ch === "?") out += ".";
    else out += ch.replace(/[\\^$.|+()[\]{}/-]/g, "\\$&");
  }
  return out;
}

/** The literal text an exact (generated) resource stands for, with IAM escapes resolved. */
export function unescapeIamResource(value: string): string {
  return value.replace(/\$\{[*?$]\}/g, (escape) => ESCAPES[escape]);
}

/** True when the pattern contains a wildcard or a policy variable, i.e. it may match more than one value. */
export function hasWildcard(pattern: string): boolean {
  const withoutEscapes = pattern.replace(/\$\{[*?$]\}/g, "");
  return /[*?]|\$\{/.test(withoutEscapes);
}

export function actionMatches(pattern: string, action: string): boolean {
  return new RegExp(`^${globToRegExpSource(pattern)}$`, "is").test(action);
}

function splitArn(value: string): string[] | null {
  const parts = value.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return null;
  return [...parts.slice(0, 5), parts.slice(5).join(":")];
}

/**
 * Resource matching is case-sensitive. An ARN pattern is matched segment by segment, so a
 * wildcard never crosses the colons of partition, service, region and account; in the resource
 * part it may cross anything (`function:*` covers `function:f:PROD`). `value` may carry IAM escapes.
 */
export function resourceMatches(pattern: string, value: string): boolean {
  if (pattern === "*") return true;
  const literal = unescapeIamResource(value);
  const patternParts = splitArn(pattern);
  const valueParts = splitArn(literal);
  if (!patternParts || !valueParts) {
    return new RegExp(`^${globToRegExpSource(pattern)}$`, "s").test(literal);
  }
  return patternParts.every((part, i) => new RegExp(`^${globToRegExpSource(part)}$`, "s").test(valueParts[i]));
}
