// Where a gateway's MCP endpoint and its OAuth protected-resource metadata live in the sandbox (computed per request).

/** `/gateway-runtime/{region}/{gatewayId}/mcp`: a prefix no AgentCore Control route uses, so the two never clash. */
export const RUNTIME_PATH = /^\/gateway-runtime\/(?<region>[^/]+)\/(?<gatewayId>[^/]+)\/mcp\/?$/;
/** RFC 9728 §3.1: the well-known segment goes between the host and the resource's path. */
export const METADATA_PATH = /^\/\.well-known\/oauth-protected-resource\/gateway-runtime\/(?<region>[^/]+)\/(?<gatewayId>[^/]+)\/mcp\/?$/;

const trimSlash = (url: string) => url.replace(/\/+$/, "");

/** The gateway URL the sandbox reports: on its own address as the caller reached it, so it follows a restart on another port. */
export function sandboxGatewayUrl(baseUrl: string, region: string, gatewayId: string): string {
  return `${trimSlash(baseUrl)}/gateway-runtime/${encodeURIComponent(region)}/${encodeURIComponent(gatewayId)}/mcp`;
}

export function protectedResourceMetadataUrl(baseUrl: string, region: string, gatewayId: string): string {
  return `${trimSlash(baseUrl)}/.well-known/oauth-protected-resource/gateway-runtime/${encodeURIComponent(region)}/${encodeURIComponent(gatewayId)}/mcp`;
}

export function isGatewayRuntimePath(path: string): boolean {
  return RUNTIME_PATH.test(path) || METADATA_PATH.test(path);
}
