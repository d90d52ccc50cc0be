import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The targets sheet's messages for the client (components/i18n/client-messages.tsx). */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["targets", "entry"]}>{children}</ClientMessages>;
}
