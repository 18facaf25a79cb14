// The trail above a page's title: links to the pages above it, then where the user is.
import Link from "next/link";
import { Fragment, type ReactNode } from "react";

export function Breadcrumb({ links, current }: { links: { href: string; label: ReactNode }[]; current: ReactNode }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
      {links.map((l) => (
        <Fragment key={l.href}>
          <Link href={l.href} className="hover:underline">
            {l.label}
          </Link>{" "}
          /{" "}
        </Fragment>
      ))}
      {current}
    </nav>
  );
}
