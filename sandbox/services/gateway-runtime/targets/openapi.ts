// OpenAPI targets: a real HTTP request to the document's server, built from the arguments, with the outbound credential.
import { applyCredential, CredentialError, outboundCredential } from "../credentials";
import { checkUrl, fetchText, OutboundError } from "../outbound";
import { targetError, type CallContext, type CallToolResult } from "./types";

const scalar = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

export async function callOpenApiTarget(ctx: CallContext): Promise<CallToolResult> {
  const op = ctx.tool.operation!;
  if (!ctx.tool.serverUrl) return targetError(ctx, "The OpenAPI document has no servers[0].url, so the gateway does not know where to send the request");
  let path = op.path;
  const headers: Record<string, string> = { accept: "application/json, */*" };
  const query: [string, string][] = [];
  for (const p of op.parameters) {
    const v = ctx.args[p.name];
    if (v === undefined || v === null) {
      if (p.required) return targetError(ctx, `Missing required parameter ${p.name} (in ${p.in})`);
      continue;
    }
    if (p.in === "path") path = path.split(`{${p.name}}`).join(encodeURIComponent(scalar(v)));
    else if (p.in === "query") (Array.isArray(v) ? v : [v]).forEach((x) => query.push([p.name, scalar(x)]));
    else if (p.in === "header") headers[p.name.toLowerCase()] = scalar(v);
  }
  let url: URL;
  try {
    url = checkUrl(`${ctx.tool.serverUrl.replace(/\/+$/, "")}${path}`);
  } catch (e) {
    return targetError(ctx, `The request URL is not usable: ${(e as Error).message}`);
  }
  for (const [k, v] of query) url.searchParams.append(k, v);
  let body: string | undefined;
  if (op.bodyType && ctx.args.body !== undefined) {
    headers["content-type"] = op.bodyType;
    body = typeof ctx.args.body === "string" && !op.bodyType.includes("json") ? ctx.args.body : JSON.stringify(ctx.args.body);
  }
  try {
    applyCredential(await outboundCredential(ctx.tool.target.credentialProviderConfigurations?.[0] as Record<string, unknown> | undefined, ctx.regionState, ctx.now), headers, url);
  } catch (e) {
    if (e instanceof CredentialError || e instanceof OutboundError) return targetError(ctx, `The gateway could not get the target's credential: ${e.message}`);
    throw e;
  }
  let res;
  try {
    res = await fetchText(url.toString(), { method: op.method, headers, body });
  } catch (e) {
    if (e instanceof OutboundError) return targetError(ctx, `The gateway ${e.message}`);
    throw e;
  }
  if (res.status >= 400) return targetError(ctx, `The API answered HTTP ${res.status}: ${res.text}`);
  return { content: [{ type: "text", text: res.text }] };
}
