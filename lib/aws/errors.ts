// Maps AWS SDK errors to typed console errors: a human sentence plus the AWS error name.
import "server-only";
import type { Loaded } from "@/lib/models/loaded";

export type ConsoleErrorKind =
  | "validation"
  | "not-found"
  | "conflict"
  | "access-denied"
  | "throttled"
  | "quota"
  | "server"
  | "unreachable"
  | "credentials"
  | "unknown";

export type AwsFieldError = { name: string; message: string };

export class ConsoleError extends Error {
  constructor(
    readonly kind: ConsoleErrorKind,
    message: string,
    readonly awsName: string,
    readonly fieldList: AwsFieldError[] = [],
  ) {
    super(message);
    this.name = "ConsoleError";
  }
}

type SdkLikeError = {
  name?: string;
  message?: string;
  code?: string;
  fieldList?: { name?: string; message?: string }[];
  $metadata?: { httpStatusCode?: number };
};

const KIND_BY_NAME: Record<string, ConsoleErrorKind> = {
  ValidationException: "validation",
  InvalidParameterException: "validation",
  MalformedPolicyDocumentException: "validation",
  ResourceNotFoundException: "not-found",
  NoSuchEntityException: "not-found",
  NoSuchEntity: "not-found",
  ConflictException: "conflict",
  EntityAlreadyExistsException: "conflict",
  DeleteConflictException: "conflict",
  AccessDeniedException: "access-denied",
  AccessDenied: "access-denied",
  NotAuthorizedException: "access-denied",
  UnrecognizedClientException: "credentials",
  InvalidClientTokenId: "credentials",
  ExpiredTokenException: "credentials",
  ThrottlingException: "throttled",
  Throttling: "throttled",
  TooManyRequestsException: "throttled",
  ServiceQuotaExceededException: "quota",
  ResourceLimitExceededException: "quota",
  UnauthorizedException: "access-denied",
  DecryptionFailure: "server",
  EncryptionFailure: "server",
  LimitExceededException: "quota",
  InternalServerException: "server",
  InternalErrorException: "server",
  ServiceFailure: "server",
  CredentialsProviderError: "credentials",
};

function sentence(kind: ConsoleErrorKind, what: string, awsMessage: string | undefined): string {
  const detail = awsMessage && awsMessage.trim() !== "" ? ` ${awsMessage.trim().replace(/([^.])$/, "$1.")}` : "";
  switch (kind) {
    case "validation":
      return `AWS rejected the request to ${what}.${detail}`;
    case "not-found":
      return `Could not ${what}: it does not exist (it may have been deleted).`;
    case "conflict":
      return `Could not ${what}.${detail || " It conflicts with the resource's current state."}`;
    case "access-denied":
      return `Your AWS identity is not allowed to ${what}.${detail}`;
    case "throttled":
      return `AWS is throttling requests, so the console could not ${what}. Wait a moment and try again.`;
    case "quota":
      return `Could not ${what}: a service quota was reached.${detail}`;
    case "server":
      return `AWS had an internal error and could not ${what}. Try again.`;
    case "credentials":
      return `Could not ${what}: no valid AWS credentials were found. Check your profile or environment.`;
    case "unreachable":
      return `Could not ${what}: the backend could not be reached.${detail}`;
    default:
      return `Could not ${what}.${detail}`;
  }
}

/** Wraps an SDK failure as a ConsoleError; logs the raw error name and message (never the request). */
export function toConsoleError(err: unknown, what: string): ConsoleError {
  if (err instanceof ConsoleError) return err;
  const e = (err ?? {}) as SdkLikeError;
  let awsName = e.name && e.name !== "Error" ? e.name : e.code ?? "UnknownError";
  let kind: ConsoleErrorKind = KIND_BY_NAME[awsName] ?? "unknown";
  if (kind === "unknown" && (e.code === "ECONNREFUSED" || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|socket hang up/.test(e.message ?? ""))) {
    kind = "unreachable";
    awsName = e.code ?? "NetworkingError";
  }
  if (kind === "unknown" && e.$metadata?.httpStatusCode && e.$metadata.httpStatusCode >= 500) kind = "server";
  const fieldList = (e.fieldList ?? []).map((f) => ({ name: f.name ?? "", message: f.message ?? "" }));
  console.error(`[aws] ${what} failed: ${awsName}: ${e.message ?? ""}`);
  return new ConsoleError(kind, sentence(kind, what, kind === "unreachable" ? undefined : e.message), awsName, fieldList);
}

/** True for an SDK error saying the resource does not exist (before it is mapped). */
export const isNotFound = (err: unknown) => (err as { name?: string } | null)?.name === "ResourceNotFoundException";

/** Runs one read: a not-found becomes null, any other failure a ConsoleError (mapped by `map`, toConsoleError by default). */
export async function nullIfNotFound<T>(what: string, read: () => Promise<T>, map: (err: unknown, what: string) => ConsoleError = toConsoleError): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    const e = map(err, what);
    if (e.kind === "not-found") return null;
    throw e;
  }
}

/** Settles a read for a component: a ConsoleError becomes a failure to show; anything else still reaches the error boundary. */
export async function loaded<T>(work: Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await work };
  } catch (err) {
    if (!(err instanceof ConsoleError)) throw err;
    return { ok: false, message: err.message, errorName: err.awsName };
  }
}
