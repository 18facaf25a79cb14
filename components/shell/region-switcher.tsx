"use client";
// The banner's region picker: stores the region in a cookie through a server action.
import { useTransition } from "react";
import { usePathname, useRouter } from "next/navigation";
import { setRegionAction } from "@/lib/actions/region";

/** A page of one regional resource (a gateway, a user pool) has nothing to show in another region: go to its list instead. */
function listPageFor(pathname: string): string | null {
  const m = pathname.match(/^\/(gateways|identity)\/([^/]+)/);
  return m && m[2] !== "new" ? `/${m[1]}` : null;
}

export function RegionSwitcher({ region, regions }: { region: string; regions: readonly string[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, start] = useTransition();
  const options = regions.includes(region) ? regions : [region, ...regions];
  return (
    <label className="flex items-center gap-2 text-xs">
      <span className="text-muted-foreground">Region</span>
      <select
        className="h-7 rounded-md border border-input bg-background px-2 text-xs focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        value={region}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value;
          start(async () => {
            await setRegionAction(next);
            const list = listPageFor(pathname);
            if (list) router.push(list);
            else router.refresh();
          });
        }}
      >
        {options.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
    </label>
  );
}
