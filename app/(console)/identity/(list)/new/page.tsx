import type { Metadata } from "next";
import { connection } from "next/server";
import { defaultQuickCreateValues } from "@/lib/schemas/cognito";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { QuickCreateForm } from "@/components/identity/quick-create/quick-create-form";

export const metadata: Metadata = { title: "Quick create Cognito" };

export default async function QuickCreatePage() {
  // Fresh names per visit (a random suffix), so render at request time.
  await connection();
  return (
    <div className="space-y-5">
      <Breadcrumb links={[{ href: "/identity", label: "Identity" }]} current="Quick create Cognito" />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Quick create Cognito</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">
          Everything a gateway&apos;s JWT authorizer needs: a user pool, a domain for its token endpoint, a resource server with scopes, and a
          confidential app client for the client-credentials grant. Independent steps run in parallel; the console waits for the domain to be
          ACTIVE.
        </p>
      </div>
      <QuickCreateForm initial={defaultQuickCreateValues()} />
    </div>
  );
}
