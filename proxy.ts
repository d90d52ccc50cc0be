import NextAuth from "next-auth";
import { authConfig } from "@/app/(auth)/auth.config";

// Sends signed-out visitors to /login. It only reads the session cookie; whether the account is
// still active is checked once per request by app/_server/session.ts.
export default NextAuth(authConfig).auth;

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
