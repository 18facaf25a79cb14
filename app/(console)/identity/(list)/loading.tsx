import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { PoolsTableSkeleton } from "@/components/identity/pools-table";

export default function Loading() {
  return (
    <div className="max-w-6xl space-y-6">
      <Skeleton className="h-10 w-64" />
      <Card>
        <PoolsTableSkeleton />
      </Card>
    </div>
  );
}
