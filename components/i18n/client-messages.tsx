import type { AbstractIntlMessages } from "next-intl";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

/** The namespaces every page's client components may use (small: the app's name, navigation, roles). */
const BASE = ["app", "nav", "common", "roles", "vintage", "measure"];

/**
 * Gives client components the messages of these namespaces (and the base) only. Messages given to
 * the client are serialized into the page's HTML (about 30 KB for all of them), and the provider
 * brings the ICU message runtime (about 12 KB gzip) into the page's JavaScript: so the root layout
 * gives none, and each route segment whose client components translate wraps itself in this with
 * its feature's namespaces (login, change-password, admin, profile, targets, entry, reports).
 * Server components read every message through getTranslations, whatever is given here.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: string[];
  children: ReactNode;
}) {
  const all = await getMessages();
  const messages: AbstractIntlMessages = {};
  for (const ns of [...BASE, ...namespaces]) if (ns in all) messages[ns] = all[ns];
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
