import fs from "node:fs";
import path from "node:path";
import format from "icu-minify/format";
import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { compileMessages } from "./compile";

/** Every message exists in both languages, and no two files claim the same namespace. */
function load(locale: string) {
  const dir = path.join(import.meta.dirname, "messages", locale);
  const namespaces = new Map<string, string>();
  const keys: string[] = [];
  for (const file of fs.readdirSync(dir).sort()) {
    const content = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Record<string, unknown>;
    for (const [ns, value] of Object.entries(content)) {
      expect(namespaces.has(ns), `${locale}: namespace ${ns} in ${file} and ${namespaces.get(ns)}`).toBe(
        false,
      );
      namespaces.set(ns, file);
      const walk = (prefix: string, v: unknown): void => {
        if (v && typeof v === "object") for (const [k, c] of Object.entries(v)) walk(`${prefix}.${k}`, c);
        else keys.push(prefix);
      };
      walk(ns, value);
    }
  }
  return keys.sort();
}

describe("messages", () => {
  it("Vietnamese and English have the same keys", () => {
    expect(load("en")).toEqual(load("vi"));
  });
});

/** The raw messages of one locale, as one tree (what i18n/request.ts merges). */
function tree(locale: string): Record<string, unknown> {
  const dir = path.join(import.meta.dirname, "messages", locale);
  return Object.assign(
    {},
    ...fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"))),
  );
}

function leaves(node: unknown, prefix = ""): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}

/** The arguments a compiled message takes: [name] is a plain one, [name, 2, {...}] a plural. */
function argumentsOf(node: unknown, out = new Map<string, "text" | "count">()) {
  if (!Array.isArray(node)) return out;
  if (typeof node[0] === "string" && (node.length === 1 || typeof node[1] === "number")) {
    if (node.length === 1) out.set(node[0], "text");
    else out.set(node[0], "count");
    for (const branch of Object.values((node[2] ?? {}) as Record<string, unknown>)) argumentsOf(branch, out);
    return out;
  }
  for (const part of node) argumentsOf(part, out);
  return out;
}

describe("precompiled messages (issue 12: the ICU parser stays off the client)", () => {
  const formatters = {
    getDateTimeFormat: (...a: ConstructorParameters<typeof Intl.DateTimeFormat>) =>
      new Intl.DateTimeFormat(...a),
    getNumberFormat: (...a: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...a),
    getPluralRules: (...a: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...a),
  };

  for (const locale of ["vi", "en"]) {
    it(`${locale}: every message compiles and formats exactly as the ICU runtime formats it`, () => {
      const raw = tree(locale);
      const compiled = compileMessages(raw);
      const icu = createTranslator({ locale, messages: raw as never });
      let withArguments = 0;
      for (const [key, message] of leaves(raw)) {
        const c = key.split(".").reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], compiled);
        const args = argumentsOf(c);
        if (args.size > 0) withArguments++;
        for (const count of [0, 1, 7]) {
          const values = Object.fromEntries(
            [...args].map(([name, kind]) => [name, kind === "count" ? count : `«${name}»`]),
          );
          const expected = icu(key as never, values as never);
          expect(format(c as never, locale, values, { formatters }), `${locale} ${key}: ${message}`).toBe(
            expected,
          );
        }
      }
      // The check means something: the messages with arguments (77 of them today) were formatted both ways.
      expect(withArguments).toBeGreaterThan(70);
      // Plain objects and arrays only: what React passes to client components (NextIntlClientProvider).
      const plain = (node: unknown): boolean =>
        typeof node !== "object" ||
        node === null ||
        ((Array.isArray(node) || Object.getPrototypeOf(node) === Object.prototype) &&
          Object.values(node).every(plain));
      expect(plain(compiled)).toBe(true);
      // An escaped "<" is text, not a tag (it was a parse error, shown as the key, before).
      expect(icu("profile.tokensHelp" as never)).toMatch(/Bearer <(token|mã)>\.$/);
    });
  }
});
