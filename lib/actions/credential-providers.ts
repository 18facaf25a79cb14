"use server";
// Server actions for credential providers: parse with the shared schemas again, call lib/aws, revalidate. Secrets go in, never come back.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getRegion } from "@/lib/aws/config";
import { ConsoleError } from "@/lib/aws/errors";
import {
  createApiKeyProvider,
  createOauth2Provider,
  deleteApiKeyProvider,
  deleteOauth2Provider,
  listCredentialProviders,
  updateApiKeyProvider,
  type ApiKeyProvider,
  type CredentialProviderList,
  type Oauth2Provider,
} from "@/lib/aws/credential-providers";
import {
  apiKeyProviderSchema,
  awsFieldListToProviderFormErrors,
  oauth2ProviderSchema,
  PROVIDER_KINDS,
  PROVIDER_NOUN,
  providerNameSchema,
  toOauth2ProviderRequest,
  type ProviderKind,
} from "@/lib/schemas/credential-provider";
import { issuesToFieldErrors } from "@/lib/schemas/form-errors";
import { fail, runAction, type ActionResult } from "./result";

const INVALID_FORM = "Some fields need attention. Fix them and submit again.";
const PAGE = "/credential-providers";
const kindSchema = z.enum(PROVIDER_KINDS);

/** A duplicate name is the one conflict CreateXCredentialProvider reports: show it at the name field. */
function duplicateName(err: unknown, kind: ProviderKind, name: string): ActionResult<never> | null {
  if (!(err instanceof ConsoleError) || err.kind !== "conflict") return null;
  return fail(err.message, { name: `An ${PROVIDER_NOUN[kind]} named ${name} already exists. Choose another name.` }, err.awsName);
}

export async function createApiKeyProviderAction(values: unknown): Promise<ActionResult<ApiKeyProvider>> {
  const parsed = apiKeyProviderSchema.safeParse(values);
  // Field errors carry messages only, never the values: nothing typed in the key field is sent back.
  if (!parsed.success) return fail(INVALID_FORM, issuesToFieldErrors(parsed.error.issues));
  return runAction(async () => {
    const region = await getRegion();
    try {
      const provider = await createApiKeyProvider(region, parsed.data);
      revalidatePath(PAGE);
      return { ok: true, data: provider };
    } catch (err) {
      const dup = duplicateName(err, "apiKey", parsed.data.name);
      if (dup) return dup;
      throw err;
    }
  }, awsFieldListToProviderFormErrors);
}

/** Replaces an API key provider's key (key rotation). */
export async function updateApiKeyProviderAction(values: unknown): Promise<ActionResult<ApiKeyProvider>> {
  const parsed = apiKeyProviderSchema.safeParse(values);
  if (!parsed.success) return fail(INVALID_FORM, issuesToFieldErrors(parsed.error.issues));
  return runAction(async () => {
    const provider = await updateApiKeyProvider(await getRegion(), parsed.data);
    revalidatePath(PAGE);
    return { ok: true, data: provider };
  }, awsFieldListToProviderFormErrors);
}

export async function createOauth2ProviderAction(values: unknown): Promise<ActionResult<Oauth2Provider>> {
  const parsed = oauth2ProviderSchema.safeParse(values);
  if (!parsed.success) return fail(INVALID_FORM, issuesToFieldErrors(parsed.error.issues));
  return runAction(async () => {
    const region = await getRegion();
    try {
      const provider = await createOauth2Provider(region, toOauth2ProviderRequest(parsed.data));
      revalidatePath(PAGE);
      return { ok: true, data: provider };
    } catch (err) {
      const dup = duplicateName(err, "oauth", parsed.data.name);
      if (dup) return dup;
      throw err;
    }
  }, awsFieldListToProviderFormErrors);
}

export async function deleteCredentialProviderAction(kind: unknown, name: unknown, confirmName: unknown): Promise<ActionResult<{ name: string }>> {
  const k = kindSchema.safeParse(kind);
  const n = providerNameSchema.safeParse(name);
  if (!k.success || !n.success) return fail("That is not a credential provider.");
  if (confirmName !== n.data) return fail("Type the provider's name exactly to confirm.", { confirmName: `Type ${n.data} to confirm.` });
  return runAction(async () => {
    const region = await getRegion();
    try {
      await (k.data === "apiKey" ? deleteApiKeyProvider(region, n.data) : deleteOauth2Provider(region, n.data));
    } catch (err) {
      if (err instanceof ConsoleError && err.kind === "not-found") {
        revalidatePath(PAGE);
        return fail(`The ${PROVIDER_NOUN[k.data]} ${n.data} no longer exists.`, {}, err.awsName);
      }
      throw err;
    }
    revalidatePath(PAGE);
    return { ok: true, data: { name: n.data } };
  });
}

/** Both lists for a client-side picker that wants to refresh (the OAuth2 entries carry their callback URLs). */
export async function listCredentialProvidersAction(): Promise<ActionResult<CredentialProviderList>> {
  return runAction(async () => ({ ok: true, data: await listCredentialProviders(await getRegion(), { details: true }) }));
}
