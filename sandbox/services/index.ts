// The service registry: every service the sandbox serves. Add a service here (one line) to mount it.
import type { ServiceDefinition } from "../core/types";
import { agentCoreControlService } from "./agentcore-control";
import { cognitoService } from "./cognito";
import { stsService } from "./sts";
import { iamService } from "./iam";
import { lambdaService } from "./lambda";

export function defaultServices(): ServiceDefinition[] {
  return [agentCoreControlService(), stsService(), iamService(), cognitoService(), lambdaService()];
}
