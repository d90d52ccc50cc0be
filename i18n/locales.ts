export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "chitieu-locale";

export function toLocale(value: string | undefined | null): Locale {
  return value === "en" ? "en" : "vi";
}
