import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

export default function PoolNotFound() {
  return (
    <div className="max-w-xl space-y-3">
      <h1 className="text-xl font-semibold">User pool not found</h1>
      <p className="text-sm text-muted-foreground">No user pool with this id exists in this account. It may have been deleted.</p>
      <Link href="/identity" className={buttonVariants({ variant: "outline" })}>
        Back to identity
      </Link>
    </div>
  );
}
