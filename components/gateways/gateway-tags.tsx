"use client";
// The gateway's tags on its Overview: shown as a list, edited in place (add, change, remove), checked with the model's rules.
import { Plus, X } from "lucide-react";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { updateGatewayTagsAction } from "@/lib/actions/gateway-cleanup";
import type { Loaded } from "@/lib/models/loaded";
import { gatewayTagsSchema, type Tag } from "@/lib/schemas/tags";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Callout } from "@/components/ui/alert";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Input } from "@/components/ui/input";

type RowErrors = { key?: string; value?: string }[];

function check(rows: Tag[]): { errors: RowErrors; list?: string } {
  const r = gatewayTagsSchema.safeParse(rows);
  const errors: RowErrors = rows.map(() => ({}));
  let list: string | undefined;
  for (const issue of r.success ? [] : r.error.issues) {
    const [i, field] = issue.path as [number | undefined, "key" | "value" | undefined];
    if (typeof i === "number" && field) errors[i][field] ??= issue.message;
    else list ??= issue.message;
  }
  return { errors, list };
}

export function GatewayTags({ gatewayId, tags }: { gatewayId: string; tags: Loaded<Tag[]> }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [rows, setRows] = useState<Tag[]>([]);
  const [shown, setShown] = useState(false);
  const [failure, setFailure] = useState<{ message: string; errorName?: string } | null>(null);
  const [pending, start] = useTransition();
  const current = tags.ok ? tags.data : [];
  const { errors, list } = check(rows);
  const invalid = Boolean(list) || errors.some((e) => e.key || e.value);
  const plural = (n: number) => `${n} tag${n === 1 ? "" : "s"}`;

  const set = (i: number, patch: Partial<Tag>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <Card aria-labelledby="gateway-tags-title">
      <CardHeader className="flex flex-row items-center justify-between">
        <CardTitle id="gateway-tags-title">Tags</CardTitle>
        {!editing && tags.ok ? (
          <Button variant="outline" size="sm" onClick={() => (setRows(current.length ? current : [{ key: "", value: "" }]), setShown(false), setFailure(null), setEditing(true))}>
            Edit tags
          </Button>
        ) : null}
      </CardHeader>
      <CardContent>
        {!tags.ok ? <ErrorCallout title="The tags could not be loaded" message={tags.message} errorName={tags.errorName} /> : null}
        {tags.ok && !editing ? (
          current.length ? (
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" aria-label={plural(current.length)}>
              {current.map((t) => (
                <div key={t.key} className="contents">
                  <dt className="font-mono text-xs">{t.key}</dt>
                  <dd className="font-mono text-xs break-all">{t.value || <span className="text-muted-foreground">(empty)</span>}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="text-sm text-muted-foreground">No tags.</p>
          )
        ) : null}
        {editing ? (
          <form
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              setShown(true);
              if (invalid) return;
              setFailure(null);
              start(async () => {
                const r = await updateGatewayTagsAction(gatewayId, rows.map((t) => ({ key: t.key.trim(), value: t.value })));
                if (!r.ok) return setFailure({ message: r.message, errorName: r.errorName });
                toast.success(`Tags saved: ${plural(r.data.tags.length)}.`);
                setEditing(false);
                router.refresh();
              });
            }}
          >
            {failure ? <ErrorCallout title="The tags were not saved" message={failure.message} errorName={failure.errorName} /> : null}
            {shown && list ? <Callout tone="danger">{list}</Callout> : null}
            {rows.map((t, i) => (
              <div key={i} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
                {(["key", "value"] as const).map((f) => {
                  const id = `tag-${i}-${f}`;
                  const err = shown ? errors[i]?.[f] : undefined;
                  return (
                    <div key={f} className="space-y-1">
                      <label htmlFor={id} className="text-xs font-medium">{`Tag ${i + 1} ${f}`}</label>
                      <Input id={id} value={t[f]} aria-invalid={err ? true : undefined} aria-describedby={err ? `${id}-error` : undefined} onChange={(e) => set(i, { [f]: e.target.value })} />
                      {err ? <p id={`${id}-error`} className="text-xs text-destructive">{err}</p> : null}
                    </div>
                  );
                })}
                <Button variant="ghost" size="sm" className="mt-5" aria-label={`Remove tag ${i + 1}`} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                  <X aria-hidden="true" />
                </Button>
              </div>
            ))}
            <div className="flex flex-wrap gap-2">
              <Button variant="outline" size="sm" onClick={() => setRows((rs) => [...rs, { key: "", value: "" }])}>
                <Plus aria-hidden="true" /> Add tag
              </Button>
              <span className="flex-1" />
              <Button variant="outline" onClick={() => setEditing(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? "Saving…" : "Save tags"}
              </Button>
            </div>
          </form>
        ) : null}
      </CardContent>
    </Card>
  );
}
