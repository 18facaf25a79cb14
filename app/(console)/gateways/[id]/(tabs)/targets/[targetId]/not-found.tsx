"use client";
// A target id that this gateway does not have (HTTP 404): said in words, with the way back to the gateway's targets.
import Link from "next/link";
import { useParams } from "next/navigation";
import { buttonVariants } from "@/components/ui/button";

export default function TargetNotFound() {
  // not-found pages get no params as props; the URL's gateway id is where "back" leads.
  const { id } = useParams<{ id: string }>();
  return (
    <div className="max-w-xl space-y-3">
      <h2 className="text-lg font-semibold">Target not found</h2>
      <p className="text-sm text-muted-foreground">This gateway has no target with this id. It may have been deleted.</p>
      <Link href={`/gateways/${encodeURIComponent(id)}/targets`} className={buttonVariants({ variant: "outline" })}>
        Back to targets
      </Link>
    </div>
  );
}
