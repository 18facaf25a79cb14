// Outbound HTTP from the gateway (OIDC discovery, JWKS, token endpoints, target calls): bounded in time and size.
// Loopback addresses are allowed on purpose: in the sandbox the identity providers and targets are local servers.

export const OUTBOUND_TIMEOUT_MS = 10_000;
export const MAX_OUTBOUND_BYTES = 10 << 20;

export class OutboundError extends Error {}

export interface OutboundResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** Only http(s) URLs leave the sandbox (no file:, data:, …). */
export function checkUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundError(`${JSON.stringify(raw)} is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new OutboundError(`${url.protocol} URLs are not fetched (only http and https)`);
  return url;
}

/** A fetch that gives up after the timeout and refuses bodies over the limit. */
export const boundedFetch: typeof fetch = async (input, init) => {
  const signal = init?.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(OUTBOUND_TIMEOUT_MS)]) : AbortSignal.timeout(OUTBOUND_TIMEOUT_MS);
  return fetch(input, { ...init, signal, redirect: init?.redirect ?? "manual" });
};

/** Fetches and reads the whole body as text (within the limits); network failures become OutboundError. */
export async function fetchText(raw: string, init: RequestInit = {}, limit = MAX_OUTBOUND_BYTES): Promise<OutboundResponse> {
  const url = checkUrl(raw);
  let res: Response;
  try {
    res = await boundedFetch(url, init);
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const why = (e as Error).name === "TimeoutError" ? `no answer within ${OUTBOUND_TIMEOUT_MS} ms` : (cause?.code ?? cause?.message ?? (e as Error).message);
    throw new OutboundError(`could not reach ${url.origin}: ${why}`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (res.body) {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > limit) throw new OutboundError(`the answer of ${url.origin} is larger than ${limit} bytes`);
      chunks.push(chunk);
    }
  }
  return { status: res.status, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") };
}
