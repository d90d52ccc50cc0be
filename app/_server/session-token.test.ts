import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";

/** The request's cookies, as next/headers gives them to the code under test. */
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
  }),
}));
const { sessionClaims } = await import("./session-token");

const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const NAME = "authjs.session-token";
const cookie = (claims: Record<string, unknown>, maxAge = 3600, salt = NAME, secret = SECRET) =>
  encode({ token: claims, secret, salt, maxAge });

describe("reading the session cookie without Auth.js's auth() (issue 12)", () => {
  beforeEach(() => jar.clear());

  it("gives the user and session of a cookie Auth.js made, and the same again from memory", async () => {
    jar.set(NAME, await cookie({ uid: "7", sid: "session-a" }));
    const first = await sessionClaims(SECRET);
    expect(first).toMatchObject({ userId: 7, sessionId: "session-a" });
    expect(await sessionClaims(SECRET)).toEqual(first);
  });

  it("reads the __Secure- cookie behind HTTPS, and a cookie split into chunks", async () => {
    jar.set(`__Secure-${NAME}`, await cookie({ uid: "8", sid: "s" }, 3600, `__Secure-${NAME}`));
    expect(await sessionClaims(SECRET)).toMatchObject({ userId: 8 });
    jar.clear();
    const whole = await cookie({ uid: "9", sid: "s" });
    jar.set(`${NAME}.0`, whole.slice(0, 100));
    jar.set(`${NAME}.1`, whole.slice(100));
    expect(await sessionClaims(SECRET)).toMatchObject({ userId: 9 });
  });

  it("refuses no cookie, a tampered one, another secret's, another name's and one without a session id", async () => {
    expect(await sessionClaims(SECRET)).toBeNull();
    const good = await cookie({ uid: "7", sid: "session-b" });
    const i = good.length - 10;
    jar.set(NAME, good.slice(0, i) + (good[i] === "A" ? "B" : "A") + good.slice(i + 1));
    expect(await sessionClaims(SECRET)).toBeNull();
    jar.set(
      NAME,
      await cookie({ uid: "7", sid: "s" }, 3600, NAME, "another-secret-of-at-least-thirty-two-chars"),
    );
    expect(await sessionClaims(SECRET)).toBeNull();
    jar.set(NAME, await cookie({ uid: "7", sid: "s" }, 3600, `__Secure-${NAME}`));
    expect(await sessionClaims(SECRET)).toBeNull();
    jar.set(NAME, await cookie({ uid: "7" }));
    expect(await sessionClaims(SECRET)).toBeNull();
  });

  it("refuses an expired cookie, also one it remembered while it was valid", async () => {
    jar.set(NAME, await cookie({ uid: "7", sid: "session-c" }, 60));
    expect(await sessionClaims(SECRET)).toMatchObject({ userId: 7 });
    vi.useFakeTimers({ now: Date.now() + 61_000, toFake: ["Date"] });
    try {
      expect(await sessionClaims(SECRET)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
    jar.set(NAME, await cookie({ uid: "7", sid: "s" }, -60));
    expect(await sessionClaims(SECRET)).toBeNull();
  });
});
