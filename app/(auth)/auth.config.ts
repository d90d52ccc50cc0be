import type { NextAuthConfig } from "next-auth";

/**
 * The part of the Auth.js configuration the proxy needs: no database, no Node-only imports.
 * `auth.ts` adds the credentials provider and the callbacks that carry id, role and province.
 */
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const path = request.nextUrl.pathname;
      // The login page is public; the API answers 401 in its own JSON shape (and accepts tokens).
      if (path === "/login" || path.startsWith("/api/")) return true;
      return Boolean(auth?.user);
    },
  },
} satisfies NextAuthConfig;
