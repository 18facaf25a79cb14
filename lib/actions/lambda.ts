"use server";
// PLACEHOLDER: replaced by the server helper's file at merge
// Server actions for Lambda functions the target form can use: list them, and in the sandbox create a starter function.
import { fail, type ActionResult } from "./result";

export type LambdaFunctionOption = { functionName: string; functionArn: string; runtime?: string; description?: string };

/** The region's functions; `sandbox` says whether a starter function can be created here. */
export async function listFunctionsAction(): Promise<ActionResult<{ functions: LambdaFunctionOption[]; sandbox: boolean }>> {
  return fail("not implemented");
}

/** Sandbox only: a Node.js starter function answering per tool, its ARN and the matching inline tool schema. */
export async function createStarterFunctionAction(name: string): Promise<ActionResult<{ functionArn: string; toolSchema: unknown }>> {
  void name;
  return fail("not implemented");
}
