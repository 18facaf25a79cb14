// Ready-to-run commands and client config for a gateway's MCP endpoint, the token always left as $TOKEN.
export type SnippetAuth = "bearer" | "iam" | "none";

const TOOLS_LIST = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" });
/** Single-quoted for a POSIX shell: a quote inside becomes '\'' . */
const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function inspectorCommand(url: string, auth: SnippetAuth): string {
  const header = auth === "bearer" ? ` --header "Authorization: Bearer $TOKEN"` : "";
  return `npx @modelcontextprotocol/inspector --cli ${sh(url)} --transport http --method tools/list${header}`;
}

/** A curl for tools/list; AWS_IAM gateways are signed by curl itself (--aws-sigv4) with the shell's credentials. */
export function curlToolsList(url: string, auth: SnippetAuth, region: string): string {
  const lines = [`curl -sS -X POST ${sh(url)}`, `-H 'Content-Type: application/json'`, `-H 'Accept: application/json, text/event-stream'`];
  if (auth === "bearer") lines.push(`-H "Authorization: Bearer $TOKEN"`);
  if (auth === "iam") lines.push(`--aws-sigv4 ${sh(`aws:amz:${region}:bedrock-agentcore`)}`, `--user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"`);
  lines.push(`-d ${sh(TOOLS_LIST)}`);
  return lines.join(" \\\n  ");
}

/** An `mcpServers` entry as MCP clients (Claude Desktop, Cursor, VS Code…) read it. */
export function mcpServersEntry(name: string, url: string, auth: SnippetAuth): string {
  const server: Record<string, unknown> = { type: "http", url };
  if (auth === "bearer") server.headers = { Authorization: "Bearer $TOKEN" };
  return JSON.stringify({ mcpServers: { [name]: server } }, null, 2);
}
