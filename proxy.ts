import { type NextRequest, NextResponse } from "next/server";

/**
 * Runs before every page, action and API route:
 *  - refuses a URL holding a NUL byte (400) and a server action posted from another site (403);
 *  - sends visitors without a session cookie to /login;
 *  - sets the security headers, with a fresh nonce for the Content-Security-Policy, which Next.js
 *    puts on its own scripts (it reads the policy from the request headers set here).
 *
 * Deliberately not Auth.js's `auth` wrapper: that re-issues the session cookie on every request it
 * passes, so a request still in flight when a person signs out (a link prefetch, say) would put
 * the cookie back. Whether the session is valid — not signed out, the account active — is checked
 * on the server by every page, action and API route (app/_server/session.ts), once per request.
 */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // Next.js marks its scripts with the nonce; 'strict-dynamic' lets them load their chunks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React and the charts set style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers on every answer (next.config.js sets the same on static files, which this does not see). */
export const SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "x-frame-options": "DENY",
};

function hasNul(request: NextRequest): boolean {
  const { pathname, search } = request.nextUrl;
  try {
    return decodeURIComponent(pathname + search).includes("\u0000");
  } catch {
    return /%00/.test(pathname + search);
  }
}

function foreignOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    const host = new URL(origin).host.toLowerCase();
    const own = [request.headers.get("host"), request.headers.get("x-forwarded-host")?.split(",")[0]?.trim()];
    return !own.some((h) => h?.toLowerCase() === host);
  } catch {
    return true;
  }
}

function refuse(status: 400 | 403, vi: string, en: string, api: boolean): NextResponse {
  const headers = { ...SECURITY_HEADERS, "cache-control": "no-store" };
  if (api) {
    const code = status === 400 ? "bad_request" : "forbidden";
    return NextResponse.json({ error: { code, message: vi, messageEn: en } }, { status, headers });
  }
  return new NextResponse(`${vi}\n${en}\n`, {
    status,
    headers: { ...headers, "content-type": "text/plain; charset=utf-8" },
  });
}

export default function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const api = pathname.startsWith("/api/");
  if (hasNul(request)) {
    return refuse(
      400,
      "Địa chỉ có ký tự không hợp lệ (NUL).",
      "The address holds an invalid NUL character.",
      api,
    );
  }
  // A server action from another site's page (Next.js would answer 500).
  if (request.method === "POST" && request.headers.has("next-action") && foreignOrigin(request)) {
    return refuse(
      403,
      "Yêu cầu đến từ một trang khác bị từ chối.",
      "A request from another site is refused.",
      api,
    );
  }

  const signedIn = request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));
  // The login page is public; the API answers 401 in its own JSON shape (and accepts tokens).
  if (!signedIn && pathname !== "/login" && !api) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    const redirect = NextResponse.redirect(login);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) redirect.headers.set(name, value);
    return redirect;
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
