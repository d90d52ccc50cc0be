import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The account forms' and the calendar rules' messages for the client (components/i18n/client-messages.tsx). */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["accounts", "admin", "calendar"]}>{children}</ClientMessages>;
}
