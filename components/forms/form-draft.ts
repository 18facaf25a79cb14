// A form's unsaved input in sessionStorage: what is kept (never a secret), and how a stored draft is fitted back onto the form.

const PREFIX = "agentcore-console:draft:";

/** Keys whose string values are secrets: dropped from every draft, however deep. */
const SECRET_KEY = /(secret|password|passphrase|private.?key|api.?key|credential|token)$/i;

export const draftStorageKey = (key: string) => `${PREFIX}${key}`;

/** The values as they may be stored: every string under a secret-looking key (and every `omit` path) replaced by the initial value. */
export function draftOf<T>(values: T, initial: T, omit: readonly string[] = []): T {
  const walk = (v: unknown, init: unknown, path: string): unknown => {
    if (omit.includes(path)) return init;
    if (Array.isArray(v)) return v.map((x, i) => walk(x, Array.isArray(init) ? init[i] : undefined, `${path}.${i}`));
    if (isRecord(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const sub = path ? `${path}.${k}` : k;
        const i = isRecord(init) ? init[k] : undefined;
        out[k] = typeof x === "string" && SECRET_KEY.test(k) ? (typeof i === "string" ? i : "") : walk(x, i, sub);
      }
      return out;
    }
    return v;
  };
  return walk(values, initial, "") as T;
}

/**
 * Fits a stored draft onto the form's initial values: only keys the form has, only values of the same kind
 * (string, number, boolean, list, object), so an old or tampered draft can never put a shape the form cannot draw.
 */
export function fitDraft<T>(initial: T, stored: unknown): T {
  const fit = (init: unknown, s: unknown): unknown => {
    if (Array.isArray(init)) {
      if (!Array.isArray(s)) return init;
      const template = init[0];
      return template === undefined ? sameKindAsFirst(s.filter(isPlainItem)) : s.map((x) => fit(template, x));
    }
    if (isRecord(init)) {
      if (!isRecord(s)) return init;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(init)) out[k] = k in s ? fit(v, s[k]) : v;
      return out;
    }
    return typeof s === typeof init ? s : init;
  };
  return fit(initial, stored) as T;
}

/** An item of a list that starts empty (tags, claims, scopes): a string, or an object of plain values and lists of strings. */
function isPlainItem(x: unknown): boolean {
  const plain = (v: unknown) => typeof v === "string" || typeof v === "boolean";
  if (typeof x === "string") return true;
  return isRecord(x) && Object.values(x).every((v) => plain(v) || (Array.isArray(v) && v.every((e) => typeof e === "string")));
}

/** Items like the first one: all strings, or all objects with the first one's keys. */
function sameKindAsFirst(items: unknown[]): unknown[] {
  const first = items[0];
  if (first === undefined) return items;
  const keys = isRecord(first) ? Object.keys(first).sort().join() : null;
  return items.filter((x) => (keys === null ? typeof x === "string" : isRecord(x) && Object.keys(x).sort().join() === keys));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The stored draft for a key, or null (none, unreadable, or storage unavailable). */
export function readDraft(storage: Storage | undefined, key: string): unknown {
  try {
    const text = storage?.getItem(draftStorageKey(key));
    return text ? (JSON.parse(text) as { values?: unknown }).values ?? null : null;
  } catch {
    return null;
  }
}

/** Stores a draft; when it does not fit (quota), removes the old one so stale input never comes back. */
export function writeDraft(storage: Storage | undefined, key: string, values: unknown): void {
  try {
    storage?.setItem(draftStorageKey(key), JSON.stringify({ savedAt: Date.now(), values }));
  } catch {
    removeDraft(storage, key);
  }
}

export function removeDraft(storage: Storage | undefined, key: string): void {
  try {
    storage?.removeItem(draftStorageKey(key));
  } catch {
    // Storage disabled: there is nothing to remove.
  }
}
