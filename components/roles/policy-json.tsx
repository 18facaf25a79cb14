// A policy document as the user will paste it: the exact text, with copy and download buttons.
import { CopyButton } from "@/components/ui/copy-button";
import { DownloadButton } from "./download-button";

export function PolicyJson({ id, title, text, filename }: { id: string; title: string; text: string; filename: string }) {
  return (
    <figure aria-labelledby={`${id}-title`} className="min-w-0 space-y-2">
      <div className="flex items-center justify-between gap-2">
        <figcaption id={`${id}-title`} className="text-sm font-medium">
          {title}
        </figcaption>
        <div className="flex gap-2">
          <CopyButton value={text} label={`Copy ${title.toLowerCase()}`} />
          <DownloadButton value={text} filename={filename} label={`Download ${title.toLowerCase()}`} />
        </div>
      </div>
      <pre
        id={id}
        tabIndex={0}
        className="max-h-[28rem] overflow-auto rounded-md border bg-muted/40 p-3 font-mono text-xs leading-relaxed focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        <code>{text}</code>
      </pre>
    </figure>
  );
}
