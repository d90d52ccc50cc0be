import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { getSessionUserBySession, type SessionUser } from "@/db/queries/session-user";
import { getUserByToken } from "@/db/queries/tokens";
import { readEnv, requireAuthSecret } from "@/lib/env";
import { sessionClaims } from "./session-token";

export type CurrentUser = Omit<SessionUser, "active" | "isDemo" | "sessionVersion"> & {
  /** The session the request came with (null for a token): changing one's password keeps this one. */
  sessionId?: string | null;
};

/** An account may act only while active, on the session version it signed in with, and (demo) in demo mode. */
function usable(user: { active: boolean; isDemo: boolean } | null): boolean {
  return Boolean(user?.active && (!user.isDemo || readEnv().demoMode));
}

function toCurrentUser(u: SessionUser, sessionId: string | null = null): CurrentUser {
  return {
    sessionId,
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    provinceId: u.provinceId,
    mustChangePassword: u.mustChangePassword,
  };
}

/**
 * The signed-in user, re-read from the database once per request (React `cache`), so that a
 * deactivated account, one whose password was reset, and a session signed out are refused at
 * their next request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await sessionClaims(requireAuthSecret());
  if (!claims) return null;
  const user = await getSessionUserBySession(getDb(), claims.userId, claims.sessionId);
  return user && usable(user) ? toCurrentUser(user, claims.sessionId) : null;
});

/** The caller of an API route: a personal access token (`Authorization: Bearer …`) or the session cookie. */
export async function getApiUser(request: Request): Promise<CurrentUser | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return null;
    const owner = await getUserByToken(getDb(), match[1]);
    return owner && usable(owner) ? toCurrentUser(owner) : null;
  }
  return getCurrentUser();
}

/** The page where a temporary password is changed: the only page open until it is. */
export const CHANGE_PASSWORD_PATH = "/change-password";

/**
 * For pages: the signed-in user, or a redirect to the login page saying why — or, while the
 * account still has a temporary password, to the page that changes it.
 */
export async function requirePageUser(): Promise<CurrentUser> {
  const user = await requireSignedInUser();
  if (user.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  return user;
}

/** For the change-password page only: the signed-in user, even one who must change a temporary password. */
export async function requireSignedInUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login?reason=session");
  return user;
}
