// A stand-in for next/headers in integration tests that call server actions directly: a signed-in request on 127.0.0.1:3000.
import { SESSION_COOKIE, newSessionValue } from "../../lib/auth/token";

export const TEST_CONSOLE_TOKEN = "integration-test-console-token-0123456789";
process.env.CONSOLE_TOKEN = TEST_CONSOLE_TOKEN;
delete process.env.CONSOLE_AUTH;
delete process.env.CONSOLE_ALLOWED_HOSTS;
process.env.PORT = "3000";

const session = newSessionValue(TEST_CONSOLE_TOKEN);
export const TEST_SESSION_ID = session.id;

/** The request the next action call sees; a test may change it (e.g. a foreign Host) and must restore it. */
export const request = {
  host: "127.0.0.1:3000" as string | null,
  origin: "http://127.0.0.1:3000" as string | null,
  session: session.value as string | undefined,
};

export const nextHeaders = {
  headers: async () => {
    const h = new Headers();
    if (request.host) h.set("host", request.host);
    if (request.origin) h.set("origin", request.origin);
    return h;
  },
  cookies: async () => ({
    get: (name: string) => (name === SESSION_COOKIE && request.session ? { name, value: request.session } : undefined),
  }),
};
