"use client";
// The banner's region picker: stores the region in a cookie through a server action.
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { setRegionAction } from "@/lib/actions/region";

export function RegionSwitcher({ region, regions }: { region: string; regions: readonly string[] }) {
  const router = useRouter();
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
            router.refresh();
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
