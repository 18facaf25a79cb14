"use client";
// Downloads text as a file, made in the browser from what is on screen (no server round trip).
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";

export function DownloadButton({ value, filename, label, disabled }: { value: string; filename: string; label: string; disabled?: boolean }) {
  return (
    <Button
      variant="outline"
      size="sm"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={() => {
        const url = URL.createObjectURL(new Blob([value], { type: "application/json" }));
        const a = document.createElement("a");
        a.href = url;
        a.download = filename;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      }}
    >
      <Download aria-hidden="true" />
      <span>Download</span>
    </Button>
  );
}
