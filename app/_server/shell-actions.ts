"use server";

import { cookies } from "next/headers";
import { signOut } from "@/app/(auth)/auth";
import { LOCALE_COOKIE, toLocale } from "@/i18n/locales";

/** The interface language is a preference of the browser, not data: no audit, no sign-in needed. */
export async function setLocale(formData: FormData): Promise<void> {
  const locale = toLocale(String(formData.get("locale") ?? ""));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
