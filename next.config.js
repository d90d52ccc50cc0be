import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  // i18n/request.ts compiles every message when it loads them; this makes next-intl format them with
  // its small precompiled-message runtime, so the ICU parser stays out of the pages' JavaScript.
  experimental: { messages: { path: "./i18n/messages", format: "json", precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships its own WASM and data files; bundling it breaks its file lookups (stack.md).
  // playwright-core launches Chromium for the report PDFs; exceljs and docx are plain Node libraries kept unbundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "playwright-core", "exceljs", "docx"],
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
  typedRoutes: false,
  // The same security headers as proxy.ts, on the static files it does not see (issue 9).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          {
            key: "Permissions-Policy",
            value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
          },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
