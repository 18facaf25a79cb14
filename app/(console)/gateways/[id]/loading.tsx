// The gateway's loading boundary sits above its layout on purpose: a link's prefetch stops at the nearest loading boundary,
// and a layout above it would be prefetched with the status of that moment (CREATING) and shown on a later click.
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="max-w-5xl space-y-5" role="status" aria-label="Loading gateway">
      <Skeleton className="h-4 w-40" />
      <Skeleton className="h-8 w-72" />
      <Skeleton className="h-72 w-full" />
    </div>
  );
}
