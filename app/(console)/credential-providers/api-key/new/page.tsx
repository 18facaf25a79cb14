import type { Metadata } from "next";
import Link from "next/link";
import { CreateProviderPanel } from "@/components/credential-providers/create-provider-panel";

export const metadata: Metadata = { title: "Create API key provider" };

export default function NewApiKeyProviderPage() {
  return (
    <div className="space-y-5">
      <div>
        <Link href="/credential-providers" className="text-sm text-info hover:underline">
          Credential providers
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">Create API key provider</h1>
        <p className="text-sm text-muted-foreground">The gateway sends this key to a target API (in a header or query parameter you choose on the target).</p>
      </div>
      <CreateProviderPanel kind="apiKey" />
    </div>
  );
}
