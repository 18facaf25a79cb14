"use client";
// Copies a value to the clipboard inside the click handler (nothing awaited before the write).
import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "./button";

/** A value to copy, or a reader that fetches it at click time (e.g. a secret the browser must not hold beforehand). */
export type CopySource = string | (() => Promise<string>);

/**
 * Writes `source` to the clipboard, starting the write synchronously inside the user's click. A reader's promise
 * goes straight into a ClipboardItem, so the browser keeps the click's permission while the value is fetched.
 */
export function writeToClipboard(source: CopySource): Promise<void> {
  if (typeof source === "string") return navigator.clipboard.writeText(source);
  const value = source();
  if (typeof ClipboardItem === "undefined" || typeof navigator.clipboard.write !== "function") {
    return value.then((v) => navigator.clipboard.writeText(v));
  }
  const item = new ClipboardItem({ "text/plain": value.then((v) => new Blob([v], { type: "text/plain" })) });
  // The write's own rejection can hide why the reader failed: surface the reader's error first.
  return Promise.all([value, navigator.clipboard.write([item])]).then(() => undefined);
}

export function CopyButton({ value, label, className }: { value: CopySource; label: string; className?: string }) {
  const [state, setState] = useState<"idle" | "copying" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle" || state === "copying") return;
    const t = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <Button
      variant="outline"
      size="sm"
      className={className}
      aria-label={label}
      title={label}
      aria-disabled={state === "copying" || undefined}
      onClick={() => {
        if (state === "copying") return;
        if (typeof value !== "string") setState("copying");
        writeToClipboard(value).then(
          () => setState("copied"),
          () => setState("failed"),
        );
      }}
    >
      {state === "copied" ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
      <span>{state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : state === "copying" ? "Copying…" : "Copy"}</span>
      <span className="sr-only" role="status" aria-live="polite">
        {state === "copied" ? "Copied to clipboard" : state === "failed" ? "Could not copy" : ""}
      </span>
    </Button>
  );
}
