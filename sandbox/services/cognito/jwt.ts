// RS256 signing keys and compact JWTs with node:crypto: one RSA keypair per user pool, JWKS entries like Cognito's.
import crypto from "node:crypto";
import { promisify } from "node:util";

const generateKeyPair = promisify(crypto.generateKeyPair);

export interface SigningKey {
  /** Key id in the JWT header and the JWKS (Cognito's look: base64 of 32 bytes, with padding). */
  kid: string;
  /** PKCS#8 PEM; it only ever lives in the sandbox state (data dir). */
  privateKeyPem: string;
  publicJwk: { kty: string; n: string; e: string };
}

/** The JWKS entry, members in the order Cognito serves them. */
export interface PublicJwk {
  alg: "RS256";
  e: string;
  kid: string;
  kty: string;
  n: string;
  use: "sig";
}

export async function generateSigningKey(): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair("rsa", { modulusLength: 2048, publicExponent: 0x10001 });
  const jwk = publicKey.export({ format: "jwk" }) as { kty: string; n: string; e: string };
  return {
    kid: crypto.randomBytes(32).toString("base64"),
    privateKeyPem: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    publicJwk: { kty: jwk.kty, n: jwk.n, e: jwk.e },
  };
}

export function publicJwk(key: SigningKey): PublicJwk {
  return { alg: "RS256", e: key.publicJwk.e, kid: key.kid, kty: key.publicJwk.kty, n: key.publicJwk.n, use: "sig" };
}

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

/** A compact JWS: header `{ kid, alg: "RS256" }` (Cognito sends no `typ`), RSASSA-PKCS1-v1_5 with SHA-256. */
export function signJwt(key: SigningKey, claims: Record<string, unknown>): string {
  const input = `${b64url({ kid: key.kid, alg: "RS256" })}.${b64url(claims)}`;
  const signature = crypto.sign("sha256", Buffer.from(input), crypto.createPrivateKey(key.privateKeyPem));
  return `${input}.${signature.toString("base64url")}`;
}
