import { CardSkeleton, PageSkeleton, Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <PageSkeleton className="max-w-7xl" titleWidth="w-40">
      <CardSkeleton titleWidth="w-40" contentClassName="space-y-3">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </CardSkeleton>
    </PageSkeleton>
  );
}
