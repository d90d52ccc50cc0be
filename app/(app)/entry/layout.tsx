import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The month sheet's, workflow's and imports' messages for the client (components/i18n/client-messages.tsx). */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["entry", "workflow", "review", "import"]}>{children}</ClientMessages>;
}
