// Loading placeholder block.
import type { ComponentProps, ReactNode } from "react";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
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

/** A loading page: the header skeleton, then its cards (the same frame every list page uses). */
export function PageSkeleton({ className, titleWidth, children }: { className?: string; titleWidth?: string; children: ReactNode }) {
  return (
    <div className={cn("space-y-6", className)} aria-busy="true">
      <PageHeaderSkeleton titleWidth={titleWidth} />
      {children}
    </div>
  );
}

/** A card with a title line over placeholder content laid out by `contentClassName`. */
export function CardSkeleton({ titleWidth, contentClassName, children }: { titleWidth: string; contentClassName?: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <Skeleton className={cn("h-5", titleWidth)} />
      </CardHeader>
      <CardContent className={contentClassName}>{children}</CardContent>
    </Card>
  );
}
