// The raw JSON-RPC exchange of a Test tab request, collapsed by default (the server masked the secrets already).
import type { ExchangeMessage } from "@/lib/models/gateway-test";

export function ExchangeView({ exchange }: { exchange: ExchangeMessage[] }) {
  if (!exchange.length) return null;
  return (
    <details className="rounded-md border">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">Raw JSON-RPC exchange ({exchange.length} message{exchange.length === 1 ? "" : "s"})</summary>
      <ol className="space-y-3 border-t p-3" aria-label="JSON-RPC messages">
        {exchange.map((m, i) => (
          <li key={i} className="space-y-1">
            <p className="text-xs font-medium">
              {m.direction === "request" ? "Request" : "Response"}
              {m.status !== undefined ? ` · HTTP ${m.status}` : ""}
            </p>
            {Object.keys(m.headers).length ? (
              <pre className="overflow-auto rounded bg-muted p-2 font-mono text-xs">
                {Object.entries(m.headers)
                  .map(([k, v]) => `${k}: ${v}`)
                  .join("\n")}
              </pre>
            ) : null}
            <pre className="max-h-80 overflow-auto rounded bg-muted p-2 font-mono text-xs">{typeof m.body === "string" ? m.body : JSON.stringify(m.body, null, 2)}</pre>
          </li>
        ))}
      </ol>
    </details>
  );
}
