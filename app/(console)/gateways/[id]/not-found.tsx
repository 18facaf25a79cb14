import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

export default function GatewayNotFound() {
  return (
    <div className="max-w-xl space-y-3">
      <h1 className="text-xl font-semibold">Gateway not found</h1>
      <p className="text-sm text-muted-foreground">
        No gateway with this id exists in this account and region. It may have been deleted, or it may live in another region.
      </p>
      <Link href="/gateways" className={buttonVariants({ variant: "outline" })}>
        Back to gateways
      </Link>
    </div>
  );
}
