import { describe, expect, it } from "vitest";
import { curlToolsList, inspectorCommand, mcpServersEntry } from "./snippets";

const URL = "http://127.0.0.1:4599/gateway-runtime/us-east-1/orders-abcdefghij/mcp";

describe("use it elsewhere", () => {
  it("gives an MCP Inspector command with the token as $TOKEN, or none for gateways without auth", () => {
    expect(inspectorCommand(URL, "bearer")).toBe(`npx @modelcontextprotocol/inspector --cli '${URL}' --transport http --method tools/list --header "Authorization: Bearer $TOKEN"`);
    expect(inspectorCommand(URL, "none")).not.toContain("Authorization");
  });

  it("gives a curl for tools/list, signed by curl for AWS_IAM", () => {
    const bearer = curlToolsList(URL, "bearer", "us-east-1");
    expect(bearer).toContain(`-H "Authorization: Bearer $TOKEN"`);
    expect(bearer).toContain(`-d '{"jsonrpc":"2.0","id":1,"method":"tools/list"}'`);
    const iam = curlToolsList(URL, "iam", "eu-west-1");
    expect(iam).toContain("--aws-sigv4 'aws:amz:eu-west-1:bedrock-agentcore'");
    expect(iam).not.toContain("Bearer");
  });

  it("quotes a URL with a quote in it for the shell", () => {
    expect(inspectorCommand("http://x/it's/mcp", "none")).toContain(`'http://x/it'\\''s/mcp'`);
  });

  it("gives an mcpServers entry with the URL and an Authorization placeholder", () => {
    expect(JSON.parse(mcpServersEntry("orders", URL, "bearer"))).toEqual({ mcpServers: { orders: { type: "http", url: URL, headers: { Authorization: "Bearer $TOKEN" } } } });
    expect(JSON.parse(mcpServersEntry("orders", URL, "none")).mcpServers.orders.headers).toBeUndefined();
  });
});
