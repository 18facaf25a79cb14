// A gateway or target status as a coloured badge with a text label.
import { Badge } from "@/components/ui/badge";

const TONES: Record<string, "success" | "warning" | "danger" | "info" | "neutral"> = {
  READY: "success",
  CREATING: "info",
  UPDATING: "info",
  DELETING: "warning",
  UPDATE_UNSUCCESSFUL: "danger",
  FAILED: "danger",
};

export function StatusBadge({ status }: { status: string }) {
  const transitional = status === "CREATING" || status === "UPDATING" || status === "DELETING";
  return (
    <Badge tone={TONES[status] ?? "neutral"} data-status={status}>
      {transitional ? <span className="size-1.5 animate-pulse rounded-full bg-current" aria-hidden="true" /> : null}
      {status}
    </Badge>
  );
}
