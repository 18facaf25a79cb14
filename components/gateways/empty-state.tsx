// What the gateways list shows when there is nothing to list.
import { Boxes } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

export function GatewaysEmptyState({ filtered }: { filtered: boolean }) {
  return (
    <div className="flex flex-col items-center gap-3 px-6 py-16 text-center">
      <Boxes className="size-10 text-muted-foreground" aria-hidden="true" />
      {filtered ? (
        <>
          <h2 className="text-base font-semibold">No gateway matches this filter</h2>
          <p className="max-w-sm text-sm text-muted-foreground">Try another part of the name, or clear the filter.</p>
          <Link href="/gateways" className={buttonVariants({ variant: "outline" })}>
            Clear filter
          </Link>
        </>
      ) : (
        <>
          <h2 className="text-base font-semibold">No gateways in this region yet</h2>
          <p className="max-w-sm text-sm text-muted-foreground">
            A gateway puts your tools behind one MCP endpoint for AI agents, with inbound auth and least-privilege access to targets.
          </p>
          <Link href="/gateways/new" className={buttonVariants()}>
            Create gateway
          </Link>
        </>
      )}
    </div>
  );
}
