// Limits that keep hostile input from crashing the sandbox: request body size and nesting depth of documents.

/** Deepest nesting AWS-shaped documents get here (JSON bodies, tool schemas, inline OpenAPI/Smithy/MCP documents). */
export const MAX_NESTING_DEPTH = 100;
/** Largest request body served (API Gateway's payload limit in front of AWS's REST services is 10 MB). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Nesting depth of `[`/`{` in JSON (or YAML flow collections) outside strings, without parsing; stops counting
 * once `max` is passed. Linear and iterative, so it is safe on any input size the body limit lets through.
 */
export function nestingDepth(text: string, max = MAX_NESTING_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = "";
      continue;
    }
    if (c === '"') quote = c;
    else if (c === "[" || c === "{") {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > max) return deepest;
    } else if (c === "]" || c === "}") depth = Math.max(0, depth - 1);
  }
  return deepest;
}

export function tooDeep(text: string, max = MAX_NESTING_DEPTH): boolean {
  return nestingDepth(text, max) > max;
}
