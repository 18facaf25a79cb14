// Cognito user pools service definition (moto "urls"): awsJson1_1 operations plus the OIDC routes.
import { ServiceError, type ServiceDefinition } from "../../core/types";
import { summarize } from "../../core/validate";
import { SERVICE_NAME, initialState } from "./models";
import { cognitoError, cognitoOperations } from "./responses";
import { oidcRoutes } from "./oidc";
import { cognitoModel } from "./patterns";

export { sandboxTokenEndpoint, sandboxDiscoveryUrl, sandboxIssuer, sandboxJwksUrl, awsTokenEndpoint, awsDiscoveryUrl, awsIssuer } from "../../../formats/cognito-urls";

export function cognitoService(): ServiceDefinition {
  const { model, restoreMessages } = cognitoModel();
  return {
    name: SERVICE_NAME,
    signingName: "cognito-idp",
    protocol: "awsJson1_1",
    targetPrefix: "AWSCognitoIdentityProviderService",
    model,
    operations: { ...cognitoOperations },
    initialState,
    validationError: (fields) => cognitoError("InvalidParameterException", summarize(restoreMessages(fields))),
    parseError: (message) => new ServiceError("SerializationException", message, { status: 400 }),
    httpRoutes: oidcRoutes,
  };
}
