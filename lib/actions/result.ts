// The one result shape every server action returns (the wrapper in ./action.ts builds it).
import type { FieldErrors } from "@/lib/schemas/form-errors";
import type { ProvisionReport } from "@/lib/schemas/provision";

/** What a multi-step action had already made (the roles form; the gateway create returns its plan's `report`) when a later step failed, so the form can show and reuse it. */
export type Provisioned = {
  /** Human lines, e.g. "role AgentCoreGateway-orders (arn:…)"; empty when an existing resource was reused. */
  created: string[];
  roleName?: string;
  roleArn?: string;
  cognito?: { poolId: string; clientId: string; discoveryUrl: string };
};

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; message: string; errorName?: string; fieldErrors: FieldErrors; provisioned?: Provisioned; report?: ProvisionReport };

export function fail(message: string, fieldErrors: FieldErrors = {}, errorName?: string): ActionResult<never> {
  return { ok: false, message, fieldErrors, errorName };
}
