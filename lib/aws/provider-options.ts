// Server-only: the credential providers a target form can pick from, as name + ARN.
import "server-only";
import { listCredentialProviders } from "./credential-providers";
import { ConsoleError } from "./errors";

export type ProviderOptions = { apiKey: { name: string; arn: string }[]; oauth: { name: string; arn: string }[] };

/** Providers to offer; an empty list (and the reason) when they cannot be read, so the form still opens. */
export async function providerOptions(region: string): Promise<{ options: ProviderOptions; problem?: string }> {
  try {
    const list = await listCredentialProviders(region);
    return {
      options: {
        apiKey: list.apiKey.map((p) => ({ name: p.name, arn: p.credentialProviderArn })),
        oauth: list.oauth.map((p) => ({ name: p.name, arn: p.credentialProviderArn })),
      },
    };
  } catch (err) {
    if (!(err instanceof ConsoleError)) throw err;
    return { options: { apiKey: [], oauth: [] }, problem: `${err.message} (${err.awsName})` };
  }
}
