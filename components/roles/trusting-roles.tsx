// The roles that trust bedrock-agentcore.amazonaws.com, each with the trust-policy linter's verdict.
import Link from "next/link";
import type { Loaded } from "@/lib/models/loaded";
import type { RoleSummary } from "@/lib/models/roles";
import { lintTrustPolicy } from "@/lib/policies/lint";
import { CopyButton } from "@/components/ui/copy-button";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ErrorCallout } from "@/components/ui/error-callout";
import { RoleVerdict } from "./role-verdict";

const date = (iso: string) => (iso ? iso.slice(0, 10) : "");

/** `roles` is the page's read, still in flight: awaiting it here lets the rest of the page stream first. */
export async function TrustingRoles({ accountId, region, roles: reading }: { accountId: string; region: string; roles: Promise<Loaded<RoleSummary[]>> }) {
  const read = await reading;
  if (!read.ok) {
    return (
      <div className="p-4">
        <ErrorCallout title="Roles could not be listed" message={read.message} errorName={read.errorName} retry="reload" />
      </div>
    );
  }
  const roles = read.data;
  if (roles.length === 0) {
    return (
      <p className="px-5 py-6 text-sm text-muted-foreground">
        No role in this account trusts bedrock-agentcore.amazonaws.com yet. Create one above.
      </p>
    );
  }
  return (
    <Table aria-label="Roles that trust AgentCore">
      <caption className="px-4 py-2 text-left text-xs text-muted-foreground">
        Trust policies checked for gateways of account {accountId} in {region}.
      </caption>
      <THead>
        <Tr>
          <Th scope="col">Role</Th>
          <Th scope="col">Trust policy</Th>
          <Th scope="col">Created</Th>
        </Tr>
      </THead>
      <TBody>
        {roles.map((r) => (
          <Tr key={r.roleArn} data-role={r.roleName}>
            <Td className="align-top">
              <Link href={`/roles/${encodeURIComponent(r.roleName)}`} className="font-medium underline-offset-2 hover:underline">{r.roleName}</Link>
              <div className="mt-1 flex items-center gap-2">
                <code className="break-all font-mono text-xs text-muted-foreground">{r.roleArn}</code>
                <CopyButton value={r.roleArn} label={`Copy ARN of ${r.roleName}`} />
              </div>
              {r.description ? <p className="mt-1 text-xs text-muted-foreground">{r.description}</p> : null}
            </Td>
            <Td className="align-top">
              <RoleVerdict roleName={r.roleName} findings={lintTrustPolicy(r.trustPolicy.text, { accountId, region })} />
            </Td>
            <Td className="align-top whitespace-nowrap text-xs text-muted-foreground">{date(r.createdAt)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

export function TrustingRolesSkeleton() {
  return (
    <div className="space-y-3 p-4" aria-busy="true" aria-label="Loading roles">
      {Array.from({ length: 3 }, (_, i) => (
        <Skeleton key={i} className="h-12 w-full" />
      ))}
    </div>
  );
}
