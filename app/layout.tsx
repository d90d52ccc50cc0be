import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "ChiTieu", template: "%s · ChiTieu" },
  description: "Theo dõi chỉ tiêu ngành Công Thương / Industry & Trade targets tracker",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        {/* No messages for the client here: the segments whose client components translate give
            their own (components/i18n/client-messages.tsx), and the others load no i18n runtime. */}
        {children}
      </body>
    </html>
  );
}
