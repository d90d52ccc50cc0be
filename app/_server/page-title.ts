import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/**
 * A page's title (the browser tab, and what the route announcer reads) in the reader's language:
 * `export const generateMetadata = pageTitle("nav.entry");`.
 */
export function pageTitle(key: string) {
  return async (): Promise<Metadata> => {
    const t = await getTranslations();
    return { title: t(key as "nav.entry") };
  };
}
