import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { getRegion } from "@/lib/aws/config";
import { ConsoleError, loaded } from "@/lib/aws/errors";
import { getRoleWithPolicies } from "@/lib/aws/iam";
import { gatewaysUsingRole } from "@/lib/aws/relationships";
import type { UsedBy } from "@/lib/models/relationships";
import type { Loaded } from "@/lib/models/loaded";
import { ROLE_NAME_MAX, ROLE_NAME_PATTERN } from "@/lib/schemas/role";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Skeleton } from "@/components/ui/skeleton";
import { RoleDetail } from "@/components/roles/role-detail";
import { UsedByCard } from "@/components/relationships/used-by";

type Params = Promise<{ name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Role ${decodeURIComponent((await params).name)}` };
}

async function UsedBySection({ usedBy }: { usedBy: Promise<Loaded<UsedBy>> }) {
  return <UsedByCard what="role" usedBy={await usedBy} />;
}

export default async function RolePage({ params }: { params: Params }) {
  const name = decodeURIComponent((await params).name);
  if (name.length > ROLE_NAME_MAX || !new RegExp(ROLE_NAME_PATTERN).test(name)) notFound();
  const region = await getRegion();
  // Started before the role is read: the scan of the region's gateways is the slow part.
  const usedBy = loaded(gatewaysUsingRole(region, name));
  let role;
  try {
    role = await getRoleWithPolicies(region, name);
  } catch (err) {
    if (!(err instanceof ConsoleError)) throw err;
    return (
      <div className="max-w-5xl space-y-5">
        <Breadcrumb links={[{ href: "/roles", label: "Roles & policies" }]} current={name} />
        <ErrorCallout title="The role could not be loaded" message={err.message} errorName={err.awsName} />
      </div>
    );
  }
  if (!role) notFound();
  return (
    <div className="max-w-5xl space-y-5">
      <Breadcrumb links={[{ href: "/roles", label: "Roles & policies" }]} current={role.roleName} />
      <h1 className="text-2xl font-semibold tracking-tight">{role.roleName}</h1>
      <Suspense fallback={<Skeleton className="h-24 w-full" />}>
        <UsedBySection usedBy={usedBy} />
      </Suspense>
      <RoleDetail role={role} />
    </div>
  );
}
