"use client";
// After a form sends the user to a list with ?focus=ID, focuses the element marked data-focus-id=ID (the new row) and drops the parameter.
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect } from "react";

export const FOCUS_PARAM = "focus";

export function FocusFromUrl() {
  const id = useSearchParams().get(FOCUS_PARAM);
  const pathname = usePathname();
  useEffect(() => {
    if (!id) return;
    const el = [...document.querySelectorAll<HTMLElement>("[data-focus-id]")].find((e) => e.dataset.focusId === id);
    (el ?? document.getElementById("main"))?.focus();
    // A reload or a shared link should not jump again.
    window.history.replaceState(window.history.state, "", pathname);
  }, [id, pathname]);
  return null;
}
