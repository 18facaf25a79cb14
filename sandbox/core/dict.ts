// Prototype-free objects for state and input keyed by user-supplied strings (names, ids, regions, tags).
// A plain `{}` answers "constructor" or "toString" from Object.prototype and treats "__proto__" as its
// prototype, which gives phantom records and false conflicts; these objects have no prototype at all.

/** An empty object without a prototype: every key, `__proto__` included, is an ordinary own key. */
export function dict<T = unknown>(entries?: Iterable<readonly [string, T]>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  if (entries) for (const [k, v] of entries) out[k] = v;
  return out;
}

/** The own value at `key`, never one inherited from Object.prototype. */
export function own<T>(record: Record<string, T> | undefined | null, key: string): T | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Deep copy of parsed JSON with every object prototype-free (arrays stay arrays). Iterative: no stack limit. */
export function nullPrototypeDeep<T>(value: T): T {
  if (!value || typeof value !== "object") return value;
  const root = Array.isArray(value) ? [] : dict();
  const stack: [unknown, Record<string, unknown> | unknown[]][] = [[value, root]];
  while (stack.length) {
    const [from, to] = stack.pop()!;
    for (const [k, v] of Object.entries(from as object)) {
      let copy: unknown = v;
      if (v && typeof v === "object") {
        copy = Array.isArray(v) ? [] : dict();
        stack.push([v, copy as Record<string, unknown>]);
      }
      if (Array.isArray(to)) to[Number(k)] = copy;
      else to[k] = copy;
    }
  }
  return root as T;
}

/** JSON.parse whose objects are all prototype-free. */
export function parseJsonDict(text: string): unknown {
  return JSON.parse(text, (_key, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.assign(dict(), v) : v));
}
