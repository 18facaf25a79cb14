// AWS_IAM inbound auth: recomputes the SigV4 signature (signing name bedrock-agentcore) with the sandbox's credentials.
import crypto from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import type { SandboxRequest } from "../../core/types";

/**
 * The secret access keys the sandbox accepts, with any access key id: `sandbox` (the console's), `sandbox-secret`
 * (this repo's tests) and SANDBOX_SECRET_ACCESS_KEY when set. They all act as the account's root credentials.
 */
export function sandboxSecrets(): string[] {
  const extra = process.env.SANDBOX_SECRET_ACCESS_KEY;
  return ["sandbox", "sandbox-secret", ...(extra ? [extra] : [])];
}

export const SIGNING_NAME = "bedrock-agentcore";
const MAX_SKEW_MS = 5 * 60 * 1000;

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: SourceData) => (typeof d === "string" ? d : ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : new Uint8Array(d));

/** The hash constructor the signer wants, on node:crypto (tests that sign requests use it too). */
export class Sha256 {
  private hash: crypto.Hash | crypto.Hmac;
  constructor(secret?: SourceData) {
    this.hash = secret ? crypto.createHmac("sha256", bytes(secret)) : crypto.createHash("sha256");
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

export type SigV4Outcome = { ok: true; accessKeyId: string } | { ok: false; code: string; message: string };

const AUTH = /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)\s*$/;

function parseAmzDate(v: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(v ?? "");
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) : undefined;
}

/** Verifies the request's SigV4 Authorization header; the failures are worded as AWS words them (HTTP 403). */
export async function verifySigV4(req: SandboxRequest, now: number): Promise<SigV4Outcome> {
  const header = req.headers.authorization;
  if (!header) return { ok: false, code: "MissingAuthenticationTokenException", message: "Missing Authentication Token" };
  const m = AUTH.exec(header);
  if (!m) return { ok: false, code: "IncompleteSignatureException", message: "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters of AWS4-HMAC-SHA256." };
  const [, accessKeyId, day, region, service, signedHeaders, signature] = m;
  if (service !== SIGNING_NAME) return { ok: false, code: "InvalidSignatureException", message: `Credential should be scoped to correct service: '${SIGNING_NAME}'.` };
  const date = parseAmzDate(req.headers["x-amz-date"]);
  if (!date || !date.toISOString().replace(/-/g, "").startsWith(day)) return { ok: false, code: "IncompleteSignatureException", message: "The request must carry an X-Amz-Date header matching the credential scope's date." };
  if (Math.abs(now - date.getTime()) > MAX_SKEW_MS) {
    return { ok: false, code: "InvalidSignatureException", message: `Signature expired: ${req.headers["x-amz-date"]} is now earlier than the allowed skew of 5 minutes.` };
  }
  const names = signedHeaders.split(";");
  if (!names.includes("host")) return { ok: false, code: "InvalidSignatureException", message: "The host header must be signed." };
  const headers: Record<string, string> = {};
  for (const n of names) if (req.headers[n] !== undefined) headers[n] = req.headers[n];
  const query: Record<string, string | string[]> = {};
  for (const k of new Set(req.query.keys())) {
    const all = req.query.getAll(k);
    query[k] = all.length > 1 ? all : all[0];
  }
  const [hostname, port] = (req.headers.host ?? "").split(/:(?=\d+$)/);
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    return { ok: false, code: "InvalidSignatureException", message: "The request path is not valid percent-encoding." };
  }
  const request = { method: req.method, protocol: "http:", hostname, port: port ? Number(port) : undefined, path, query, headers, body: req.body };
  for (const secretAccessKey of sandboxSecrets()) {
    const signer = new SignatureV4({ credentials: { accessKeyId, secretAccessKey, sessionToken: req.headers["x-amz-security-token"] }, region, service, sha256: Sha256, applyChecksum: false });
    const signed = await signer.sign(request, { signingDate: date, signableHeaders: new Set(names), unsignableHeaders: new Set(Object.keys(req.headers).filter((h) => !names.includes(h))) });
    const expected = /Signature=([0-9a-f]+)/.exec(signed.headers.authorization ?? "")?.[1] ?? "";
    if (expected.length === signature.length && crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) return { ok: true, accessKeyId };
  }
  return {
    ok: false,
    code: "InvalidSignatureException",
    message: "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
  };
}
