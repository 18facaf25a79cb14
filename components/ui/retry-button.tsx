"use client";
// "Try again" for a failed load (re-renders the page from the server) or a failed action (runs it again).
import { RotateCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "./button";

/** "reload": the page's data again (router.refresh); a function: the caller's action again. */
export type Retry = "reload" | (() => void);

export function RetryButton({ retry, busy }: { retry: Retry; busy?: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const working = pending || Boolean(busy);
  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      className="mt-2"
      disabled={working}
      aria-disabled={working || undefined}
      onClick={() => (retry === "reload" ? start(() => router.refresh()) : retry())}
    >
      <RotateCw aria-hidden="true" className={working ? "animate-spin" : undefined} /> {working ? "Trying again…" : "Try again"}
    </Button>
  );
}
