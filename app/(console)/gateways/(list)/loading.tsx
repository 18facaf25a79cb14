import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { GatewaysTableSkeleton } from "@/components/gateways/gateways-table";

export default function Loading() {
  return (
    <div className="space-y-5">
      <Skeleton className="h-10 w-64" />
      <Skeleton className="h-9 w-72" />
      <Card>
        <GatewaysTableSkeleton />
      </Card>
    </div>
  );
}
