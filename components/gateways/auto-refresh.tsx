"use client";
// Re-renders the page from the server every few seconds while a gateway is changing state.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function AutoRefresh({ active, intervalMs = 2000 }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(t);
  }, [active, intervalMs, router]);
  return active ? (
    <span className="text-xs text-muted-foreground" role="status">
      Refreshing automatically…
    </span>
  ) : null;
}
