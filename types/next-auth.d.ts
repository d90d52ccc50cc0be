import type { DefaultSession } from "next-auth";
import type { Role } from "@/lib/permissions";

declare module "next-auth" {
  interface User {
    role: Role;
    provinceId: string | null;
    sessionVersion: number;
    sessionId: string;
  }
  interface Session {
    user: {
      id: string;
      role: Role;
      provinceId: string | null;
      sessionVersion: number;
      sessionId: string;
    } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    provinceId: string | null;
    sessionVersion: number;
    /** The server-side session (db/schema.ts `sessions`): signing out revokes it. */
    sid: string;
  }
}
