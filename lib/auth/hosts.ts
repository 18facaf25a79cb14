// Which Host and Origin values the console answers to: loopback on its own port by default, more by CONSOLE_ALLOWED_HOSTS.

/** The settings these checks read (process.env, or a test's own). */
export type Env = Record<string, string | undefined>;

/** True for loopback names and addresses: 127.0.0.0/8, localhost, ::1 (with or without brackets). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (h === "localhost" || h === "::1" || h === "0:0:0:0:0:0:0:1") return true;
  return /^127(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(h);
}

/** `host:port` as it appears in a Host header; IPv6 addresses in brackets. */
function hostWithPort(hostname: string, port: string): string {
  const h = hostname.includes(":") && !hostname.startsWith("[") ? `[${hostname}]` : hostname;
  return `${h}:${port}`.toLowerCase();
}

/**
 * The Host header values allowed: `127.0.0.1:PORT`, `localhost:PORT`, `[::1]:PORT`, the listening host when it is a specific
 * name, and every entry of CONSOLE_ALLOWED_HOSTS (comma-separated; `name` means `name:PORT`, `name:port` is taken as is).
 */
export function allowedHosts(env: Env = process.env): Set<string> {
  const port = env.PORT || "3000";
  const out = new Set([hostWithPort("127.0.0.1", port), hostWithPort("localhost", port), hostWithPort("::1", port)]);
  const listen = env.HOST;
  if (listen && listen !== "0.0.0.0" && listen !== "::") out.add(hostWithPort(listen, port));
  for (const raw of (env.CONSOLE_ALLOWED_HOSTS ?? "").split(",")) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    out.add(/^\[.*\]:\d+$|^[^:[\]]+:\d+$/.test(entry) ? entry : hostWithPort(entry, port));
  }
  return out;
}

/** The `host:port` an Origin header names (default ports filled in), or null when it is not an http(s) origin. */
export function originHost(origin: string): string | null {
  try {
    const u = new URL(origin);
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    return `${u.hostname}:${u.port || (u.protocol === "https:" ? "443" : "80")}`.toLowerCase();
  } catch {
    return null;
  }
}
