import { availableParallelism } from "node:os";
import { hash, verify } from "@node-rs/argon2";

/**
 * Hashing is slow on purpose (19 MiB, 2 passes), so it runs a few at a time: a flood of sign-ins
 * waits its turn here instead of taking every core from the people already signed in. Past
 * `maxWaiting` queued hashes the server answers "busy" rather than queue more.
 */
export const HASHING = {
  concurrency: Math.max(1, Math.min(4, availableParallelism() - 1)),
  maxWaiting: 64,
};
let running = 0;
let peak = 0;
const waiting: (() => void)[] = [];

/** Thrown when too many hashes wait: the caller answers as for too many attempts. */
export class HashingBusy extends Error {
  constructor() {
    super("Too many password checks waiting");
    this.name = "HashingBusy";
  }
}

/** Runs `work` in one of the hashing slots, waiting its turn (exported for tests that hold a slot). */
export async function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (running >= HASHING.concurrency) {
    if (waiting.length >= HASHING.maxWaiting) throw new HashingBusy();
    // The finishing hash hands its place over: `running` stays as it is.
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  peak = Math.max(peak, running);
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** The most hashes that ran at once since the last call (for tests). */
export function takeHashingPeak(): number {
  const p = peak;
  peak = running;
  return p;
}

// argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended minimum.
export function hashPassword(password: string): Promise<string> {
  return bounded(() => hash(password));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return bounded(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      // A malformed hash is a failed sign-in, not a crash.
      return false;
    }
  });
}

/** A readable temporary password: four groups of letters and digits without look-alikes (0/O, 1/l). */
export function temporaryPassword(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-");
}
