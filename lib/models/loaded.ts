// What a page or layout read for a component: the data, or the sentence (and AWS error name) saying why it could not be read.
export type Loaded<T> = { ok: true; data: T } | { ok: false; message: string; errorName?: string };
