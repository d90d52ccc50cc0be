import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { createSession, revokeSession } from "@/db/queries/sessions";
import { clientAddress } from "@/lib/client-address";
import { logServerError } from "@/lib/log";
import { checkCredentials } from "./sign-in";

/** Carries the reason to the login form; the form shows the same words for a wrong user or password. */
class SignInRefused extends CredentialsSignin {
  constructor(reason: string) {
    super(reason);
    this.code = reason;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  trustHost: true,
  logger: {
    // A refused sign-in is an answer, not a server error: it is recorded in sign_in_attempts.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      logServerError(error);
    },
  },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(credentials, request) {
        const address = clientAddress(request.headers);
        const result = await checkCredentials(getDb(), credentials, address);
        if (!result.ok) throw new SignInRefused(result.reason);
        const { user } = result;
        const sessionId = await createSession(getDb(), user.id, address);
        return {
          id: String(user.id),
          name: user.displayName,
          role: user.role,
          provinceId: user.provinceId,
          sessionVersion: user.sessionVersion,
          sessionId,
        };
      },
    }),
  ],
  events: {
    // Signing out ends the session on the server: a copy of the cookie answers 401 from now on.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await revokeSession(getDb(), sid);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id ?? "";
        token.role = user.role;
        token.provinceId = user.provinceId;
        token.sessionVersion = user.sessionVersion;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid;
      session.user.role = token.role;
      session.user.provinceId = token.provinceId;
      session.user.sessionVersion = token.sessionVersion;
      session.user.sessionId = token.sid;
      return session;
    },
  },
});
