import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The login form's messages for the client (components/i18n/client-messages.tsx). */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["login"]}>{children}</ClientMessages>;
}
