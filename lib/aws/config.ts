// Server-only backend settings: which backend (sandbox or AWS), the region, and the regions offered.
import "server-only";
import { cookies } from "next/headers";

export type Backend = "sandbox" | "aws";

export const REGION_COOKIE = "agc-region";

/** Regions where AgentCore Gateway is offered; the banner's switcher lists these. */
export const REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-2",
  "ca-central-1",
  "sa-east-1",
  "eu-central-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-north-1",
  "ap-south-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-northeast-1",
  "ap-northeast-2",
] as const;

export function getBackend(): Backend {
  return process.env.CONSOLE_BACKEND === "aws" ? "aws" : "sandbox";
}

export function defaultRegion(): string {
  return process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || "us-east-1";
}

export function isKnownRegion(region: string): boolean {
  return /^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(region);
}

/** The region of this request: the switcher's cookie when set, else the configured default. */
export async function getRegion(): Promise<string> {
  const fromCookie = (await cookies()).get(REGION_COOKIE)?.value;
  return fromCookie && isKnownRegion(fromCookie) ? fromCookie : defaultRegion();
}

/** Where the sandbox listens, for display; undefined on AWS. */
export function sandboxEndpoint(): string | undefined {
  if (getBackend() !== "sandbox") return undefined;
  return process.env.AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL || process.env.AWS_ENDPOINT_URL || undefined;
}
