// Server-only view of who is calling: the signed session of this request, re-checked where actions reach AWS.
import "server-only";
import { cookies, headers } from "next/headers";
import { ConsoleError } from "@/lib/aws/errors";
import { decide } from "./access";
import { SESSION_COOKIE, authMode, configuredToken, verifySessionValue } from "./token";

/** The session id of this request, or null (no request scope, no session, or authentication off). */
export async function currentSessionId(): Promise<string | null> {
  try {
    return verifySessionValue((await cookies()).get(SESSION_COOKIE)?.value, configuredToken());
  } catch {
    return null;
  }
}

/** Who made this request, for the audit log: "session 1a2b3c4d", "local (authentication off)" or "unknown". */
export async function currentActor(): Promise<string> {
  if (authMode() === "off") return "local (authentication off)";
  const id = await currentSessionId();
  return id ? `session ${id.slice(0, 8)}` : "unknown";
}

/**
 * The proxy already refused the request otherwise; actions check again before they reach AWS (a matcher change or a moved
 * action must never open a door). Throws a ConsoleError the action wrapper turns into a failed result.
 */
export async function assertAccess(): Promise<void> {
  const h = await headers();
  const d = decide({
    method: "POST",
    pathname: "",
    host: h.get("host"),
    origin: h.get("origin"),
    sessionCookie: (await cookies()).get(SESSION_COOKIE)?.value,
  });
  if (d.kind !== "allow") throw new ConsoleError("access-denied", d.kind === "refuse" ? d.message : "Sign in first.", "AccessRefused");
}
