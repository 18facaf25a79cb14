"use client";
// Checks any OIDC provider's discovery URL (Auth0, Okta, Entra ID, Keycloak…) from the server.
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { VerifyDiscoveryButton } from "./verify-discovery-button";

export function DiscoveryChecker() {
  const [url, setUrl] = useState("");
  return (
    <div className="space-y-3">
      <Field
        id="discovery-check-url"
        label="Discovery URL"
        hint="Ends in /.well-known/openid-configuration. The console fetches it from its server, with a 5 s timeout."
      >
        {(p) => (
          <Input
            {...p}
            type="url"
            inputMode="url"
            placeholder="https://example.okta.com/oauth2/default/.well-known/openid-configuration"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        )}
      </Field>
      <VerifyDiscoveryButton url={url} />
    </div>
  );
}
