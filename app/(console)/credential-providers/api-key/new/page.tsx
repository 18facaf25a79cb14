import type { Metadata } from "next";
import { CreateProviderPage } from "@/components/credential-providers/create-provider-page";

export const metadata: Metadata = { title: "Create API key provider" };

export default function NewApiKeyProviderPage() {
  return <CreateProviderPage kind="apiKey" />;
}
