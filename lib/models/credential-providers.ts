// Read models of credential providers (API key and OAuth2): plain data lib/aws returns and components render. Never a secret.

export type ApiKeyProvider = {
  kind: "apiKey";
  name: string;
  credentialProviderArn: string;
  /** The Secrets Manager secret holding the key (from Get/Create/Update; List does not return it). */
  secretArn?: string;
  secretSource?: string;
  createdAt: string;
  updatedAt: string;
};

export type Oauth2DiscoveryView = { discoveryUrl?: string; issuer?: string; authorizationEndpoint?: string; tokenEndpoint?: string };

export type Oauth2Provider = {
  kind: "oauth";
  name: string;
  vendor: string;
  credentialProviderArn: string;
  /** Where the vendor redirects after a user consents; register it with the vendor. Not in List results. */
  callbackUrl?: string;
  clientId?: string;
  discovery?: Oauth2DiscoveryView;
  secretArn?: string;
  secretSource?: string;
  status?: string;
  createdAt: string;
  updatedAt: string;
};

export type CredentialProvider = ApiKeyProvider | Oauth2Provider;

export type CredentialProviderList = { apiKey: ApiKeyProvider[]; oauth: Oauth2Provider[] };
