// Server-only: where the console reaches Cognito's OIDC side (AWS or the sandbox) and which region a pool lives in.
import "server-only";
import type { OidcHost } from "@/lib/schemas/cognito";
import { regionOfPoolId } from "@/formats/cognito-urls";
import { getBackend, isKnownRegion } from "../config";
import { ConsoleError } from "../errors";

/** Where the console reaches Cognito's OIDC side: AWS, or the sandbox the SDK is pointed at. */
export function oidcHost(): OidcHost {
  if (getBackend() === "aws") return { backend: "aws" };
  const baseUrl = process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER || process.env.AWS_ENDPOINT_URL;
  if (!baseUrl) throw new ConsoleError("unreachable", "The console is in sandbox mode but no sandbox endpoint is configured. Start it with `npm start`.", "SandboxNotConfigured");
  return { backend: "sandbox", baseUrl };
}

/** Pools live in the region their id starts with; fall back to the console's region. */
export function poolRegion(poolId: string, fallback: string): string {
  const r = regionOfPoolId(poolId);
  return isKnownRegion(r) ? r : fallback;
}
