// Cursor pagination for the user pools list: the cursor and the trail of earlier cursors live in the URL.
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";

function href(cursor: string | undefined, trail: string[]) {
  const sp = new URLSearchParams();
  if (cursor) sp.set("cursor", cursor);
  for (const t of trail) sp.append("prev", t);
  const s = sp.toString();
  return `/identity${s ? `?${s}` : ""}`;
}

export function PoolsPagination({ cursor, trail, nextToken }: { cursor?: string; trail: string[]; nextToken?: string }) {
  const prev = trail.length ? trail[trail.length - 1] : undefined;
  const off = cn(buttonVariants({ variant: "outline", size: "sm" }), "pointer-events-none opacity-50");
  return (
    <nav aria-label="Pagination" className="ml-auto flex items-center justify-end gap-2">
      <span className="mr-2 text-xs text-muted-foreground">Page {trail.length + 1}</span>
      {cursor ? (
        <Link className={buttonVariants({ variant: "outline", size: "sm" })} href={href(prev || undefined, trail.slice(0, -1))}>
          Previous page
        </Link>
      ) : (
        <span aria-disabled="true" className={off}>
          Previous page
        </span>
      )}
      {nextToken ? (
        <Link className={buttonVariants({ variant: "outline", size: "sm" })} href={href(nextToken, [...trail, cursor ?? ""])}>
          Next page
        </Link>
      ) : (
        <span aria-disabled="true" className={off}>
          Next page
        </span>
      )}
    </nav>
  );
}
