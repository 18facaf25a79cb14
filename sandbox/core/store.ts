// JSON state per service, kept in memory and persisted with atomic writes (temp file, fsync, rename).
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { nullPrototypeDeep, parseJsonDict } from "./dict";

/** The state holds secrets (API keys, client secrets, Cognito signing keys): owner-only folder and files. */
export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

export type ServiceState = Record<string, unknown>;

const SAFE_NAME = /^[a-z0-9][a-z0-9._-]*$/;

export class Store {
  private states = new Map<string, ServiceState>();

  /** `dir` undefined → purely in memory (nothing is written). */
  constructor(readonly dir?: string) {
    if (dir) {
      fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
      this.cleanupTemps();
      this.tighten();
    }
  }

  /** Folders and files written before the modes were enforced (or by hand) are made owner-only again. */
  private tighten() {
    fs.chmodSync(this.dir!, DIR_MODE);
    for (const f of fs.readdirSync(this.dir!, { withFileTypes: true })) {
      if (f.isFile()) fs.chmodSync(path.join(this.dir!, f.name), FILE_MODE);
    }
  }

  private file(service: string): string {
    if (!SAFE_NAME.test(service)) throw new Error(`invalid service name for the store: ${service}`);
    return path.join(this.dir!, `${service}.json`);
  }

  /** Temp files are leftovers of a crash mid-write: the real file is still the previous good state. */
  private cleanupTemps() {
    for (const f of fs.readdirSync(this.dir!)) {
      if (f.endsWith(".tmp")) {
        try {
          fs.unlinkSync(path.join(this.dir!, f));
        } catch {
          // another process may have renamed it already
        }
      }
    }
  }

  /** The state object of a service, loaded from disk on first use; mutate it, then call save(). */
  get<T extends object = ServiceState>(service: string, init: () => T = () => ({}) as T): T {
    let s = this.states.get(service);
    if (!s) {
      // Prototype-free all the way down, so keys such as __proto__ or constructor are ordinary keys.
      s = this.load(service) ?? nullPrototypeDeep(init() as ServiceState);
      this.states.set(service, s);
    }
    return s as T;
  }

  private load(service: string): ServiceState | undefined {
    if (!this.dir) return undefined;
    const file = this.file(service);
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
    try {
      const parsed = parseJsonDict(text);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as ServiceState;
    } catch {
      // fall through: keep the unreadable file aside rather than silently losing it
    }
    const aside = `${file}.corrupt-${Date.now()}`;
    fs.renameSync(file, aside);
    console.warn(`[sandbox] ${file} was unreadable; moved to ${aside} and starting empty`);
    return undefined;
  }

  save(service: string): void {
    if (!this.dir) return;
    const state = this.states.get(service);
    if (!state) return;
    writeFileAtomic(this.file(service), JSON.stringify(state, null, 1));
  }

  /** Replaces the state of a service (or drops it when `state` is undefined) and persists. */
  set(service: string, state: ServiceState | undefined): void {
    if (state) {
      this.states.set(service, state);
      this.save(service);
    } else {
      this.states.delete(service);
      if (this.dir) fs.rmSync(this.file(service), { force: true });
    }
  }

  /** Wipes every service's state, in memory and on disk. */
  reset(): void {
    this.states.clear();
    if (!this.dir) return;
    for (const f of fs.readdirSync(this.dir)) {
      if (f.endsWith(".json") || f.endsWith(".tmp")) fs.rmSync(path.join(this.dir, f), { force: true });
    }
  }
}

/** Writes a file so that readers see either the old or the new content, never a partial one. */
export function writeFileAtomic(file: string, data: string): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`);
  // Created owner-only; the rename keeps the mode, so the file is never readable by others, even briefly.
  const fd = fs.openSync(tmp, "wx", FILE_MODE);
  try {
    fs.fchmodSync(fd, FILE_MODE); // in case a umask or an odd filesystem gave it something else
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  try {
    const dfd = fs.openSync(dir, "r");
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    // directory fsync is not supported everywhere (e.g. Windows); the rename is still atomic
  }
}
