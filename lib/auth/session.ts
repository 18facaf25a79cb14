// Who is acting: a short, non-secret label for the browser session behind the current request (minimal; the lead's version replaces it).
import "server-only";
import { cookies } from "next/headers";

export async function currentActor(): Promise<string> {
  try {
    const value = (await cookies()).get("agc-session")?.value;
    return value ? `session ${value.slice(0, 8)}` : "unknown";
  } catch {
    // Outside a request (scripts, startup) there are no cookies.
    return "unknown";
  }
}
