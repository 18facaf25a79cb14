"use client";
// Name filter for the gateways list; keeps the filter in the URL (and resets the page cursor).
import { Search } from "lucide-react";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Input } from "@/components/ui/input";

export function NameFilter() {
  const router = useRouter();
  const params = useSearchParams();
  const current = params.get("name") ?? "";
  const [value, setValue] = useState(current);
  // The filter this box last put in the URL, and the URL's filter as last seen: when the URL changes for another
  // reason (Clear filter, the Gateways link, Back), the box follows it instead of showing a stale filter.
  const [applied, setApplied] = useState(current);
  const [seen, setSeen] = useState(current);
  if (current !== seen) {
    setSeen(current);
    if (current !== applied) {
      setApplied(current);
      setValue(current);
    }
  }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  function apply(next: string) {
    setApplied(next.trim());
    const sp = new URLSearchParams(params.toString());
    if (next.trim()) sp.set("name", next.trim());
    else sp.delete("name");
    sp.delete("cursor");
    sp.delete("prev");
    router.replace(`/gateways${sp.size ? `?${sp}` : ""}`);
  }

  return (
    <form
      role="search"
      className="relative w-72"
      onSubmit={(e) => {
        e.preventDefault();
        clearTimeout(timer.current);
        apply(value);
      }}
    >
      <label htmlFor="gateway-name-filter" className="sr-only">
        Filter gateways by name
      </label>
      <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-muted-foreground" aria-hidden="true" />
      <Input
        id="gateway-name-filter"
        type="search"
        placeholder="Filter by name"
        className="pl-8"
        value={value}
        onChange={(e) => {
          const next = e.target.value;
          setValue(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => apply(next), 300);
        }}
      />
    </form>
  );
}
