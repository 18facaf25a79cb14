// What `npm start` decides about access before it serves anything: refuse unsafe setups, else the token to print.
import type { Env } from "./hosts";
import { isLoopbackHost } from "./hosts";
import { MIN_TOKEN_LENGTH, authMode, configuredToken, newToken } from "./token";

export type StartupAuth =
  | { ok: true; mode: "token"; token: string; generated: boolean; warning?: string }
  | { ok: true; mode: "off"; warning: string }
  | { ok: false; message: string };

export function startupAuth(env: Env = process.env): StartupAuth {
  const host = env.HOST || "127.0.0.1";
  const loopback = isLoopbackHost(host);
  const fixed = configuredToken(env);
  if (authMode(env) === "off") {
    if (!loopback) {
      return { ok: false, message: `Refusing to start: CONSOLE_AUTH=off is allowed only on a loopback HOST (127.0.0.1, localhost, ::1), not ${host}.` };
    }
    return { ok: true, mode: "off", warning: "WARNING: CONSOLE_AUTH=off: anyone who can reach this machine's loopback (every local user and process) can use this console and its AWS credentials." };
  }
  if (fixed !== undefined && fixed.length < MIN_TOKEN_LENGTH) {
    return { ok: false, message: `Refusing to start: CONSOLE_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters.` };
  }
  if (!loopback && !fixed) {
    return {
      ok: false,
      message: `Refusing to start on ${host} without configured authentication: set CONSOLE_TOKEN (at least ${MIN_TOKEN_LENGTH} random characters) and CONSOLE_ALLOWED_HOSTS (the name clients use), or serve on 127.0.0.1.`,
    };
  }
  const warning = loopback ? undefined : `Serving on ${host}: the console is reachable from the network; only the hosts in CONSOLE_ALLOWED_HOSTS are answered, and every request needs the token. Put it behind HTTPS.`;
  return fixed ? { ok: true, mode: "token", token: fixed, generated: false, warning } : { ok: true, mode: "token", token: newToken(), generated: true, warning };
}

/** The address to print: the sign-in URL with the token, on the first host a browser can use. */
export function signInUrl(env: Env, token: string | undefined): string {
  const host = env.HOST || "127.0.0.1";
  const port = env.PORT || "3000";
  const extra = (env.CONSOLE_ALLOWED_HOSTS ?? "").split(",").map((s) => s.trim()).filter(Boolean)[0];
  const name = host === "0.0.0.0" || host === "::" ? (extra ?? "127.0.0.1") : host;
  const hasPort = /^\[.*\]:\d+$|^[^:]+:\d+$/.test(name);
  const bracketed = name.includes(":") && !hasPort && !name.startsWith("[") ? `[${name}]` : name;
  const base = hasPort ? `http://${name}` : `http://${bracketed}:${port}`;
  return token ? `${base}/?token=${encodeURIComponent(token)}` : `${base}/`;
}
