// Cursor pagination for the gateways list: the cursor and the trail of earlier cursors live in the URL.
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";

function href(base: URLSearchParams, cursor: string | undefined, trail: string[]) {
  const sp = new URLSearchParams(base);
  sp.delete("cursor");
  sp.delete("prev");
  if (cursor) sp.set("cursor", cursor);
  for (const t of trail) sp.append("prev", t);
  const s = sp.toString();
  return `/gateways${s ? `?${s}` : ""}`;
}

export function Pagination({
  base,
  cursor,
  trail,
  nextToken,
  pageNumber,
}: {
  base: URLSearchParams;
  cursor?: string;
  trail: string[];
  nextToken?: string;
  pageNumber: number;
}) {
  const prevCursor = trail.length ? trail[trail.length - 1] : undefined;
  const disabled = "pointer-events-none opacity-50";
  return (
    <nav aria-label="Pagination" className="ml-auto flex items-center justify-end gap-2">
      <span className="mr-2 text-xs text-muted-foreground">Page {pageNumber}</span>
      {cursor ? (
        <Link className={buttonVariants({ variant: "outline", size: "sm" })} href={href(base, prevCursor || undefined, trail.slice(0, -1))}>
          Previous page
        </Link>
      ) : (
        <span aria-disabled="true" className={cn(buttonVariants({ variant: "outline", size: "sm" }), disabled)}>
          Previous page
        </span>
      )}
      {nextToken ? (
        <Link className={buttonVariants({ variant: "outline", size: "sm" })} href={href(base, nextToken, [...trail, cursor ?? ""])}>
          Next page
        </Link>
      ) : (
        <span aria-disabled="true" className={cn(buttonVariants({ variant: "outline", size: "sm" }), disabled)}>
          Next page
        </span>
      )}
    </nav>
  );
}
