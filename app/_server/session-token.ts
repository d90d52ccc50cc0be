import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";

/**
 * The session cookie read directly, as Auth.js reads it, without Auth.js's `auth()`: on every
 * call that re-signs and re-encrypts a fresh cookie (to slide its expiry), which a page cannot
 * set anyway and which our sessions do not need — a session ends at its `expires_at` in the
 * database (db/queries/sessions.ts). Decrypting a cookie (key derivation, AES, HMAC) is the
 * costliest part of reading it, so a cookie already decrypted by this process is remembered
 * until it expires (issue 12: about a tenth of a page's CPU went to the two). Whether the session
 * is still live — not signed out, the account active — is checked in the database on every
 * request all the same (app/_server/session.ts).
 */

/** Auth.js's cookie: `__Secure-` behind HTTPS; split into `.0`, `.1`, … when over 4 KB. The name is the salt. */
const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"];
const REMEMBERED = 10_000;

type SessionClaims = { userId: number; sessionId: string; expires: number };
const remembered = new Map<string, SessionClaims>();

async function sessionCookie(): Promise<{ token: string; salt: string } | null> {
  const jar = await cookies();
  for (const name of COOKIE_NAMES) {
    const whole = jar.get(name)?.value;
    if (whole) return { token: whole, salt: name };
    const chunks: string[] = [];
    for (let i = 0; jar.get(`${name}.${i}`)?.value; i++) chunks.push(jar.get(`${name}.${i}`)?.value ?? "");
    if (chunks.length > 0) return { token: chunks.join(""), salt: name };
  }
  return null;
}

/** The user and session the request's cookie names, or null without a valid, unexpired cookie. */
export async function sessionClaims(secret: string): Promise<SessionClaims | null> {
  const cookie = await sessionCookie();
  if (!cookie) return null;
  const key = `${cookie.salt}\n${cookie.token}`;
  let claims = remembered.get(key) ?? null;
  if (!claims) {
    const payload = await decode({ token: cookie.token, secret, salt: cookie.salt }).catch(() => null);
    const userId = Number(payload?.uid);
    // A cookie without a session id (made before sessions were kept) is not a session.
    if (
      !payload ||
      !Number.isInteger(userId) ||
      typeof payload.sid !== "string" ||
      typeof payload.exp !== "number"
    )
      return null;
    claims = { userId, sessionId: payload.sid, expires: payload.exp * 1000 };
    if (remembered.size >= REMEMBERED) remembered.delete(remembered.keys().next().value as string);
    remembered.set(key, claims);
  }
  if (claims.expires <= Date.now()) {
    remembered.delete(key);
    return null;
  }
  return claims;
}
