// Read models of gateways as the UI sees them: plain, serializable data that lib/aws returns and components render.
// Nested configurations keep the wire structure (type-only, erased at build) so a full PUT can re-send them unchanged.
import type {
  AuthorizerConfiguration,
  CustomTransformConfiguration,
  GatewayInterceptorConfiguration,
  GatewayPolicyEngineConfiguration,
  GatewayProtocolConfiguration,
  WafConfiguration,
  WorkloadIdentityDetails,
} from "@aws-sdk/client-bedrock-agentcore-control";

export type GatewayStatus = "CREATING" | "UPDATING" | "UPDATE_UNSUCCESSFUL" | "DELETING" | "READY" | "FAILED";

export type GatewaySummary = {
  gatewayId: string;
  name: string;
  status: GatewayStatus;
  description?: string;
  authorizerType: string;
  protocolType: string;
  createdAt: string;
  updatedAt: string;
};

export type Gateway = {
  gatewayId: string;
  gatewayArn: string;
  gatewayUrl?: string;
  name: string;
  description?: string;
  status: GatewayStatus;
  statusReasons?: string[];
  roleArn?: string;
  protocolType?: string;
  protocolConfiguration?: GatewayProtocolConfiguration;
  authorizerType: string;
  authorizerConfiguration?: AuthorizerConfiguration;
  kmsKeyArn?: string;
  exceptionLevel?: "DEBUG";
  workloadIdentityDetails?: WorkloadIdentityDetails;
  interceptorConfigurations?: GatewayInterceptorConfiguration[];
  policyEngineConfiguration?: GatewayPolicyEngineConfiguration;
  customTransformConfiguration?: CustomTransformConfiguration;
  wafConfiguration?: WafConfiguration;
  webAclArn?: string;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
};
