// Loading placeholder block.
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-muted", className)} {...props} />;
}

/** A page's heading and one line of description while the page loads. */
export function PageHeaderSkeleton({ titleWidth = "w-40" }: { titleWidth?: string }) {
  return (
    <div className="space-y-2">
      <Skeleton className={cn("h-8", titleWidth)} />
      <Skeleton className="h-4 w-96" />
    </div>
  );
}
