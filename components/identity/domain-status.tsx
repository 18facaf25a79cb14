// A Cognito domain's status as a badge (ACTIVE green, CREATING/UPDATING/DELETING amber, FAILED red).
import { Badge } from "@/components/ui/badge";

const TONE: Record<string, "success" | "warning" | "danger" | "neutral"> = {
  ACTIVE: "success",
  CREATING: "warning",
  UPDATING: "warning",
  DELETING: "warning",
  FAILED: "danger",
};

export function DomainStatusBadge({ status }: { status?: string }) {
  if (!status) return null;
  return (
    <Badge tone={TONE[status] ?? "neutral"} data-domain-status={status}>
      {status}
    </Badge>
  );
}
