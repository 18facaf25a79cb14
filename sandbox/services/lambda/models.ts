// Lambda state (moto "models"): function records per region, ARNs, resource policies, and the code folders on disk.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { ServiceError } from "../../core/types";
import type { Store } from "../../core/store";
import { DIR_MODE, FILE_MODE } from "../../core/store";
import { dict } from "../../core/dict";

export const SERVICE_NAME = "lambda";
export const SUPPORTED_RUNTIMES = ["nodejs20.x", "nodejs22.x"];
/** Lambda's limits for a deployment package and its unpacked size. */
export const MAX_UNZIPPED_BYTES = 262_144_000;
export const MAX_TIMEOUT_SECONDS = 900;
export const MAX_ENVIRONMENT_BYTES = 4096;

export interface PolicyStatement {
  Sid: string;
  Effect: "Allow";
  Principal: unknown;
  Action: string;
  Resource: string;
  Condition?: Record<string, Record<string, string>>;
}

export interface FunctionRecord {
  FunctionName: string;
  FunctionArn: string;
  Runtime: string;
  Role: string;
  Handler: string;
  Description: string;
  Timeout: number;
  MemorySize: number;
  CodeSha256: string;
  CodeSize: number;
  LastModified: string;
  RevisionId: string;
  Environment?: { Variables: Record<string, string> };
  Tags?: Record<string, string>;
  Architectures: string[];
  policy: PolicyStatement[];
}

export interface LambdaState {
  regions: Record<string, { functions: Record<string, FunctionRecord> }>;
}

export const initialState = (): LambdaState => ({ regions: dict() });

export function lambdaState(store: Store): LambdaState {
  return store.get<LambdaState>(SERVICE_NAME, initialState);
}

export function regionFunctions(store: Store, region: string): Record<string, FunctionRecord> {
  const state = lambdaState(store);
  state.regions[region] ??= { functions: dict() };
  return state.regions[region].functions;
}

export const functionArn = (region: string, accountId: string, name: string) => `arn:aws:lambda:${region}:${accountId}:function:${name}`;

/** Lambda's own timestamp format: 2024-05-01T12:34:56.789+0000. */
export const lastModified = (now: number) => new Date(now).toISOString().replace("Z", "+0000");

const NAME_OR_ARN = /^(?:arn:(?:aws[a-zA-Z-]*)?:lambda:)?(?:([a-z]{2}(?:-gov)?-[a-z]+-\d{1}):)?(?:(\d{12}):)?(?:function:)?([a-zA-Z0-9-_.]+)(?::(\$LATEST|[a-zA-Z0-9-_]+))?$/;

export interface FunctionRef {
  region: string;
  accountId: string;
  name: string;
  qualifier?: string;
}

/** A FunctionName parameter (name, partial ARN or ARN, optionally qualified) → where to look. */
export function parseFunctionName(value: string, region: string, accountId: string): FunctionRef | undefined {
  const m = NAME_OR_ARN.exec(value);
  if (!m) return undefined;
  return { region: m[1] ?? region, accountId: m[2] ?? accountId, name: m[3], qualifier: m[4] };
}

export function notFound(arn: string): ServiceError {
  return new ServiceError("ResourceNotFoundException", `Function not found: ${arn}`, { fields: { Type: "User", Message: `Function not found: ${arn}` } });
}

export function invalidParameter(message: string): ServiceError {
  return new ServiceError("InvalidParameterValueException", message, { fields: { Type: "User" } });
}

/** Finds a function or throws ResourceNotFoundException the way Lambda words it. */
export function findFunction(store: Store, ref: FunctionRef, ownAccountId: string): FunctionRecord {
  const arn = functionArn(ref.region, ref.accountId, ref.name) + (ref.qualifier ? `:${ref.qualifier}` : "");
  if (ref.accountId !== ownAccountId) throw notFound(arn);
  const fn = lambdaState(store).regions[ref.region]?.functions[ref.name];
  // Versions and aliases are not published in the sandbox: only $LATEST exists.
  if (!fn || (ref.qualifier && ref.qualifier !== "$LATEST")) throw notFound(arn);
  return fn;
}

/** Base64 SHA-256 of the package, as CodeSha256 reports it. */
export const codeSha256 = (zip: Uint8Array) => crypto.createHash("sha256").update(zip).digest("base64");

const tempRoots = new WeakMap<Store, string>();

/** Where function code lives: beside the state (so restarts keep it), or a temp folder for an in-memory sandbox. */
export function codeRoot(store: Store): string {
  if (store.dir) return path.join(store.dir, "lambda-code");
  let root = tempRoots.get(store);
  if (!root) {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-lambda-"));
    tempRoots.set(store, root);
  }
  return root;
}

export function removeTempRoot(store: Store): void {
  const root = tempRoots.get(store);
  if (root) fs.rmSync(root, { recursive: true, force: true });
  tempRoots.delete(store);
}

const hex = (sha256: string) => Buffer.from(sha256, "base64").toString("hex");

/** The unpacked code of one package version: <root>/<region>/<name>/<sha256 hex>/. */
export function codeDir(store: Store, region: string, name: string, sha256: string): string {
  return path.join(codeRoot(store), region, name, hex(sha256));
}

/** Checks and unpacks a zip into memory: every entry a relative path inside the package, within Lambda's size limit. */
export function readZip(zip: Uint8Array): Map<string, Uint8Array> {
  const unusable = () => invalidParameter("Could not unzip uploaded file. Please check your file, then try to upload again.");
  let total = 0;
  let tooBig = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip, {
      filter(file) {
        total += file.originalSize;
        if (total > MAX_UNZIPPED_BYTES) tooBig = true;
        return !tooBig;
      },
    });
  } catch {
    throw unusable();
  }
  if (tooBig) throw invalidParameter(`Unzipped size must be smaller than ${MAX_UNZIPPED_BYTES} bytes`);
  const out = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith("/")) continue;
    const normal = path.posix.normalize(name.replace(/\\/g, "/"));
    // Zip-slip: an entry that would land outside the package folder makes the package unusable.
    if (normal.startsWith("../") || normal === ".." || path.posix.isAbsolute(normal) || /^[a-zA-Z]:/.test(normal) || normal.includes("\0")) throw unusable();
    out.set(normal, data);
  }
  if (out.size === 0) throw unusable();
  return out;
}

/** Writes the unpacked package (folders 0700, files 0600 like the rest of the state) and the zip itself beside it. */
export function writeCode(store: Store, region: string, name: string, sha256: string, zip: Uint8Array, files: Map<string, Uint8Array>): string {
  const dir = codeDir(store, region, name, sha256);
  if (fs.existsSync(dir)) return dir;
  const tmp = `${dir}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.partial`;
  fs.mkdirSync(tmp, { recursive: true, mode: DIR_MODE });
  for (const [rel, data] of files) {
    const file = path.join(tmp, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: DIR_MODE });
    fs.writeFileSync(file, data, { mode: FILE_MODE });
  }
  fs.renameSync(tmp, dir);
  fs.writeFileSync(`${dir}.zip`, zip, { mode: FILE_MODE });
  return dir;
}

/** The unpacked code for a record, unpacked again from its zip if the folder went missing. */
export function ensureCode(store: Store, region: string, fn: FunctionRecord): string | undefined {
  const dir = codeDir(store, region, fn.FunctionName, fn.CodeSha256);
  if (fs.existsSync(dir)) return dir;
  try {
    const zip = fs.readFileSync(`${dir}.zip`);
    return writeCode(store, region, fn.FunctionName, fn.CodeSha256, zip, readZip(zip));
  } catch {
    return undefined;
  }
}

/** Removes every code version of a function except `keep` (after an update or a delete). */
export function removeCode(store: Store, region: string, name: string, keep?: string): void {
  const parent = path.join(codeRoot(store), region, name);
  if (!fs.existsSync(parent)) return;
  const keepHex = keep ? hex(keep) : undefined;
  for (const entry of fs.readdirSync(parent)) {
    if (keepHex && (entry === keepHex || entry === `${keepHex}.zip`)) continue;
    fs.rmSync(path.join(parent, entry), { recursive: true, force: true });
  }
  if (!keep) fs.rmSync(parent, { recursive: true, force: true });
}

export function zipPath(store: Store, region: string, fn: FunctionRecord): string {
  return `${codeDir(store, region, fn.FunctionName, fn.CodeSha256)}.zip`;
}

/** FunctionConfiguration as Lambda returns it (the model's encoder keeps only modelled members). */
export function configurationView(fn: FunctionRecord): Record<string, unknown> {
  const { policy: _policy, Tags: _tags, ...rest } = fn;
  void _policy;
  void _tags;
  return {
    ...rest,
    Version: "$LATEST",
    State: "Active",
    LastUpdateStatus: "Successful",
    PackageType: "Zip",
    TracingConfig: { Mode: "PassThrough" },
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: "None", OptimizationStatus: "Off" },
    LoggingConfig: { LogFormat: "Text", LogGroup: `/aws/lambda/${fn.FunctionName}` },
  };
}

export function policyDocument(fn: FunctionRecord): string {
  return JSON.stringify({ Version: "2012-10-17", Id: "default", Statement: fn.policy });
}
