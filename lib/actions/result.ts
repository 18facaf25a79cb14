// The one result shape every server action returns, and the wrapper that maps errors into it.
import "server-only";
import type { FieldErrors } from "@/lib/schemas/form-errors";
import { ConsoleError } from "@/lib/aws/errors";
import { assertAccess } from "@/lib/auth/session";

/** What a multi-step action had already made when a later step failed, so the form can reuse it. */
export type Provisioned = {
  /** Human lines, e.g. "role AgentCoreGateway-orders (arn:…)". */
  created: string[];
  roleArn?: string;
  cognito?: { poolId: string; clientId: string; discoveryUrl: string };
};

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; message: string; errorName?: string; fieldErrors: FieldErrors; provisioned?: Provisioned };

export function fail(message: string, fieldErrors: FieldErrors = {}, errorName?: string): ActionResult<never> {
  return { ok: false, message, fieldErrors, errorName };
}

/**
 * Runs an action body after the access check (host allowlist and session, again after the proxy); a ConsoleError becomes a
 * failed result, with AWS's field list placed by `placeFields`.
 */
export async function runAction<T>(
  body: () => Promise<ActionResult<T>>,
  placeFields: (fieldList: { name: string; message: string }[]) => FieldErrors = () => ({}),
): Promise<ActionResult<T>> {
  try {
    await assertAccess();
    return await body();
  } catch (err) {
    if (err instanceof ConsoleError) {
      return fail(err.message, err.fieldList.length ? placeFields(err.fieldList) : {}, err.awsName);
    }
    if (err && typeof err === "object" && "digest" in err) throw err; // Next's redirect/notFound signals
    console.error("[action] unexpected failure:", err instanceof Error ? err.message : String(err));
    return fail("Something went wrong on the server. Try again.");
  }
}
