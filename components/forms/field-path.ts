// Typed dotted paths into form values ("jwt.customClaims.0.name"): the path type, its value type, and get/set on plain objects.

type Leaf = string | number | boolean | bigint | symbol | null | undefined | Date | File | Blob;

/** Every dotted path into T, array items as `${number}`; a path that does not exist is a compile error. */
export type Path<T> = T extends Leaf
  ? never
  : T extends readonly (infer E)[]
    ? `${number}` | `${number}.${Path<NonNullable<E>>}`
    : { [K in keyof T & string]: K | `${K}.${Path<NonNullable<T[K]>>}` }[keyof T & string];

/** The type found at a path of T. */
export type PathValue<T, P extends string> = P extends `${infer K}.${infer Rest}`
  ? T extends readonly (infer E)[]
    ? K extends `${number}`
      ? PathValue<NonNullable<E>, Rest>
      : never
    : K extends keyof T
      ? PathValue<NonNullable<T[K]>, Rest>
      : never
  : T extends readonly (infer E)[]
    ? P extends `${number}`
      ? E
      : never
    : P extends keyof T
      ? T[P]
      : never;

/** The paths of T that hold exactly a string (what a text input can write; enums need a checked value). */
export type StringPath<T> = { [P in Path<T>]: string extends PathValue<T, P> ? (PathValue<T, P> extends string ? P : never) : never }[Path<T>];

// Paths come from code, but a segment that reaches the prototype would corrupt every object, so it is refused.
const FORBIDDEN = new Set(["__proto__", "prototype", "constructor"]);

function segments(path: string): string[] {
  const parts = path.split(".");
  for (const p of parts) if (p === "" || FORBIDDEN.has(p)) throw new Error(`Invalid field path "${path}".`);
  return parts;
}

type Container = Record<string, unknown> | unknown[];
const isContainer = (v: unknown): v is Container => typeof v === "object" && v !== null;

/** The value at a path, or undefined when part of it is missing. */
export function getPath<T, P extends Path<T>>(obj: T, path: P): PathValue<T, P> {
  let cur: unknown = obj;
  for (const key of segments(path)) {
    if (!isContainer(cur)) return undefined as PathValue<T, P>;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur as PathValue<T, P>;
}

/** A copy of obj with the value at path replaced; only the objects along the path are copied, the rest is shared. */
export function setPath<T, P extends Path<T>>(obj: T, path: P, value: PathValue<T, P>): T {
  const keys = segments(path);
  const write = (node: unknown, i: number): unknown => {
    if (!isContainer(node)) throw new Error(`Field path "${path}" does not exist: "${keys.slice(0, i).join(".")}" is not an object.`);
    const key = keys[i];
    const copy: Container = Array.isArray(node) ? [...node] : { ...node };
    const next = i === keys.length - 1 ? value : write((node as Record<string, unknown>)[key], i + 1);
    (copy as Record<string, unknown>)[key] = next;
    return copy;
  };
  return write(obj, 0) as T;
}

/** Whether key is prefix itself or a field under it ("tags" covers "tags.0.key", not "tagsExtra"). */
export const covers = (prefix: string, key: string) => key === prefix || key.startsWith(`${prefix}.`);
