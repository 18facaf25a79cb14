import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="max-w-5xl space-y-5" role="status" aria-label="Loading the user pool">
      <Skeleton className="h-5 w-48" />
      <Skeleton className="h-9 w-72" />
      {[0, 1, 2].map((i) => (
        <Card key={i} className="space-y-2 p-5">
          <Skeleton className="h-5 w-40" />
          <Skeleton className="h-24 w-full" />
        </Card>
      ))}
    </div>
  );
}
