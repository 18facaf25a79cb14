// A create-provider page: the way back, the title and what the provider is for, then the form.
import Link from "next/link";
import { PROVIDER_NOUN, type ProviderKind } from "@/lib/schemas/credential-provider";
import { CreateProviderPanel } from "./create-provider-panel";

const PURPOSE: Record<ProviderKind, string> = {
  apiKey: "The gateway sends this key to a target API (in a header or query parameter you choose on the target).",
  oauth: "The gateway gets OAuth2 access tokens from this provider to call a target on behalf of your app or its users.",
};

export function CreateProviderPage({ kind }: { kind: ProviderKind }) {
  return (
    <div className="space-y-5">
      <div>
        <Link href="/credential-providers" className="text-sm text-info hover:underline">
          Credential providers
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">{`Create ${PROVIDER_NOUN[kind]}`}</h1>
        <p className="text-sm text-muted-foreground">{PURPOSE[kind]}</p>
      </div>
      <CreateProviderPanel kind={kind} />
    </div>
  );
}
