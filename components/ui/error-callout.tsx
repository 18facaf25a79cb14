// Shows a console error: the human sentence, the AWS error name, and a "Try again" button when the error is worth retrying.
import { Callout } from "@/components/ui/alert";
import { RetryButton, type Retry } from "./retry-button";

/** Errors whose own sentence says to try again (throttling, internal errors, an unreachable server) are the transient ones. */
export const saysTryAgain = (message: string) => /\btry again\b/i.test(message);

export function ErrorCallout({
  title,
  message,
  errorName,
  retry,
  retrying,
}: {
  title: string;
  message: string;
  errorName?: string;
  /** How to retry: "reload" for a page's load, or the caller's action; the button shows only when the message says to try again. */
  retry?: Retry;
  retrying?: boolean;
}) {
  return (
    <Callout tone="danger" role="alert">
      <p className="font-medium">{title}</p>
      <p className="mt-1">{message}</p>
      {errorName ? <p className="mt-1 font-mono text-xs text-muted-foreground">{errorName}</p> : null}
      {retry && saysTryAgain(message) ? <RetryButton retry={retry} busy={retrying} /> : null}
    </Callout>
  );
}

/** The short form: the sentence with the AWS error name beside it, for a failure shown inline under a control. */
export function FailureCallout({ failure }: { failure: { message: string; errorName?: string } }) {
  return (
    <Callout tone="danger" role="alert">
      {failure.message}
      {failure.errorName ? <span className="ml-2 font-mono text-xs text-muted-foreground">{failure.errorName}</span> : null}
    </Callout>
  );
}
