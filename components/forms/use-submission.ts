"use client";
// What every create/edit form does around a submit: the form-level failure, focus on the first invalid field, and an idempotency token per submission.
import { useEffect, useRef, useState } from "react";

export type Failure = { message: string; errorName?: string };

export function useSubmission<T>(form: { isValid: boolean; markSubmitted: () => void }, values: T) {
  const formRef = useRef<HTMLFormElement>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const token = useRef<{ forValues: string; token: string } | null>(null);
  // Focus moves once React has drawn the errors, not before.
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  /** Shows why the submission failed and moves focus to the first field with an error. */
  function fail(f: Failure) {
    setFailure(f);
    setFocusRequest((n) => n + 1);
  }

  /** Starts a submission: false (with the form-level message) when the form has errors. */
  function begin(): boolean {
    form.markSubmitted();
    setFailure(null);
    if (form.isValid) return true;
    fail({ message: "Some fields need attention. Fix them and submit again." });
    return false;
  }

  /** The same values (a retry after a network error, a double click) reuse their token, so AWS creates one resource only. */
  function clientToken(): string {
    const snapshot = JSON.stringify(values);
    if (!token.current || token.current.forValues !== snapshot) token.current = { forValues: snapshot, token: crypto.randomUUID() };
    return token.current.token;
  }

  return { formRef, failure, fail, begin, clientToken };
}
