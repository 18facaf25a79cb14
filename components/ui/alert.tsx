// Inline callout for warnings, errors and notes.
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

const tones = {
  info: "border-info/30 bg-info/5",
  warning: "border-warning/40 bg-warning/10",
  danger: "border-destructive/40 bg-destructive/5",
} as const;

export function Callout({ tone = "info", className, ...props }: ComponentProps<"div"> & { tone?: keyof typeof tones }) {
  return <div className={cn("rounded-md border px-4 py-3 text-sm", tones[tone], className)} {...props} />;
}
