import compile from "icu-minify/compile";

/**
 * A messages tree with every message string compiled by icu-minify (next-intl's own compiler):
 * plain text stays a string, a message with arguments becomes a small array. next-intl formats these
 * with its precompiled-message runtime (`precompile` in next.config.js), which is what keeps the ICU
 * parser out of the pages' JavaScript. A message that does not parse throws here, at load.
 *
 * The result is plain JSON: icu-minify builds a plural's branches on null-prototype objects, which
 * React refuses to pass from a server component to a client one (next-intl's own loader does the
 * same round trip).
 */
export function compileMessages(tree: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(compileTree(tree)));
}

function compileTree(tree: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(tree).map(([key, value]) => [
      key,
      typeof value === "string" ? compile(value) : compileTree(value as Record<string, unknown>),
    ]),
  );
}
