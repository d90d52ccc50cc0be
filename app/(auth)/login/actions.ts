"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/app/(auth)/auth";

export type LoginState = { error?: "invalid" | "malformed" | "rate_limited" | "busy" | "error" } | null;

const KNOWN = new Set(["invalid", "malformed", "rate_limited", "busy"]);

function safeRedirect(target: FormDataEntryValue | null): string {
  // Only paths on this site: never send a person elsewhere after signing in.
  return typeof target === "string" && target.startsWith("/") && !target.startsWith("//") ? target : "/";
}

export async function login(_previous: LoginState, formData: FormData): Promise<LoginState> {
  try {
    await signIn("credentials", {
      username: formData.get("username") ?? "",
      password: formData.get("password") ?? "",
      redirectTo: safeRedirect(formData.get("next")),
    });
    return null;
  } catch (error) {
    // signIn redirects by throwing; only Auth.js errors are sign-in failures.
    if (error instanceof AuthError) {
      const code = "code" in error && typeof error.code === "string" ? error.code : "";
      return { error: KNOWN.has(code) ? (code as NonNullable<LoginState>["error"]) : "error" };
    }
    throw error;
  }
}
