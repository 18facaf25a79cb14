import type { Metadata } from "next";
import { CreateProviderPage } from "@/components/credential-providers/create-provider-page";

export const metadata: Metadata = { title: "Create OAuth2 provider" };

export default function NewOauth2ProviderPage() {
  return <CreateProviderPage kind="oauth" />;
}
