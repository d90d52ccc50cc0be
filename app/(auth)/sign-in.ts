import "server-only";
import { z } from "zod";
import type { Db } from "@/db";
import { countRecentFailures, getUserByUsername, recordSignInAttempt } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { readEnv } from "@/lib/env";
import { hashPassword, verifyPassword } from "@/lib/passwords";

/** Failures allowed per account, and per address (an office shares one), within the window. */
export const SIGN_IN_LIMITS = { perUsername: 5, perAddress: 20, windowMinutes: 15 } as const;

export const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export type SignInResult =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid" | "rate_limited" | "inactive" | "malformed" };

// Verifying against a real hash when the user does not exist keeps both answers equally slow.
let dummyHash: Promise<string> | undefined;
function getDummyHash() {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}

/** Checks a sign-in against the rate limit and the stored hash, and records the attempt. */
export async function checkCredentials(db: Db, input: unknown, address: string): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "malformed" };
  const { username, password } = parsed.data;

  const since = new Date(Date.now() - SIGN_IN_LIMITS.windowMinutes * 60_000);
  const failures = await countRecentFailures(db, username, address, since);
  if (failures.byUsername >= SIGN_IN_LIMITS.perUsername || failures.byAddress >= SIGN_IN_LIMITS.perAddress) {
    return { ok: false, reason: "rate_limited" };
  }

  const user = await getUserByUsername(db, username);
  const passwordOk = await verifyPassword(user?.passwordHash || (await getDummyHash()), password);
  const usable = user !== null && passwordOk && (!user.isDemo || readEnv().demoMode);
  await recordSignInAttempt(db, {
    username,
    address,
    userId: user?.id ?? null,
    success: usable && user.active,
  });
  if (!usable) return { ok: false, reason: "invalid" };
  if (!user.active) return { ok: false, reason: "inactive" };
  return { ok: true, user };
}
