"use client";
// Tabs of a gateway's pages; each tab is its own route, so it can be linked and reloaded.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

export const GATEWAY_TABS = [
  { segment: "", label: "Overview" },
  { segment: "targets", label: "Targets" },
  { segment: "permissions", label: "Permissions" },
  { segment: "test", label: "Test" },
] as const;

export function GatewayTabs({ gatewayId }: { gatewayId: string }) {
  const pathname = usePathname();
  const base = `/gateways/${gatewayId}`;
  return (
    <nav aria-label="Gateway sections" className="border-b">
      <ul className="-mb-px flex gap-1">
        {GATEWAY_TABS.map((t) => {
          const href = t.segment ? `${base}/${t.segment}` : base;
          const active = t.segment ? pathname.startsWith(href) : pathname === base;
          return (
            <li key={t.label}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-block border-b-2 border-transparent px-3 py-2 text-sm text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                  active && "border-foreground font-medium text-foreground",
                )}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
