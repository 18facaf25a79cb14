// A role's page body: ARN, tags, trust policy, inline and attached policies.
import type { PolicyText } from "@/lib/models/roles";
import { TitledCard } from "@/components/ui/card";
import { CopyRow } from "@/components/ui/copy-value";
import { DetailList, DetailRow, NoValue } from "@/components/ui/detail-list";
import { formatDateTime } from "@/components/ui/format";
import { PolicyJson } from "./policy-json";

export type RoleDetailData = {
  roleName: string;
  roleArn: string;
  description?: string;
  createdAt: string;
  trustPolicy: PolicyText;
  tags: { key: string; value: string }[];
  inlinePolicies: ({ policyName: string } & PolicyText)[];
  attachedPolicies: { policyName: string; policyArn: string }[];
};

export function RoleDetail({ role }: { role: RoleDetailData }) {
  return (
    <div className="grid gap-6">
      <TitledCard title="Overview">
        <DetailList>
          <CopyRow label="Role ARN" value={role.roleArn} copyLabel="Copy role ARN" />
          <DetailRow label="Description">{role.description || <NoValue />}</DetailRow>
          <DetailRow label="Created">{formatDateTime(role.createdAt)}</DetailRow>
          <DetailRow label="Tags">
            {role.tags.length ? (
              <ul className="space-y-0.5 font-mono text-xs">
                {role.tags.map((t) => (
                  <li key={t.key}>
                    {t.key} = {t.value}
                  </li>
                ))}
              </ul>
            ) : (
              <NoValue />
            )}
          </DetailRow>
        </DetailList>
      </TitledCard>
      <TitledCard title="Trust policy">
        <PolicyJson id="role-trust" title="Trust policy" text={role.trustPolicy.text} filename={`${role.roleName}-trust.json`} />
      </TitledCard>
      <TitledCard title="Permissions" contentClassName="space-y-4">
        {role.inlinePolicies.length === 0 && role.attachedPolicies.length === 0 ? <p className="text-sm text-muted-foreground">This role has no policies.</p> : null}
        {role.inlinePolicies.map((p, i) => (
          <PolicyJson key={p.policyName} id={`role-inline-${i}`} title={`Inline policy ${p.policyName}`} text={p.text} filename={`${p.policyName}.json`} />
        ))}
        {role.attachedPolicies.length ? (
          <div>
            <h3 className="text-sm font-medium">Attached managed policies</h3>
            <ul className="mt-1 space-y-1">
              {role.attachedPolicies.map((p) => (
                <li key={p.policyArn} className="text-sm">
                  {p.policyName} <code className="font-mono text-xs text-muted-foreground">{p.policyArn}</code>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </TitledCard>
    </div>
  );
}
