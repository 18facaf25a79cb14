import type { Metadata } from "next";
import Link from "next/link";
import { CreateProviderPanel } from "@/components/credential-providers/create-provider-panel";

export const metadata: Metadata = { title: "Create OAuth2 provider" };

export default function NewOauth2ProviderPage() {
  return (
    <div className="space-y-5">
      <div>
        <Link href="/credential-providers" className="text-sm text-info hover:underline">
          Credential providers
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">Create OAuth2 provider</h1>
        <p className="text-sm text-muted-foreground">The gateway gets OAuth2 access tokens from this provider to call a target on behalf of your app or its users.</p>
      </div>
      <CreateProviderPanel kind="oauth" />
    </div>
  );
}
