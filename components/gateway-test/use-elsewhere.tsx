// "Use it elsewhere": copyable commands and client config for the gateway's MCP endpoint, the token as $TOKEN.
import { CopyButton } from "@/components/ui/copy-button";
import { curlToolsList, inspectorCommand, mcpServersEntry, type SnippetAuth } from "./snippets";

export function UseElsewhere({ name, url, authorizerType, region }: { name: string; url: string; authorizerType: string; region: string }) {
  const auth: SnippetAuth = authorizerType === "CUSTOM_JWT" ? "bearer" : authorizerType === "AWS_IAM" ? "iam" : "none";
  const snippets = [
    { title: "MCP Inspector", label: "Copy MCP Inspector command", text: inspectorCommand(url, auth) },
    { title: "curl (tools/list)", label: "Copy curl command", text: curlToolsList(url, auth, region) },
    { title: "mcpServers entry for MCP clients", label: "Copy mcpServers entry", text: mcpServersEntry(name, url, auth) },
  ];
  return (
    <div className="space-y-4">
      <p className="text-sm">
        MCP endpoint: <code className="break-all font-mono text-xs">{url}</code>
      </p>
      {auth === "bearer" ? (
        <p className="text-xs text-muted-foreground">
          Set <code className="font-mono">TOKEN</code> first (the Identity page&apos;s &quot;Get a test token&quot; gives one), without echoing it:{" "}
          <code className="font-mono">read -rs TOKEN &amp;&amp; export TOKEN</code>
        </p>
      ) : null}
      {auth === "iam" ? <p className="text-xs text-muted-foreground">AWS_IAM gateways need SigV4-signed requests: curl signs with your shell&apos;s AWS credentials; the Inspector cannot sign.</p> : null}
      {snippets.map((s) => (
        <div key={s.title} className="space-y-1.5">
          <div className="flex items-center justify-between gap-2">
            <h3 className="text-sm font-medium">{s.title}</h3>
            <CopyButton value={s.text} label={s.label} />
          </div>
          <pre className="overflow-auto rounded bg-muted p-2 font-mono text-xs">{s.text}</pre>
        </div>
      ))}
    </div>
  );
}
