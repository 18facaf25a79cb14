import { Card } from "@/components/ui/card";
import { CardSkeleton, PageSkeleton, Skeleton } from "@/components/ui/skeleton";
import { TrustingRolesSkeleton } from "@/components/roles/trusting-roles";

export default function Loading() {
  return (
    <PageSkeleton className="max-w-6xl" titleWidth="w-56">
      <CardSkeleton titleWidth="w-48" contentClassName="grid gap-6 lg:grid-cols-2">
        <div className="space-y-4">
          <Skeleton className="h-9 w-full" />
          <Skeleton className="h-9 w-full" />
          <Skeleton className="h-16 w-full" />
        </div>
        <Skeleton className="h-72 w-full" />
      </CardSkeleton>
      <Card>
        <TrustingRolesSkeleton />
      </Card>
    </PageSkeleton>
  );
}
