"use client";
// A named region that takes focus when it appears: the result of a submit, so keyboard and screen-reader users land on it.
import { useEffect, useRef, type ReactNode } from "react";

export function FocusOnMount({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} role="region" aria-label={label} className="focus:outline-none">
      {children}
    </div>
  );
}
