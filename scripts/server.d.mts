/** Types for scripts/server.mjs (plain JavaScript, run by node without tsx). */
import type { IncomingMessage } from "node:http";

export const CLIENT_ADDRESS_HEADER: "x-chitieu-client-address";
export const BODY_LIMITS: { api: number; other: number };
export function clientAddressOf(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: number,
): string;
export function trustedProxyCount(value: string | undefined): number;
export function tooLarge(req: IncomingMessage): boolean;
