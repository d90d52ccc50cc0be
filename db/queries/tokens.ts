import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../index";
import { apiTokens, users } from "../schema";

const TOKEN_PREFIX = "ct_";
const LAST_USED_PRECISION_MS = 60_000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Creates a token and returns its secret, which is never stored and so can be shown only once.
 * The token is tied to the owner's current session version: it dies with their sessions.
 */
export async function createApiToken(db: DbOrTx, userId: number, name: string) {
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const [row] = await db
    .insert(apiTokens)
    .values({
      userId,
      name,
      tokenHash: hashToken(secret),
      prefix: secret.slice(0, 10),
      sessionVersion: sql`(select ${users.sessionVersion} from ${users} where ${users.id} = ${userId})`,
    })
    .returning();
  return { secret, token: row };
}

/** Revokes one of the user's own tokens; returns the row as it was, or null when there is none to revoke. */
export async function revokeApiToken(db: DbOrTx, userId: number, tokenId: number) {
  const [before] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
  if (!before) return null;
  await db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, tokenId));
  return before;
}

/** The user's tokens, newest first; `expired` when a deactivation, password reset or role change ended it. */
export function listApiTokens(db: DbOrTx, userId: number) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      expired: sql<boolean>`${apiTokens.sessionVersion} <> ${users.sessionVersion}`,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt));
}

/**
 * The owner of a live token: not revoked, and made on the owner's current session version (a
 * deactivation, password reset or role change since kills it). The caller checks the owner is active.
 */
export async function getUserByToken(db: DbOrTx, secret: string) {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({ user: users, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, and(eq(users.id, apiTokens.userId), eq(users.sessionVersion, apiTokens.sessionVersion)))
    .where(and(eq(apiTokens.tokenHash, hashToken(secret)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  // "Last used" is shown to the minute: a script calling every second does not write every second.
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  }
  return row.user;
}
