import { type NextRequest, NextResponse } from "next/server";

/**
 * Sends visitors without a session cookie to /login. Deliberately not Auth.js's `auth` wrapper:
 * that re-issues the session cookie on every request it passes, so a request still in flight when
 * a person signs out (a link prefetch, say) would put the cookie back and undo the sign-out.
 * Whether the session is valid and the account still active is checked on the server by every
 * page, action and API route (app/_server/session.ts), once per request.
 */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export default function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // The login page is public; the API answers 401 in its own JSON shape (and accepts tokens).
  if (pathname === "/login" || pathname.startsWith("/api/")) return NextResponse.next();
  if (request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name))) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
