// The gateway's tools, grouped by target (the prefix MCP clients see), each with its description and input schema.
import type { TestTool } from "@/lib/models/gateway-test";
import { Button } from "@/components/ui/button";

export function groupByTarget(tools: TestTool[]): [string, TestTool[]][] {
  const groups = new Map<string, TestTool[]>();
  for (const t of tools) groups.set(t.target, [...(groups.get(t.target) ?? []), t]);
  return [...groups.entries()];
}

export function ToolList({ tools, selected, onSelect }: { tools: TestTool[]; selected?: string; onSelect: (t: TestTool) => void }) {
  if (!tools.length) return <p className="text-sm text-muted-foreground">The gateway lists no tools yet: add a target, and wait for it to be READY.</p>;
  return (
    <div className="space-y-4">
      {groupByTarget(tools).map(([target, list]) => (
        <section key={target} aria-label={target ? `Tools of target ${target}` : "The gateway's own tools"} className="space-y-2">
          <h3 className="text-sm font-medium">
            {target ? (
              <>
                Target {target} <span className="font-normal text-muted-foreground">(prefix <code className="font-mono">{target}___</code>)</span>
              </>
            ) : (
              "The gateway's own tools"
            )}
          </h3>
          <ul className="space-y-2">
            {list.map((t) => (
              <li key={t.name} className="rounded-md border p-3 text-sm" aria-current={selected === t.name || undefined}>
                <div className="flex items-start justify-between gap-3">
                  <div className="space-y-1">
                    <code className="font-mono text-xs">{t.name}</code>
                    {t.description ? <p className="text-muted-foreground">{t.description}</p> : null}
                  </div>
                  <Button variant={selected === t.name ? "default" : "outline"} size="sm" aria-label={`Try ${t.name}`} aria-pressed={selected === t.name} onClick={() => onSelect(t)}>
                    Try it
                  </Button>
                </div>
                <details className="mt-2">
                  <summary className="cursor-pointer text-xs">Input schema</summary>
                  <pre className="mt-1 max-h-64 overflow-auto rounded bg-muted p-2 font-mono text-xs">{JSON.stringify(t.inputSchema, null, 2)}</pre>
                </details>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
