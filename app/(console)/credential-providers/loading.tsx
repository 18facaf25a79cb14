import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { ProvidersTableSkeleton } from "@/components/credential-providers/providers-tables";

export default function Loading() {
  return (
    <div className="space-y-6">
      <Skeleton className="h-10 w-80" />
      <Card>
        <ProvidersTableSkeleton label="Loading API key providers" />
      </Card>
      <Card>
        <ProvidersTableSkeleton label="Loading OAuth2 providers" />
      </Card>
    </div>
  );
}
