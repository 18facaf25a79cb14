"use client";
// Keeps a form's unsaved input in sessionStorage (per tab), so a reload or back/forward brings it back; cleared on success.
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { draftOf, fitDraft, readDraft, removeDraft, writeDraft } from "./form-draft";

export type DraftOptions = {
  /** Names the form and what it is for ("gateway:create", "target:GATEWAY_ID:new"); no key, no draft. */
  key?: string;
  /** Dotted paths never stored, beyond the secret-looking keys that never are. */
  omit?: readonly string[];
};

export type DraftApi = {
  /** True when the form shows input restored from an earlier visit. */
  restored: boolean;
  /** Forgets the draft and puts the form back to its initial values. */
  discard: () => void;
  /** Forgets the draft and stops keeping one (after a successful submit). */
  clear: () => void;
};

const noSubscription = () => () => {};
const SAVE_DELAY_MS = 250;

const session = (): Storage | undefined => {
  try {
    return typeof window === "undefined" ? undefined : window.sessionStorage;
  } catch {
    return undefined;
  }
};

export function useFormDraft<T>(options: DraftOptions | undefined, values: T, initial: T, replace: (v: T) => void): DraftApi {
  const key = options?.key;
  const omit = options?.omit;
  // False while the server's HTML hydrates (the server has no sessionStorage), true after: the draft is read then, never in the HTML.
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  const [checked, setChecked] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const stopped = useRef(false);
  const pending = useRef<{ key: string; values: T } | null>(null);

  // Restores once per key, during render (React's "adjust state when a prop changes"), so the first browser paint already shows it.
  if (key && inBrowser && checked !== key) {
    setChecked(key);
    const stored = readDraft(session(), key);
    if (stored !== null) {
      const fitted = fitDraft(initial, stored);
      if (JSON.stringify(fitted) !== JSON.stringify(initial)) {
        replace(fitted);
        setRestored(true);
      }
    }
  }

  const ready = Boolean(key) && checked === key;
  useEffect(() => {
    if (!key || !ready || stopped.current) return;
    pending.current = { key, values };
    const t = setTimeout(() => flush(), SAVE_DELAY_MS);
    return () => clearTimeout(t);
    // flush reads refs only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ready, values]);

  function flush() {
    const p = pending.current;
    pending.current = null;
    if (!p || stopped.current) return;
    const stored = draftOf(p.values, initial, omit);
    if (JSON.stringify(stored) === JSON.stringify(draftOf(initial, initial, omit))) removeDraft(session(), p.key);
    else writeDraft(session(), p.key, stored);
  }

  // A reload or a closed tab does not wait for the debounce; nor does leaving the page inside the app.
  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  });
  useEffect(() => {
    const onHide = () => flushRef.current();
    window.addEventListener("pagehide", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      onHide();
    };
  }, []);

  return {
    restored,
    discard() {
      if (key) removeDraft(session(), key);
      pending.current = null;
      setRestored(false);
      replace(initial);
    },
    clear() {
      stopped.current = true;
      pending.current = null;
      setRestored(false);
      if (key) removeDraft(session(), key);
    },
  };
}
