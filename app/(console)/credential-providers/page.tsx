import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getRegion } from "@/lib/aws/config";
import { ConsoleError } from "@/lib/aws/errors";
import { listApiKeyProviders, listOauth2Providers } from "@/lib/aws/credential-providers";
import { gatewaysUsingProviders } from "@/lib/aws/relationships";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorCallout } from "@/components/ui/error-callout";
import {
  ApiKeyProvidersEmpty,
  ApiKeyProvidersTable,
  Oauth2ProvidersEmpty,
  Oauth2ProvidersTable,
  ProvidersTableSkeleton,
  type ProvidersUsage,
} from "@/components/credential-providers/providers-tables";

export const metadata: Metadata = { title: "Credential providers" };

export default async function CredentialProvidersPage() {
  const region = await getRegion();
  // One scan of the region's gateways and their targets, shared by both tables; a failure only hides the column's data.
  const usage: Promise<ProvidersUsage> = gatewaysUsingProviders(region).catch(() => null);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Credential providers</h1>
        <p className="text-sm text-muted-foreground">
          Outbound auth for gateway targets: API keys and OAuth2 clients kept in the AgentCore Identity token vault. Secrets are write-only.
        </p>
      </div>
      <Card>
        <CardHeader className="items-center">
          <CardTitle>API key providers</CardTitle>
          <Link href="/credential-providers/api-key/new" className={buttonVariants({ size: "sm" })}>
            Create API key provider
          </Link>
        </CardHeader>
        <Suspense fallback={<ProvidersTableSkeleton label="Loading API key providers" />}>
          <ApiKeyProviders region={region} usage={usage} />
        </Suspense>
      </Card>
      <Card>
        <CardHeader className="items-center">
          <CardTitle>OAuth2 providers</CardTitle>
          <Link href="/credential-providers/oauth2/new" className={buttonVariants({ size: "sm" })}>
            Create OAuth2 provider
          </Link>
        </CardHeader>
        <Suspense fallback={<ProvidersTableSkeleton label="Loading OAuth2 providers" />}>
          <Oauth2Providers region={region} usage={usage} />
        </Suspense>
      </Card>
    </div>
  );
}

function ListError({ title, err }: { title: string; err: ConsoleError }) {
  return (
    <div className="p-4">
      <ErrorCallout title={title} message={err.message} errorName={err.awsName} retry="reload" />
    </div>
  );
}

async function ApiKeyProviders({ region, usage }: { region: string; usage: Promise<ProvidersUsage> }) {
  let items;
  try {
    items = await listApiKeyProviders(region);
  } catch (err) {
    if (err instanceof ConsoleError) return <ListError title="API key providers could not be listed" err={err} />;
    throw err;
  }
  return items.length ? <ApiKeyProvidersTable items={items} usage={await usage} /> : <ApiKeyProvidersEmpty />;
}

async function Oauth2Providers({ region, usage }: { region: string; usage: Promise<ProvidersUsage> }) {
  let items;
  try {
    // The list has no callback URLs: read each provider too.
    items = await listOauth2Providers(region, { details: true });
  } catch (err) {
    if (err instanceof ConsoleError) return <ListError title="OAuth2 providers could not be listed" err={err} />;
    throw err;
  }
  return items.length ? <Oauth2ProvidersTable items={items} usage={await usage} /> : <Oauth2ProvidersEmpty />;
}
