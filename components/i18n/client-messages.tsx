import type { AbstractIntlMessages } from "next-intl";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

/** The namespaces every page's client components may use (small: the app's name, navigation, roles). */
const BASE = ["app", "nav", "common", "roles", "vintage", "measure"];

/**
 * Gives client components the messages of these namespaces only. Messages given to the client are
 * serialized into every page's HTML (about 30 KB for all of them), so the root layout gives the
 * base and each route segment whose client components need more wraps itself in this with its
 * feature's namespaces (a nested provider replaces the outer one's messages). Server components
 * read every message through getTranslations, whatever is given here.
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
