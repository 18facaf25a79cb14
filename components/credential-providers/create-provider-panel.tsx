"use client";
// The create-provider pages: the form, then what was created, with a way back and a way to create another.
import Link from "next/link";
import { useState } from "react";
import type { CredentialProvider } from "@/lib/models/credential-providers";
import type { ProviderKind } from "@/lib/schemas/credential-provider";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { ApiKeyProviderForm } from "./api-key-provider-form";
import { Oauth2ProviderForm } from "./oauth2-provider-form";
import { ProviderCreated } from "./provider-created";

export function CreateProviderPanel({ kind }: { kind: ProviderKind }) {
  const [created, setCreated] = useState<CredentialProvider | null>(null);
  // A new key remounts the form empty for "Create another".
  const [round, setRound] = useState(0);
  return (
    <Card className="max-w-3xl">
      <CardContent className="py-5">
        {created ? (
          <ProviderCreated provider={created}>
            <Link href="/credential-providers" className={buttonVariants()}>
              Back to credential providers
            </Link>
            <Button
              variant="outline"
              onClick={() => {
                setCreated(null);
                setRound((r) => r + 1);
              }}
            >
              Create another
            </Button>
          </ProviderCreated>
        ) : kind === "apiKey" ? (
          <ApiKeyProviderForm key={round} onCreated={setCreated} />
        ) : (
          <Oauth2ProviderForm key={round} onCreated={setCreated} />
        )}
      </CardContent>
    </Card>
  );
}
