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
  type ApiKeyProvider,
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
import { action, arg, form, nameTaken } from "./action";
import { fail } from "./result";

const PAGE = "/credential-providers";
const NOT_A_PROVIDER = "That is not a credential provider.";
const placeFields = (err: ConsoleError) => awsFieldListToProviderFormErrors(err.fieldList);

/** A duplicate name is the one conflict CreateXCredentialProvider reports: show it at the name field. */
const nameTakenIn = (kind: ProviderKind, name: string) =>
  nameTaken({ field: "name", message: `An ${PROVIDER_NOUN[kind]} named ${name} already exists. Choose another name.` });

export const createApiKeyProviderAction = action(form(apiKeyProviderSchema)).handle(
  async ([values]) => {
    const provider: ApiKeyProvider = await createApiKeyProvider(await getRegion(), values).catch(nameTakenIn("apiKey", values.name));
    revalidatePath(PAGE);
    return { ok: true, data: provider };
  },
  { fields: placeFields },
);

export const createOauth2ProviderAction = action(form(oauth2ProviderSchema)).handle(
  async ([values]) => {
    const provider: Oauth2Provider = await createOauth2Provider(await getRegion(), toOauth2ProviderRequest(values)).catch(nameTakenIn("oauth", values.name));
    revalidatePath(PAGE);
    return { ok: true, data: provider };
  },
  { fields: placeFields },
);

export const deleteCredentialProviderAction = action(arg(z.enum(PROVIDER_KINDS), NOT_A_PROVIDER), arg(providerNameSchema, NOT_A_PROVIDER), arg(z.unknown())).handle(
  async ([kind, name, confirmName]) => {
    if (confirmName !== name) return fail("Type the provider's name exactly to confirm.", { confirmName: `Type ${name} to confirm.` });
    const region = await getRegion();
    try {
      await (kind === "apiKey" ? deleteApiKeyProvider(region, name) : deleteOauth2Provider(region, name));
    } catch (err) {
      if (err instanceof ConsoleError && err.kind === "not-found") {
        revalidatePath(PAGE);
        return fail(`The ${PROVIDER_NOUN[kind]} ${name} no longer exists.`, {}, err.awsName);
      }
      throw err;
    }
    revalidatePath(PAGE);
    return { ok: true, data: { name } };
  },
);
