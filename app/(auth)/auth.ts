import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { checkCredentials } from "./sign-in";

/** Carries the reason to the login form; the form shows the same words for a wrong user or password. */
class SignInRefused extends CredentialsSignin {
  constructor(reason: string) {
    super(reason);
    this.code = reason;
  }
}

export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  trustHost: true,
  logger: {
    // A refused sign-in is an answer, not a server error: it is recorded in sign_in_attempts.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(credentials, request) {
        const result = await checkCredentials(getDb(), credentials, clientAddress(request.headers));
        if (!result.ok) throw new SignInRefused(result.reason);
        const { user } = result;
        return {
          id: String(user.id),
          name: user.displayName,
          role: user.role,
          provinceId: user.provinceId,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id ?? "";
        token.role = user.role;
        token.provinceId = user.provinceId;
        token.sessionVersion = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid;
      session.user.role = token.role;
      session.user.provinceId = token.provinceId;
      session.user.sessionVersion = token.sessionVersion;
      return session;
    },
  },
});
