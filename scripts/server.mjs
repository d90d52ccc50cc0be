/**
 * The HTTP server `npm start` runs: Next.js behind a few lines that only the socket can give.
 *
 *  - The client's address, for the sign-in limits: the socket's, or — when the deployment says how
 *    many reverse proxies stand in front (TRUSTED_PROXY_COUNT) — the entry that many from the
 *    right of X-Forwarded-For. It travels to the app in CLIENT_ADDRESS_HEADER, which is always
 *    overwritten here, so a client cannot send its own.
 *  - Bodies too large for the route are answered 413 before a byte of them is read.
 *
 * Plain JavaScript, run by node itself (not tsx), so nothing transforms Next's own code.
 */
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";

export const CLIENT_ADDRESS_HEADER = "x-chitieu-client-address";

/** The largest body an API route takes (an uploaded .docx of 5 MB and its form) and a server action (Next's 1 MB). */
export const BODY_LIMITS = { api: 6 * 1024 * 1024, other: 1024 * 1024 };

/**
 * The client's address: with no trusted proxy the socket's; with n trusted proxies, the n-th
 * address from the right of X-Forwarded-For followed by the socket (each proxy appends the address
 * it was called from, so those n are the proxies' and the one before them the client's). Entries
 * further left were written by the client and are never read.
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {number} trustedProxies
 * @returns {string}
 */
export function clientAddressOf(socketAddress, forwardedFor, trustedProxies) {
  const socket = normalise(socketAddress ?? "") || "unknown";
  if (!trustedProxies || trustedProxies < 1) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [
    ...header
      .split(",")
      .map((s) => normalise(s.trim()))
      .filter(Boolean),
    socket,
  ];
  // Fewer entries than proxies: the request did not come through them all; the leftmost is the best there is.
  return chain[Math.max(0, chain.length - 1 - trustedProxies)];
}

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) is `10.0.0.1`; anything odd is cut to 64 characters. */
function normalise(address) {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").slice(0, 64);
}

/**
 * @param {string | undefined} value
 * @returns {number}
 */
export function trustedProxyCount(value) {
  if (value === undefined || value === "") return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10) {
    throw new Error("ChiTieu: TRUSTED_PROXY_COUNT must be a whole number from 0 to 10.");
  }
  return n;
}

/**
 * A body larger than the route takes: refused from its Content-Length, unread.
 * @param {import("node:http").IncomingMessage} req
 * @returns {boolean}
 */
export function tooLarge(req) {
  const length = Number(req.headers["content-length"] ?? 0);
  const limit = (req.url ?? "").startsWith("/api/") ? BODY_LIMITS.api : BODY_LIMITS.other;
  return Number.isFinite(length) && length > limit;
}

async function main() {
  const dev = process.argv.includes("--dev");
  const port = Number(process.env.PORT || 3000);
  const trusted = trustedProxyCount(process.env.TRUSTED_PROXY_COUNT);
  const { default: next } = await import("next");
  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(
      req.socket.remoteAddress,
      req.headers["x-forwarded-for"],
      trusted,
    );
    if (tooLarge(req)) {
      res.writeHead(413, { "content-type": "application/json; charset=utf-8", connection: "close" });
      res.end(
        JSON.stringify({
          error: {
            code: "too_large",
            message: "Nội dung gửi lên quá lớn.",
            messageEn: "The request body is too large.",
          },
        }),
      );
      return;
    }
    handle(req, res);
  });
  if (dev) server.on("upgrade", app.getUpgradeHandler());
  // Every interface, as `next start` does; keep the port closed to all but the proxy (docs/security.md).
  server.listen(port, () => {
    console.log(`[chitieu] listening on port ${port}${trusted ? `, trusting ${trusted} proxy(ies)` : ""}`);
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      server.close();
      process.exit(0);
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
