// Server-only audit log: appends one JSON line per mutating AWS call (and per revealed secret) and reads back the newest entries.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { currentActor } from "@/lib/auth/session";
import { getBackend } from "@/lib/aws/config";
import { MAX_RESOURCES, MAX_VALUE_LENGTH } from "./rules";

const text = (max: number) => z.string().max(max);

export const auditEntrySchema = z.object({
  time: z.iso.datetime(),
  who: text(MAX_VALUE_LENGTH),
  backend: z.enum(["sandbox", "aws"]),
  region: text(64),
  service: text(64),
  operation: text(128),
  resources: z.record(text(MAX_VALUE_LENGTH), text(MAX_VALUE_LENGTH)).refine((r) => Object.keys(r).length <= MAX_RESOURCES),
  /** "ok", or the AWS error name. */
  outcome: text(128),
  requestId: text(MAX_VALUE_LENGTH).optional(),
  secretRevealed: z.literal(true).optional(),
});

export type AuditEntry = z.infer<typeof auditEntrySchema>;

export type AuditRecord = Pick<AuditEntry, "region" | "service" | "operation" | "resources" | "outcome" | "requestId" | "secretRevealed">;

/** Lines stay under 4 KiB, so each is one small O_APPEND write that concurrent writers cannot interleave. */
export const MAX_LINE_BYTES = 4000;

export function auditLogPath(): string {
  // The ignore comments keep Next's file tracing from bundling the whole project for a path known only at run time.
  return path.resolve(/*turbopackIgnore: true*/ process.env.CONSOLE_AUDIT_LOG || path.join(".data", "audit.log"));
}

const preparedDirs = new Set<string>();

function line(entry: AuditEntry): string {
  let s = JSON.stringify(entry);
  if (Buffer.byteLength(s) > MAX_LINE_BYTES) s = JSON.stringify({ ...entry, resources: {} });
  return `${s}\n`;
}

/** Appends one entry; never throws, since a logging failure must not fail the user's action. */
export async function recordAudit(record: AuditRecord): Promise<void> {
  try {
    const entry: AuditEntry = { time: new Date().toISOString(), who: await currentActor(), backend: getBackend(), ...record };
    const file = auditLogPath();
    const dir = path.dirname(file);
    if (!preparedDirs.has(dir)) {
      await fs.promises.mkdir(/*turbopackIgnore: true*/ dir, { recursive: true, mode: 0o700 });
      preparedDirs.add(dir);
    }
    await fs.promises.appendFile(/*turbopackIgnore: true*/ file, line(entry), { flag: "a", mode: 0o600 });
  } catch (err) {
    console.error("audit log: could not record", record.service, record.operation, err);
  }
}

/** How far back from the end of the file a read looks: enough for `limit` full lines. */
const CHUNK = 64 * 1024;

/**
 * The newest `limit` entries, newest first. Reads only the tail of the file (it may be large); lines that are not
 * valid entries (a torn write, a hand edit) are skipped. A missing file is an empty log.
 */
export async function readAuditEntries(limit = 200): Promise<AuditEntry[]> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(/*turbopackIgnore: true*/ auditLogPath(), "r");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
  try {
    const { size } = await handle.stat();
    const budget = Math.min(size, limit * (MAX_LINE_BYTES + 1) + CHUNK);
    let start = size;
    let buf = Buffer.alloc(0);
    // Read backwards a chunk at a time until there are enough lines or the budget is spent.
    while (start > size - budget && countNewlines(buf) <= limit) {
      const len = Math.min(CHUNK, start - (size - budget));
      start -= len;
      const chunk = Buffer.alloc(len);
      await handle.read(chunk, 0, len, start);
      buf = Buffer.concat([chunk, buf]);
    }
    const lines = buf.toString("utf8").split("\n");
    if (start > 0) lines.shift(); // the first line is probably cut
    const entries: AuditEntry[] = [];
    for (let i = lines.length - 1; i >= 0 && entries.length < limit; i--) {
      const e = parse(lines[i]);
      if (e) entries.push(e);
    }
    return entries;
  } finally {
    await handle.close();
  }
}

function countNewlines(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) n++;
  return n;
}

function parse(l: string): AuditEntry | undefined {
  if (!l.trim()) return undefined;
  try {
    const r = auditEntrySchema.safeParse(JSON.parse(l));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}
