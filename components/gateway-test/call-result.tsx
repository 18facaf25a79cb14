// What a tool call (or a search) returned: its content (JSON pretty-printed), isError as an error, duration, target failure.
import Link from "next/link";
import type { ToolCallOutcome } from "@/lib/models/gateway-test";
import { Callout } from "@/components/ui/alert";
import { ExchangeView } from "./exchange-view";

/** Text content that is JSON is shown pretty-printed. */
function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function ContentItem({ item }: { item: unknown }) {
  const c = (item ?? {}) as { type?: string; text?: string; mimeType?: string };
  if (c.type === "text" && typeof c.text === "string") return <pre className="max-h-96 overflow-auto whitespace-pre-wrap rounded bg-muted p-2 font-mono text-xs">{pretty(c.text)}</pre>;
  if (c.type === "image" || c.type === "audio") return <p className="text-sm text-muted-foreground">{c.type} content ({c.mimeType ?? "unknown type"}), not shown.</p>;
  return <pre className="max-h-96 overflow-auto rounded bg-muted p-2 font-mono text-xs">{JSON.stringify(item, null, 2)}</pre>;
}

export function CallResult({ outcome, label }: { outcome: ToolCallOutcome; label: string }) {
  const f = outcome.targetFailure;
  return (
    <section aria-label={label} className="space-y-3">
      <p className="text-sm">
        {outcome.isError ? <span className="font-medium text-destructive">The tool answered with an error</span> : <span className="font-medium text-success">The tool answered</span>}
        <span className="ml-2 text-muted-foreground">in {Math.round(outcome.durationMs)} ms</span>
      </p>
      <div className={outcome.isError ? "space-y-2 rounded-md border border-destructive/40 p-2" : "space-y-2"} role={outcome.isError ? "alert" : undefined}>
        {outcome.content.length ? outcome.content.map((c, i) => <ContentItem key={i} item={c} />) : <p className="text-sm text-muted-foreground">No content.</p>}
      </div>
      {outcome.structuredContent !== undefined ? (
        <div className="space-y-1">
          <h4 className="text-sm font-medium">Structured content</h4>
          <pre className="max-h-96 overflow-auto rounded bg-muted p-2 font-mono text-xs">{JSON.stringify(outcome.structuredContent, null, 2)}</pre>
        </div>
      ) : null}
      {f ? (
        <Callout tone="danger">
          <p className="font-medium">The target failed</p>
          <p className="mt-1 whitespace-pre-wrap">{f.message}</p>
          {f.debugHint ? <p className="mt-1 text-muted-foreground">{f.debugHint}</p> : null}
          {f.missingPermission ? (
            <p className="mt-1">
              The gateway&apos;s role lacks <code className="font-mono">{f.missingPermission.action}</code> on <code className="break-all font-mono">{f.missingPermission.resource}</code>.{" "}
              <Link href={f.missingPermission.href} className="text-info underline underline-offset-4">
                See the missing statement on the Permissions tab
              </Link>
            </p>
          ) : null}
        </Callout>
      ) : null}
      <ExchangeView exchange={outcome.exchange} />
    </section>
  );
}
