/**
 * The address a request came from, as the server (scripts/server.mjs) worked it out from the
 * socket and TRUSTED_PROXY_COUNT. Never X-Forwarded-For itself: a client writes what it likes there.
 * The server overwrites this header on every request; without it (the app started some other way)
 * every request counts as one address, which errs on the side of the limit.
 */
export const CLIENT_ADDRESS_HEADER = "x-chitieu-client-address";

export function clientAddress(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER)?.slice(0, 64) || "unknown";
}
