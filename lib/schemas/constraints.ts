// The AgentCore Control model's constraints for the gateway fields the console edits (bedrock-agentcore-control 2023-06-05).
// Copied here so the browser bundle stays small; constraints.test.ts checks each one against the model extract.

export const GATEWAY_NAME_PATTERN = "^([0-9a-zA-Z][-]?){1,48}$";
export const GATEWAY_NAME_MAX = 48;
export const GATEWAY_DESCRIPTION_MAX = 200;
export const ROLE_ARN_PATTERN = "^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+$";
export const ROLE_ARN_MAX = 2048;
export const DISCOVERY_URL_PATTERN = "^.+/\\.well-known/openid-configuration$";
export const SCOPE_PATTERN = "^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$";
export const SCOPE_MAX = 255;
export const CLAIM_NAME_PATTERN = "^[A-Za-z0-9_.-:]+$";
export const CLAIM_NAME_MAX = 255;
export const CLAIM_VALUE_PATTERN = "^[A-Za-z0-9_.-]+$";
export const CLAIM_VALUE_MAX = 255;
export const MCP_INSTRUCTIONS_MAX = 2048;
export const KMS_KEY_ARN_PATTERN = "^arn:aws(|-cn|-us-gov):kms:[a-zA-Z0-9-]*:[0-9]{12}:key/[a-zA-Z0-9-]{36}$";
export const KMS_KEY_ARN_MAX = 2048;
export const TAG_PATTERN = "^[a-zA-Z0-9\\s._:/=+@-]*$";
export const TAG_KEY_MAX = 128;
export const TAG_VALUE_MAX = 256;
export const TAGS_MAX = 50;
export const GATEWAY_ID_PATTERN = "^([0-9a-z][-]?){1,100}-[0-9a-z]{10}$";
export const LIST_MAX_RESULTS_MIN = 1;
export const LIST_MAX_RESULTS_MAX = 1000;

export const AUTHORIZER_TYPES = ["CUSTOM_JWT", "AWS_IAM", "NONE"] as const;
export const CLAIM_VALUE_TYPES = ["STRING", "STRING_ARRAY"] as const;
export const CLAIM_OPERATORS = ["EQUALS", "CONTAINS", "CONTAINS_ANY"] as const;
/** MCP protocol versions AgentCore Gateway accepts in protocolConfiguration.mcp.supportedVersions. */
export const MCP_VERSIONS = ["2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28"] as const;
