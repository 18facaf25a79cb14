import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { PageHeaderSkeleton, Skeleton } from "@/components/ui/skeleton";
import { TrustingRolesSkeleton } from "@/components/roles/trusting-roles";

export default function Loading() {
  return (
    <div className="max-w-6xl space-y-6" aria-busy="true">
      <PageHeaderSkeleton titleWidth="w-56" />
      <Card>
        <CardHeader>
          <Skeleton className="h-5 w-48" />
        </CardHeader>
        <CardContent className="grid gap-6 lg:grid-cols-2">
          <div className="space-y-4">
            <Skeleton className="h-9 w-full" />
            <Skeleton className="h-9 w-full" />
            <Skeleton className="h-16 w-full" />
          </div>
          <Skeleton className="h-72 w-full" />
        </CardContent>
      </Card>
      <Card>
        <TrustingRolesSkeleton />
      </Card>
    </div>
  );
}
