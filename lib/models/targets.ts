// Read models of gateway targets as the UI sees them: plain, serializable data that lib/aws returns and components render.
// Nested configurations keep the wire structure (type-only, erased at build) so an edit can re-send them unchanged.
import type {
  AuthorizationData,
  CredentialProviderConfiguration,
  ManagedResourceDetails,
  MetadataConfiguration,
  PrivateEndpoint,
  TargetConfiguration,
} from "@aws-sdk/client-bedrock-agentcore-control";

export type TargetSummary = {
  targetId: string;
  name: string;
  status: string;
  description?: string;
  targetType?: string;
  createdAt: string;
  updatedAt: string;
  lastSynchronizedAt?: string;
};

export type Target = {
  gatewayId: string;
  gatewayArn?: string;
  targetId: string;
  name: string;
  description?: string;
  status: string;
  statusReasons?: string[];
  targetConfiguration?: TargetConfiguration;
  credentialProviderConfigurations?: CredentialProviderConfiguration[];
  metadataConfiguration?: MetadataConfiguration;
  privateEndpoint?: PrivateEndpoint;
  privateEndpointManagedResources?: ManagedResourceDetails[];
  authorizationData?: AuthorizationData;
  protocolType?: string;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
  lastSynchronizedAt?: string;
};
