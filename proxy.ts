// Every request passes here first: the host allowlist and Origin check (DNS rebinding, cross-site), then the session.
import { NextResponse, type NextRequest } from "next/server";
import { SIGN_IN_PATH, SIGN_OUT_PATH, checkHostAndOrigin, decide, type Decision } from "@/lib/auth/access";
import { safeNextPath, signInPage } from "@/lib/auth/sign-in-page";
import { SESSION_COOKIE, SESSION_TTL_SECONDS, configuredToken, newSessionValue, tokenMatches } from "@/lib/auth/token";

/** Assets a sign-in page may show before there is a session. */
const PUBLIC_ASSETS = new Set(["/icon.svg", "/favicon.ico"]);

const NO_STORE = { "cache-control": "no-store", "x-content-type-options": "nosniff" };

function text(status: number, message: string): NextResponse {
  return new NextResponse(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", ...NO_STORE } });
}

function html(status: number, body: string): NextResponse {
  return new NextResponse(body, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'", ...NO_STORE },
  });
}

function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

/** A redirect to a path on the host the browser used (already checked against the allowlist). */
function redirectTo(request: NextRequest, path: string): NextResponse {
  const origin = `${isHttps(request) ? "https" : "http"}://${request.headers.get("host")}`;
  return new NextResponse(null, { status: 303, headers: { location: new URL(path, origin).toString(), ...NO_STORE } });
}

function startSession(request: NextRequest, res: NextResponse, token: string): NextResponse {
  res.cookies.set(SESSION_COOKIE, newSessionValue(token).value, {
    httpOnly: true,
    sameSite: "strict",
    secure: isHttps(request),
    path: "/",
    maxAge: SESSION_TTL_SECONDS,
  });
  return res;
}

function refusal(request: NextRequest, d: Extract<Decision, { kind: "refuse" }>): NextResponse {
  if (d.signIn) {
    const next = safeNextPath(request.nextUrl.pathname + stripToken(request.nextUrl).search);
    return html(d.status, signInPage({ next, error: d.badToken ? d.message : undefined }));
  }
  return text(d.status, d.message);
}

function stripToken(url: URL): URL {
  const u = new URL(url);
  u.searchParams.delete("token");
  return u;
}

async function signIn(request: NextRequest): Promise<NextResponse> {
  let token = "";
  let next = "/gateways";
  try {
    const form = await request.formData();
    token = String(form.get("token") ?? "");
    next = safeNextPath(String(form.get("next") ?? ""));
  } catch {
    return text(400, "Send the sign-in form as application/x-www-form-urlencoded.");
  }
  const expected = configuredToken();
  if (!tokenMatches(token.trim(), expected)) return html(401, signInPage({ next, error: "That access token is not valid for this console." }));
  return startSession(request, redirectTo(request, next), expected!);
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const facts = { host: request.headers.get("host"), origin: request.headers.get("origin") };
  const { pathname } = request.nextUrl;

  if (pathname === SIGN_IN_PATH || pathname === SIGN_OUT_PATH) {
    const problem = checkHostAndOrigin(facts);
    if (problem && problem.kind === "refuse") return text(problem.status, problem.message);
    if (pathname === SIGN_OUT_PATH) {
      if (request.method !== "POST") return text(405, "Sign out with a POST.");
      const res = redirectTo(request, SIGN_IN_PATH);
      res.cookies.set(SESSION_COOKIE, "", { httpOnly: true, sameSite: "strict", secure: isHttps(request), path: "/", maxAge: 0 });
      return res;
    }
    if (request.method === "POST") return signIn(request);
    return html(200, signInPage({ next: safeNextPath(request.nextUrl.searchParams.get("next")) }));
  }

  const decision = decide({
    method: request.method,
    pathname,
    ...facts,
    sessionCookie: request.cookies.get(SESSION_COOKIE)?.value,
    queryToken: request.nextUrl.searchParams.get("token"),
  });
  switch (decision.kind) {
    case "allow":
      return NextResponse.next();
    case "exchange": {
      const target = stripToken(request.nextUrl);
      const path = target.pathname === "/" ? "/gateways" + target.search : target.pathname + target.search;
      return startSession(request, redirectTo(request, path), configuredToken()!);
    }
    case "refuse":
      if (PUBLIC_ASSETS.has(pathname) && decision.status === 401) return NextResponse.next();
      return refusal(request, decision);
  }
}
