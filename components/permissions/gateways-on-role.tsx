// The gateways that share an execution role: each keeps its own inline policy on it.
import Link from "next/link";
import type { RoleGateway } from "@/lib/models/role-gateways";

export function GatewaysOnRole({ gateways, currentId, roleName }: { gateways: RoleGateway[]; currentId: string; roleName: string }) {
  const others = gateways.filter((g) => g.gatewayId !== currentId);
  return (
    <section aria-labelledby="gateways-on-role" className="space-y-1">
      <h3 id="gateways-on-role" className="text-sm font-medium">
        Gateways using {roleName}
      </h3>
      {others.length === 0 ? (
        <p className="text-sm text-muted-foreground">Only this gateway uses the role.</p>
      ) : (
        <>
          <p className="text-sm text-muted-foreground">
            {others.length + 1} gateways share this role. Each has its own inline policy on it, so applying here never removes theirs.
          </p>
          <ul className="list-disc pl-5 text-sm">
            {gateways.map((g) => (
              <li key={g.gatewayId}>
                {g.gatewayId === currentId ? (
                  <span>
                    {g.name} (this gateway)
                  </span>
                ) : (
                  <Link className="underline underline-offset-2" href={`/gateways/${g.gatewayId}/permissions`}>
                    {g.name}
                  </Link>
                )}{" "}
                <code className="font-mono text-xs text-muted-foreground">{g.gatewayId}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
