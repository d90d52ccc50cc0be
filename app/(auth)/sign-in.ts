import "server-only";
import { z } from "zod";
import type { Db } from "@/db";
import {
  getUserByUsername,
  reserveSignInAttempt,
  settleSignInAttempt,
  withdrawSignInAttempt,
} from "@/db/queries/users";
import type { User } from "@/db/schema";
import { readEnv } from "@/lib/env";
import { HashingBusy, hashPassword, verifyPassword } from "@/lib/passwords";

/** Failures allowed per account, and per address (an office shares one), within the window. */
export const SIGN_IN_LIMITS = { perUsername: 5, perAddress: 20, windowMinutes: 15 } as const;

const noNul = (s: string) => !s.includes("\u0000");
export const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64).refine(noNul),
  password: z.string().min(1).max(256).refine(noNul),
});

export type SignInResult =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid" | "rate_limited" | "busy" | "malformed" };

// Verifying against a real hash when the user does not exist keeps both answers equally slow.
let dummyHash: Promise<string> | undefined;
function getDummyHash() {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}

/**
 * Checks a sign-in. The attempt is counted and recorded first, atomically (the limits hold against
 * concurrent attempts), and only then is the password hashed. A deactivated account gets the same
 * answer as a wrong password: the answer never tells whether a password was right for an account
 * that cannot sign in.
 */
export async function checkCredentials(db: Db, input: unknown, address: string): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "malformed" };
  const { username, password } = parsed.data;

  const since = new Date(Date.now() - SIGN_IN_LIMITS.windowMinutes * 60_000);
  const user = await getUserByUsername(db, username);
  const attemptId = await reserveSignInAttempt(
    db,
    { username, address, userId: user?.id ?? null },
    SIGN_IN_LIMITS,
    since,
  );
  if (attemptId === null) return { ok: false, reason: "rate_limited" };

  let passwordOk: boolean;
  try {
    passwordOk = await verifyPassword(user?.passwordHash || (await getDummyHash()), password);
  } catch (error) {
    if (!(error instanceof HashingBusy)) throw error;
    await withdrawSignInAttempt(db, attemptId);
    return { ok: false, reason: "busy" };
  }
  const usable = user !== null && passwordOk && user.active && (!user.isDemo || readEnv().demoMode);
  await settleSignInAttempt(db, attemptId, user?.id ?? null, usable);
  if (!usable) return { ok: false, reason: "invalid" };
  return { ok: true, user };
}
